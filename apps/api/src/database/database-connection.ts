import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseConfig } from '../config/app-config';
import {
  applyMigrations,
  findMigrationsDir,
  readMigrations,
  type Migration,
  type MigrationLog,
} from './migrator';
import { openPostgresSession, pgliteSession } from './sql-session';
import { pgliteTransactions, postgresTransactions, type TransactionRunner } from './sql-transaction';

/** An open, migrated database and the driver adapter Prisma talks to it through. */
export interface DatabaseConnection {
  kind: DatabaseConfig['kind'];
  adapter: SqlDriverAdapterFactory;
  /** The committed migrations; readiness checks that the database has them all. */
  migrations: Migration[];
  /** Transactions of plain SQL, past Prisma: for writes too large for its query compiler. */
  transaction: TransactionRunner;
  /** Releases what Prisma's own disconnect does not (the embedded database, the pool of `transaction`). */
  close(): Promise<void>;
}

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

/**
 * Opens PostgreSQL or the embedded PGlite and applies the committed migrations before anything else
 * uses the database.
 */
export async function openDatabase(config: DatabaseConfig, log: MigrationLog): Promise<DatabaseConnection> {
  const migrations = readMigrations(findMigrationsDir());
  if (config.kind === 'postgres') {
    const session = await openPostgresSession(config.url);
    try {
      await applyMigrations(session, migrations, log);
    } finally {
      await session.close();
    }
    // Its own pool: Prisma's is not reachable from outside. Idle connections close after ten seconds;
    // one the server drops while idle is replaced on next use (unhandled, the error would end the process).
    const pool = new pg.Pool({ connectionString: config.url });
    pool.on('error', (error) => log.warn(`an idle database connection failed: ${error.message}`));
    return {
      kind: 'postgres',
      adapter: new PrismaPg({ connectionString: config.url }),
      migrations,
      transaction: postgresTransactions(pool),
      close: () => pool.end(),
    };
  }
  const inMemory = config.dataDir === ':memory:';
  if (!inMemory) mkdirSync(config.dataDir, { recursive: true });
  const db = await PGlite.create(inMemory ? undefined : config.dataDir);
  await applyMigrations(pgliteSession(db), migrations, log);
  return {
    kind: 'pglite',
    // The adapter is built against its own copy of @prisma/driver-adapter-utils; the interface is the same.
    adapter: new PrismaPGlite(db) as unknown as SqlDriverAdapterFactory,
    migrations,
    transaction: pgliteTransactions(db),
    close: () => db.close(),
  };
}
