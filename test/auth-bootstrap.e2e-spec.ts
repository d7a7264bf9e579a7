import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY_ANNOUNCER, AdminKeyBootstrap } from '../apps/api/src/auth/admin-key-bootstrap';
import { SnapshotsService } from '../apps/api/src/snapshots/snapshots.service';
import { bearer, declaredAdminKey, freshPostgresDatabase } from './support/api-keys';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

/**
 * How the first admin key comes to be when authentication is on: declared by PODREACH_ADMIN_KEY, or made at
 * the first start and shown once. Each case starts its own services on a database of its own when on
 * PostgreSQL, so that no other test's keys are there.
 */
const started: TestApp[] = [];
const databases: { drop(): Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(started.map((app) => app.close()));
  await Promise.all(databases.map((database) => database.drop()));
});

/** A database URL of its own on PostgreSQL; undefined on PGlite, where each service has its own in memory. */
async function ownDatabase(): Promise<Record<string, string>> {
  const database = await freshPostgresDatabase();
  if (!database) return {};
  databases.push(database);
  return { DATABASE_URL: database.url };
}

/** Starts the service with authentication on, collecting what it shows on standard output about keys. */
async function start(env: Record<string, string>, shown: string[]): Promise<TestApp> {
  const app = await startTestApp({
    auth: 'on',
    env,
    override: (builder) =>
      builder.overrideProvider(ADMIN_KEY_ANNOUNCER).useValue((line: string) => shown.push(line)),
  });
  started.push(app);
  return app;
}

const FIRST_KEY_LINE = /^podreach admin key \(shown once, keep it safe\): (prk_[A-Za-z0-9_-]{43})$/;

function keyIn(line: string): string {
  return FIRST_KEY_LINE.exec(line)![1];
}

async function listKeys(app: TestApp, key: string) {
  return app.http().get('/api/v1/keys').set('authorization', bearer(key));
}

describe('the first start without a declared admin key', () => {
  it('makes an admin key and shows it once; it works, and the next start shows none', async () => {
    const env = await ownDatabase();
    const shown: string[] = [];
    const app = await start(env, shown);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(FIRST_KEY_LINE);
    const key = keyIn(shown[0]);
    const res = await listKeys(app, key);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ name: 'first admin key', scopes: ['admin'] })]);

    await app.app.get(AdminKeyBootstrap).ensureAdminKey();
    if (env.DATABASE_URL) await start(env, shown);
    expect(shown).toHaveLength(1);
  });

  it('makes one key when several processes start together', async () => {
    const env = await ownDatabase();
    const shown: string[] = [];
    const apps = await Promise.all([start(env, shown), start(env, shown)]);
    // On PGlite each service has a database of its own, so each makes its key.
    expect(shown).toHaveLength(env.DATABASE_URL ? 1 : 2);

    // Once no admin key works any more, the next start makes one again: again one between several.
    const [app] = apps;
    await app.sql(`UPDATE api_keys SET revoked_at = now()`);
    shown.length = 0;
    const bootstrap = app.app.get(AdminKeyBootstrap);
    await Promise.all([bootstrap.ensureAdminKey(), bootstrap.ensureAdminKey(), bootstrap.ensureAdminKey()]);
    expect(shown).toHaveLength(1);
    expect((await listKeys(app, keyIn(shown[0]))).status).toBe(200);
  });
});

describe('PODREACH_ADMIN_KEY', () => {
  it('is an admin key from the start, stored once and hashed, however often it is declared', async () => {
    const env = { ...(await ownDatabase()), PODREACH_ADMIN_KEY: declaredAdminKey() };
    const shown: string[] = [];
    const [app] = await Promise.all([start(env, shown), start(env, shown)]);
    await Promise.all([
      app.app.get(AdminKeyBootstrap).ensureAdminKey(),
      app.app.get(AdminKeyBootstrap).ensureAdminKey(),
    ]);
    expect(shown).toEqual([]);
    expect((await listKeys(app, env.PODREACH_ADMIN_KEY)).status).toBe(200);

    const hash = createHash('sha256').update(env.PODREACH_ADMIN_KEY).digest('hex');
    const rows = await app.sql<{ name: string; scopes: string[] }>(
      'SELECT name, scopes FROM api_keys WHERE key_hash = $1',
      hash,
    );
    expect(rows).toEqual([{ name: 'PODREACH_ADMIN_KEY', scopes: ['admin'] }]);
    const text = JSON.stringify(await app.sql('SELECT * FROM api_keys'));
    expect(text).not.toContain(env.PODREACH_ADMIN_KEY);
  });

  it('stays revoked once revoked: declaring it again does not bring it back', async () => {
    const env = { ...(await ownDatabase()), PODREACH_ADMIN_KEY: declaredAdminKey() };
    const app = await start(env, []);
    const { body } = await listKeys(app, env.PODREACH_ADMIN_KEY);
    const id = body.items.find((item: { name: string }) => item.name === 'PODREACH_ADMIN_KEY').id;
    const revoke = await app
      .http()
      .delete(`/api/v1/keys/${id}`)
      .set('authorization', bearer(env.PODREACH_ADMIN_KEY));
    expect(revoke.status).toBe(204);

    await app.app.get(AdminKeyBootstrap).ensureAdminKey();
    expect((await listKeys(app, env.PODREACH_ADMIN_KEY)).status).toBe(401);
  });
});

describe('failing closed', () => {
  it('lets no snapshot out to code that runs outside a request while authentication is on', async () => {
    const adminKey = declaredAdminKey();
    const app = await start({ ...(await ownDatabase()), PODREACH_ADMIN_KEY: adminKey }, []);
    const stored = await upload(app, `cluster=${uniqueCluster('closed')}`, fixture('manifests.yaml'), {
      contentType: 'application/yaml',
    }).set('authorization', bearer(adminKey));
    expect(stored.status).toBe(201);

    const snapshots = app.app.get(SnapshotsService);
    for (const call of [
      () => snapshots.get(stored.body.id),
      () => snapshots.objectTexts(stored.body.id),
      () => snapshots.list(undefined, 10),
      () => snapshots.clusters(),
      () => snapshots.delete(stored.body.id),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const res = await app
      .http()
      .get(`/api/v1/snapshots/${stored.body.id}`)
      .set('authorization', bearer(adminKey));
    expect(res.status).toBe(200);
  });
});
