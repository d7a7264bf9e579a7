/** A fresh PostgreSQL database for a stage that runs the service, dropped again when the stage is done. */
import { Client } from 'pg';

const BENCH_DATABASE_PREFIX = 'podreach_bench';

export interface BenchDatabaseHandle {
  url: string;
  /** Drops the database; call it once the service using it is closed. */
  drop(): Promise<void>;
}

async function run(adminUrl: string, statement: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * Creates `podreach_bench_<pid>` through the server of `adminUrl` (any database URL of it; default
 * 127.0.0.1:5432 as user postgres) and returns its URL. Named by the stage's process, so that bench runs of
 * several people on one server never drop each other's database mid-run; one left over by a stage that was
 * killed under the same process id is dropped first.
 */
export async function freshBenchDatabase(adminUrl: string): Promise<BenchDatabaseHandle> {
  const name = `${BENCH_DATABASE_PREFIX}_${process.pid}`;
  await run(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
