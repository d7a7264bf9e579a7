import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
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

/** An open, migrated database and the driver adapter Prisma talks to it through. */
export interface DatabaseConnection {
  kind: DatabaseConfig['kind'];
  adapter: SqlDriverAdapterFactory;
  /** The committed migrations; readiness checks that the database has them all. */
  migrations: Migration[];
  /** Releases what Prisma's own disconnect does not (the embedded database). */
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
    return {
      kind: 'postgres',
      adapter: new PrismaPg({ connectionString: config.url }),
      migrations,
      close: async () => undefined,
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
    close: () => db.close(),
  };
}
