import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { jsonArrayBytes, jsonArrayText } from './json-array-param';

/** One statement after another inside a transaction, with `$1`-style parameters. */
export interface SqlTransaction {
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * A JSON array of `texts` (each one a JSON text) as a parameter cast to `json` (not `jsonb`), in the form
   * the driver passes on at least cost: a bulk insert's parameter can be megabytes.
   */
  jsonArray(texts: readonly string[]): unknown;
}

/**
 * Runs `work` in one transaction: committed when it returns, rolled back when it throws. For bulk
 * writes, whose statements carry megabytes of parameters: Prisma passes every parameter through its
 * query compiler, which costs more than PostgreSQL's work on it.
 */
export type TransactionRunner = <T>(
  work: (tx: SqlTransaction) => Promise<T>,
  options: { timeoutMs: number },
) => Promise<T>;

/**
 * `work` with a deadline, as Prisma's interactive transactions have: no statement starts, and nothing
 * is committed, after `timeoutMs`, and PostgreSQL cancels any one statement that runs that long.
 */
async function withDeadline<T>(
  { query, jsonArray }: SqlTransaction,
  work: (tx: SqlTransaction) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const checkDeadline = () => {
    if (Date.now() > deadline) throw new Error(`Transaction ran longer than its ${timeoutMs} ms timeout`);
  };
  // SET does not take parameters; the number is a whole number from the configuration.
  await query(`SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`);
  const result = await work({
    query: <R extends object>(sql: string, params?: readonly unknown[]) => {
      checkDeadline();
      return query<R>(sql, params);
    },
    jsonArray,
  });
  checkDeadline();
  return result;
}

/** Transactions on connections of `pool`, taken for each transaction and given back after it. */
export function postgresTransactions(pool: pg.Pool): TransactionRunner {
  return async (work, { timeoutMs }) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const query = async <R extends object>(sql: string, params?: readonly unknown[]) =>
        (await client.query(sql, params as unknown[] | undefined)).rows as R[];
      const result = await withDeadline({ query, jsonArray: jsonArrayBytes }, work, timeoutMs);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is closed rather than given back to the pool.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

/** Transactions on the embedded database, which runs them one at a time, as it runs Prisma's. */
export function pgliteTransactions(db: PGlite): TransactionRunner {
  return (work, { timeoutMs }) =>
    db.transaction((tx: Transaction) => {
      const query = async <R extends object>(sql: string, params?: readonly unknown[]) =>
        (await tx.query<R>(sql, params as unknown[] | undefined)).rows;
      return withDeadline({ query, jsonArray: jsonArrayText }, work, timeoutMs);
    });
}
