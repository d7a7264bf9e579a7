import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createKey, declaredAdminKey } from './support/api-keys';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

/** API keys over HTTP: who gets in (401), who may do what (403), and the admin API for keys. */
let t: TestApp;
const adminKey = declaredAdminKey();
const cluster = uniqueCluster('auth');
let snapshotId: string;

beforeAll(async () => {
  t = await startTestApp({ auth: 'on', env: { PODREACH_ADMIN_KEY: adminKey } });
  const res = await upload(t, `cluster=${cluster}`, fixture('reachability/cluster.yaml'), {
    contentType: 'application/yaml',
  }).set('authorization', bearer(adminKey));
  expect(res.status).toBe(201);
  snapshotId = res.body.id;
});

afterAll(async () => {
  await t?.close();
});

const INTROSPECTION = '{ __schema { queryType { name } } }';

function graphql(query: string, key?: string) {
  const req = t.http().post('/graphql').set('content-type', 'application/json');
  if (key !== undefined) req.set('authorization', bearer(key));
  return req.send({ query });
}

describe('without a working key', () => {
  it.each([
    ['GET', '/api/v1/snapshots'],
    ['GET', '/api/v1/clusters'],
    ['POST', '/api/v1/snapshots?cluster=x'],
    ['GET', '/api/v1/keys'],
    ['GET', '/api/docs-json'],
    ['GET', '/metrics'],
    ['GET', '/no/such/route'],
  ])('%s %s answers 401 UNAUTHENTICATED with a Bearer challenge', async (method, path) => {
    const res = await t.http()[method === 'GET' ? 'get' : 'post'](path);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="podreach"');
    expect(res.body).toEqual({
      error: {
        code: 'UNAUTHENTICATED',
        message: 'An API key is required: send Authorization: Bearer <key>',
        details: { reason: 'missing' },
      },
    });
  });

  it.each([
    { header: 'Bearer prk_short', reason: 'malformed' },
    { header: `Bearer ${declaredAdminKey()}`, reason: 'unknown' },
    { header: 'Bearer', reason: 'malformed' },
  ])('$header answers 401 $reason, as an invalid token', async ({ header, reason }) => {
    const res = await t.http().get('/api/v1/snapshots').set('authorization', header);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="podreach", error="invalid_token"');
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason } });
  });

  it('stores nothing from an upload', async () => {
    const anonymous = uniqueCluster('anonymous');
    const res = await upload(t, `cluster=${anonymous}`, fixture('reachability/cluster.yaml'), {
      contentType: 'application/yaml',
    });
    expect(res.status).toBe(401);
    expect(await t.sql('SELECT id FROM snapshots WHERE cluster = $1', anonymous)).toEqual([]);
  });

  it('still answers the health probes', async () => {
    expect((await t.http().get('/healthz')).status).toBe(200);
    expect((await t.http().get('/readyz')).status).toBe(200);
  });

  it('answers GraphQL, introspection included, with HTTP 401 and a GraphQL error', async () => {
    const res = await graphql(INTROSPECTION);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="podreach"');
    expect(res.body.errors).toEqual([
      {
        message: 'An API key is required: send Authorization: Bearer <key>',
        extensions: { code: 'UNAUTHENTICATED', details: { reason: 'missing' } },
      },
    ]);
    expect(res.body.data).toBeUndefined();
  });
});

describe('with a key', () => {
  it('works right after creation, and GraphQL introspection with it', async () => {
    const { key } = await createKey(t, adminKey, { scopes: ['read'] });
    expect(
      (await t.http().get(`/api/v1/snapshots/${snapshotId}`).set('authorization', bearer(key))).status,
    ).toBe(200);
    const res = await graphql(INTROSPECTION, key);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('of scope read may ask anything, what-if included, but not upload, delete or change retention', async () => {
    const { key } = await createKey(t, adminKey, { scopes: ['read'] });
    const auth = bearer(key);
    expect((await t.http().get('/api/v1/clusters').set('authorization', auth)).status).toBe(200);
    expect(
      (await t.http().get(`/api/v1/snapshots/${snapshotId}/connectivity`).set('authorization', auth)).status,
    ).toBe(200);
    const whatIf = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/what-if`)
      .set('authorization', auth)
      .send({ manifests: '', deletions: [] });
    expect(whatIf.status).toBe(200);

    const refused = [
      upload(t, `cluster=${cluster}&label=read-only`, fixture('reachability/cluster.yaml'), {
        contentType: 'application/yaml',
      }).set('authorization', auth),
      t.http().delete(`/api/v1/snapshots/${snapshotId}`).set('authorization', auth),
      t
        .http()
        .put(`/api/v1/clusters/${cluster}/retention`)
        .set('authorization', auth)
        .send({ keepNewest: 1 }),
      t.http().get('/api/v1/keys').set('authorization', auth),
      t
        .http()
        .post('/api/v1/keys')
        .set('authorization', auth)
        .send({ name: 'mine', scopes: ['admin'] }),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="podreach", error="insufficient_scope"/);
    }
    expect((await t.http().get(`/api/v1/snapshots/${snapshotId}`).set('authorization', auth)).status).toBe(
      200,
    );
    expect(
      await t.sql('SELECT id FROM snapshots WHERE cluster = $1 AND label = $2', cluster, 'read-only'),
    ).toEqual([]);
  });

  it('of scope write may upload and delete, but not manage keys', async () => {
    const { key } = await createKey(t, adminKey, { scopes: ['write'] });
    const auth = bearer(key);
    const stored = await upload(t, `cluster=${cluster}&label=by-writer`, fixture('manifests.yaml'), {
      contentType: 'application/yaml',
    }).set('authorization', auth);
    expect(stored.status).toBe(201);
    expect(
      (await t.http().delete(`/api/v1/snapshots/${stored.body.id}`).set('authorization', auth)).status,
    ).toBe(204);
    expect((await t.http().get('/api/v1/keys').set('authorization', auth)).status).toBe(403);
  });

  it('of scope admin limited to clusters may not manage keys: it could make itself a wider one', async () => {
    const { key } = await createKey(t, adminKey, { scopes: ['admin'], clusters: [cluster] });
    const res = await t
      .http()
      .post('/api/v1/keys')
      .set('authorization', bearer(key))
      .send({ name: 'wider', scopes: ['admin'] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe('the admin API', () => {
  const admin = () => bearer(adminKey);

  it('creates a key with its grant, shown once with the key', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await t
      .http()
      .post('/api/v1/keys')
      .set('authorization', admin())
      .send({ name: 'ci upload', scopes: ['write'], clusters: [cluster], expiresAt });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'ci upload',
      prefix: res.body.key.slice(4, 12),
      scopes: ['write'],
      clusters: [cluster],
      createdAt: expect.any(String),
      expiresAt,
      key: expect.stringMatching(/^prk_[A-Za-z0-9_-]{43}$/),
    });
  });

  it('lists keys newest first without the keys or their hashes, with when each was last used', async () => {
    const first = await createKey(t, adminKey, { name: 'first', scopes: ['read'] });
    const second = await createKey(t, adminKey, { name: 'second', scopes: ['read'], clusters: null });
    await t.http().get('/api/v1/clusters').set('authorization', bearer(second.key));

    const res = await t.http().get('/api/v1/keys').set('authorization', admin());
    expect(res.status).toBe(200);
    const ids = res.body.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    const listed = res.body.items.find((item: { id: string }) => item.id === second.id);
    expect(listed).toEqual({
      id: second.id,
      name: 'second',
      prefix: second.key.slice(4, 12),
      scopes: ['read'],
      clusters: null,
      createdAt: expect.any(String),
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: expect.any(String),
    });
    expect(res.body.items.find((item: { id: string }) => item.id === first.id).lastUsedAt).toBeNull();
    for (const key of [first.key, second.key, adminKey]) {
      expect(res.text).not.toContain(key);
      expect(res.text).not.toContain(createHash('sha256').update(key).digest('hex'));
    }
  });

  it('revokes a key at once and keeps it listed; an unknown key is 404', async () => {
    const { id, key } = await createKey(t, adminKey, { scopes: ['read'] });
    expect((await t.http().delete(`/api/v1/keys/${id}`).set('authorization', admin())).status).toBe(204);

    const refused = await t.http().get('/api/v1/clusters').set('authorization', bearer(key));
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'revoked' } });
    const list = await t.http().get('/api/v1/keys').set('authorization', admin());
    expect(list.body.items.find((item: { id: string }) => item.id === id).revokedAt).toEqual(
      expect.any(String),
    );

    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await t.http().delete(`/api/v1/keys/${unknown}`).set('authorization', admin());
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses an expired key with 401', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { id, key } = await createKey(t, adminKey, { scopes: ['read'], expiresAt });
    expect((await t.http().get('/api/v1/clusters').set('authorization', bearer(key))).status).toBe(200);
    await t.sql(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1::uuid`, id);
    const res = await t.http().get('/api/v1/clusters').set('authorization', bearer(key));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'expired' } });
  });

  it.each([
    { body: { scopes: ['read'] }, field: 'name' },
    { body: { name: 'x', scopes: [] }, field: 'scopes' },
    { body: { name: 'x', scopes: ['superuser'] }, field: 'scopes[0]' },
    { body: { name: 'x', scopes: ['read'], clusters: [] }, field: 'clusters' },
    { body: { name: 'x', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' }, field: 'expiresAt' },
    { body: { name: 'x', scopes: ['read'], cluster: 'prod' }, field: 'cluster' },
  ])('refuses $body with 400 naming $field', async ({ body, field }) => {
    const res = await t.http().post('/api/v1/keys').set('authorization', admin()).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it('is described in OpenAPI, with Bearer auth everywhere but the health probes', async () => {
    const res = await t.http().get('/api/docs-json').set('authorization', admin());
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(res.body.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/keys', '/api/v1/keys/{id}']),
    );
    expect(res.body.paths['/healthz'].get.security).toEqual([]);
    expect(res.body.paths['/api/v1/snapshots'].get.security).toBeUndefined();
  });
});

describe('metrics for a scraper without a key', () => {
  it('are public only with PODREACH_METRICS_PUBLIC=true', async () => {
    const open = await startTestApp({
      auth: 'on',
      env: { PODREACH_METRICS_PUBLIC: 'true', PODREACH_ADMIN_KEY: declaredAdminKey() },
    });
    try {
      expect((await open.http().get('/metrics')).status).toBe(200);
      expect((await open.http().get('/api/v1/clusters')).status).toBe(401);
    } finally {
      await open.close();
    }
  });
});
