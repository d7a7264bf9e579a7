import pg from 'pg';
import { generateApiKey } from '../../apps/api/src/auth/api-key-format';
import type { TestApp } from './test-app';

/** A fresh admin key to declare with PODREACH_ADMIN_KEY, so that test files sharing a database stay apart. */
export function declaredAdminKey(): string {
  return generateApiKey();
}

/** The Authorization header value for a key. */
export function bearer(key: string): string {
  return `Bearer ${key}`;
}

export interface KeyRequest {
  name?: string;
  scopes: string[];
  clusters?: string[] | null;
  expiresAt?: string;
}

/** Creates a key through the admin API with `adminKey`; returns its id and the key. */
export async function createKey(
  t: TestApp,
  adminKey: string,
  request: KeyRequest,
): Promise<{ id: string; key: string }> {
  const res = await t
    .http()
    .post('/api/v1/keys')
    .set('authorization', bearer(adminKey))
    .send({ name: 'test key', ...request });
  if (res.status !== 201) throw new Error(`creating a key answered ${res.status}: ${res.text}`);
  return { id: res.body.id, key: res.body.key };
}

/**
 * A database of its own on the PostgreSQL of DATABASE_URL, for tests that need one without any key; undefined
 * on PGlite, where every test app has a fresh in-memory database anyway.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `podreach_auth_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
