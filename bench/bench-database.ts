/** A fresh PostgreSQL database for the ingest benchmark, dropped and created anew on every run. */
import { Client } from 'pg';

export const BENCH_DATABASE = 'podreach_bench';

/**
 * Drops and recreates `podreach_bench` through the server's `postgres` database and returns its URL.
 * `adminUrl` is any database URL of that server (default: 127.0.0.1:5432 as user postgres).
 */
export async function freshBenchDatabase(adminUrl: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}
