import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SqlSession } from './sql-session';

export interface Migration {
  /** Directory name, `<timestamp>_<name>`: sorting by it gives the order to apply. */
  name: string;
  sql: string;
  /** SHA-256 of the file, as Prisma records it. */
  checksum: string;
}

export interface MigrationLog {
  log(message: string): void;
  warn(message: string): void;
}

// Prisma's own bookkeeping table: recording here keeps `prisma migrate status|dev` working on a
// database the service migrated itself.
const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Finds `prisma/migrations` above this file, from the sources or from the built `dist/` tree. */
export function findMigrationsDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`No prisma/migrations directory above ${from}`);
  }
}

/** The committed migrations, in the order they must be applied. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the migrations the database has not seen, each in its own transaction together with its
 * bookkeeping row. A session-level advisory lock makes processes that start together wait for one
 * another instead of racing to create the same tables. Returns the names applied now.
 */
export async function applyMigrations(
  session: SqlSession,
  migrations: Migration[],
  log: MigrationLog,
): Promise<string[]> {
  await session.query(`SELECT pg_advisory_lock(hashtext('podreach:migrations'))`);
  try {
    await session.exec(CREATE_BOOKKEEPING);
    const rows = await session.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          log.warn(`Migration ${migration.name} was changed after it was applied; it is not re-run`);
        }
        continue;
      }
      await applyOne(session, migration);
      log.log(`Applied migration ${migration.name}`);
      appliedNow.push(migration.name);
    }
    return appliedNow;
  } finally {
    await session.query(`SELECT pg_advisory_unlock(hashtext('podreach:migrations'))`);
  }
}

async function applyOne(session: SqlSession, migration: Migration): Promise<void> {
  await session.exec('BEGIN');
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK');
    throw error;
  }
}

/** Names of the given migrations the database has not applied (empty when up to date). */
export async function pendingMigrations(
  db: Pick<SqlSession, 'query'>,
  migrations: Migration[],
): Promise<string[]> {
  const rows = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return migrations.map((m) => m.name).filter((name) => !applied.has(name));
}
