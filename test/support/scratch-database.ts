import { Client } from 'pg';

/** A PostgreSQL database of a test's own: `client` is connected to it; `drop()` disconnects and drops it. */
export interface ScratchDatabase {
  url: string;
  client: Client;
  drop(): Promise<void>;
}

/** Creates database `name` afresh (dropping a leftover of an earlier run) on the server of `serverUrl`. */
export async function scratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return {
    url: url.toString(),
    client,
    drop: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
