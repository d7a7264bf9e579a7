import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * One database session (a single connection) for work that must stay on it, such as holding an
 * advisory lock while migrations run.
 */
export interface SqlSession {
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** A session on its own PostgreSQL connection, outside the pool the application uses. */
export async function openPostgresSession(url: string): Promise<SqlSession> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T extends object>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[],
    exec: async (script) => {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(script);
    },
    close: () => client.end(),
  };
}

/** A session on the embedded database, which has exactly one connection; closing leaves it open. */
export function pgliteSession(db: PGlite): SqlSession {
  return {
    query: async <T extends object>(sql: string, params: unknown[] = []) =>
      (await db.query<T>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
    close: async () => undefined,
  };
}
