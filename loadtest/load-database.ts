/** The load test's own PostgreSQL database, made fresh for every run, and the checks of what it holds after. */
import { Client } from 'pg';
import {
  findIncompleteSnapshots,
  findLostUploads,
  type AcknowledgedUpload,
} from '../test/support/snapshot-integrity';

export const LOAD_DATABASE = 'podreach_loadtest';

export interface StoredCheck {
  snapshots: number;
  /** Snapshots whose rows, counts per kind or content hash disagree (see `findIncompleteSnapshots`). */
  incomplete: string[];
  /** Acknowledged uploads missing, or stored with another hash or counts. */
  lost: string[];
}

async function onServer<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates `podreach_loadtest` on the server of `adminUrl`; returns its URL. */
export async function freshLoadDatabase(adminUrl: string): Promise<string> {
  await onServer(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${LOAD_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${LOAD_DATABASE}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${LOAD_DATABASE}`;
  return url.toString();
}

export async function dropLoadDatabase(adminUrl: string): Promise<void> {
  await onServer(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${LOAD_DATABASE} WITH (FORCE)`));
}

/** Reads every snapshot back: each must be whole, and each acknowledged upload there as sent. */
export function checkStoredSnapshots(
  databaseUrl: string,
  acknowledged: readonly AcknowledgedUpload[],
): Promise<StoredCheck> {
  return onServer(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM snapshots');
    return {
      snapshots: rows[0].n,
      incomplete: await findIncompleteSnapshots(client),
      lost: await findLostUploads(client, acknowledged),
    };
  });
}
