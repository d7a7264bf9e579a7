/**
 * Rate limits per API key (per client address in local mode): 429 RATE_LIMITED with Retry-After, a
 * stricter bucket for uploads and one for connectivity and diffs, REST and GraphQL alike. The limits are
 * small here (set through the environment, as an operator would); the defaults are far above them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createKey, declaredAdminKey } from './support/api-keys';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, type TestApp } from './support/test-app';

const LIMITS = { requests: 12, uploads: 2, heavy: 3 };
const LIMIT_ENV = {
  PODREACH_RATE_LIMIT: String(LIMITS.requests),
  PODREACH_RATE_LIMIT_UPLOADS: String(LIMITS.uploads),
  PODREACH_RATE_LIMIT_HEAVY: String(LIMITS.heavy),
};

let t: TestApp;
const adminKey = declaredAdminKey();

beforeAll(async () => {
  t = await startTestApp({ auth: 'on', env: { ...LIMIT_ENV, PODREACH_ADMIN_KEY: adminKey } });
});

afterAll(async () => {
  await t?.close();
});

/** A key of its own for each test: counts are per key, so tests do not share them. */
async function freshKey(): Promise<string> {
  return (await createKey(t, adminKey, { scopes: ['write'] })).key;
}

function get(path: string, key: string) {
  return t.http().get(path).set('authorization', bearer(key));
}

function uploadAs(key: string, cluster: string) {
  return t
    .http()
    .post(`/api/v1/snapshots?cluster=${cluster}`)
    .set('authorization', bearer(key))
    .set('content-type', 'application/json')
    .send(fixture('pod-list.json'));
}

function graphqlAs(key: string, query: string) {
  return t
    .http()
    .post('/graphql')
    .set('authorization', bearer(key))
    .set('content-type', 'application/json')
    .send({ query });
}

/** Sends `count` requests one after the other and returns their statuses. */
async function statuses(count: number, send: () => PromiseLike<{ status: number }>): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await send()).status);
  return result;
}

function expectRateLimited(
  res: { status: number; headers: Record<string, string>; body: unknown },
  bucket: string,
  limit: number,
) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
  expect(res.body).toEqual({
    error: {
      code: 'RATE_LIMITED',
      message: expect.stringContaining(`at most ${limit}`),
      details: { bucket, limit, windowSeconds: 60, retryAfterSeconds: retryAfter },
    },
  });
}

describe('the request limit per key', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the limit, and counts each key apart', async () => {
    const [first, second] = [await freshKey(), await freshKey()];
    expect(await statuses(LIMITS.requests, () => get('/api/v1/clusters', first))).toEqual(
      Array(LIMITS.requests).fill(200),
    );

    expectRateLimited(await get('/api/v1/snapshots', first), 'requests', LIMITS.requests);
    expect((await get('/api/v1/clusters', second)).status).toBe(200);
  });

  it('never limits the probes and the metrics scrape', async () => {
    const key = await freshKey();
    await statuses(LIMITS.requests, () => get('/api/v1/clusters', key));
    expect((await get('/api/v1/clusters', key)).status).toBe(429);

    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect(await statuses(3, () => get(path, key))).toEqual([200, 200, 200]);
    }
  });
});

describe('the stricter buckets', () => {
  it('uploads and what-ifs share the upload bucket; other requests go on', async () => {
    const key = await freshKey();
    const cluster = uniqueCluster('rate');
    const first = await uploadAs(key, cluster);
    expect(first.status).toBe(201);
    const whatIf = await t
      .http()
      .post(`/api/v1/snapshots/${first.body.id}/what-if`)
      .set('authorization', bearer(key))
      .send({ manifests: '', deletions: [] });
    expect(whatIf.status).toBe(200);

    expectRateLimited(await uploadAs(key, cluster), 'uploads', LIMITS.uploads);
    expect((await get(`/api/v1/snapshots/${first.body.id}`, key)).status).toBe(200);
  });

  it('connectivity and diffs share the heavy bucket, apart from uploads', async () => {
    const key = await freshKey();
    const cluster = uniqueCluster('rate');
    const { body: snapshot } = await uploadAs(key, cluster);
    const heavy = [
      `/api/v1/snapshots/${snapshot.id}/connectivity?format=txt`,
      `/api/v1/diff?base=${snapshot.id}&head=${snapshot.id}`,
      `/api/v1/snapshots/${snapshot.id}/connectivity?format=csv`,
    ];
    for (const path of heavy) expect((await get(path, key)).status).toBe(200);

    expectRateLimited(await get(heavy[0], key), 'heavy', LIMITS.heavy);
    expect((await uploadAs(key, cluster)).status).toBe(200);
    expect((await get(`/api/v1/snapshots/${snapshot.id}/check?from=1.2.3.4&to=5.6.7.8`, key)).status).toBe(
      200,
    );
  });
});

describe('GraphQL', () => {
  it('counts an operation that selects connectivity in the heavy bucket, and answers 429 past it', async () => {
    const key = await freshKey();
    const { body: snapshot } = await uploadAs(key, uniqueCluster('rate'));
    const query = `{ snapshot(id: "${snapshot.id}") { connectivity(first: 1) { complete } } }`;
    expect(await statuses(LIMITS.heavy, () => graphqlAs(key, query))).toEqual(Array(LIMITS.heavy).fill(200));

    const res = await graphqlAs(key, query);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'RATE_LIMITED', details: expect.objectContaining({ bucket: 'heavy' }) },
      }),
    ]);
    const light = await graphqlAs(key, `{ snapshot(id: "${snapshot.id}") { id } }`);
    expect(light.status).toBe(200);
    expect(light.body.data.snapshot.id).toBe(snapshot.id);
  });

  it('counts an operation once, however many root fields it asks for', async () => {
    const key = await freshKey();
    const query = '{ a: clusters(first: 1) { totalCount } b: clusters(first: 2) { totalCount } }';
    const answers = await statuses(LIMITS.requests, () => graphqlAs(key, query));
    expect(answers).toEqual(Array(LIMITS.requests).fill(200));

    const over = await graphqlAs(key, query);
    expect(over.status).toBe(429);
    expect(over.body).toEqual({
      data: null,
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })],
    });
  });
});

describe('local mode, without keys', () => {
  let local: TestApp;

  beforeAll(async () => {
    local = await startTestApp({ env: { ...LIMIT_ENV, PODREACH_RATE_LIMIT_HEAVY: '0' } });
  });

  afterAll(async () => {
    await local?.close();
  });

  function fromAddress(remoteAddress: string, url = '/api/v1/clusters') {
    return local.app.inject({ method: 'GET', url, remoteAddress });
  }

  it('counts per client address', async () => {
    for (let i = 0; i < LIMITS.requests; i += 1)
      expect((await fromAddress('192.0.2.1')).statusCode).toBe(200);

    const over = await fromAddress('192.0.2.1');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    expect((await fromAddress('192.0.2.2')).statusCode).toBe(200);
  });

  it('0 turns a bucket off', async () => {
    const { body } = await uploadLocal(local, uniqueCluster('rate'));
    for (let i = 0; i < LIMITS.heavy + 1; i += 1) {
      const res = await fromAddress('192.0.2.3', `/api/v1/snapshots/${body.id}/connectivity?format=txt`);
      expect(res.statusCode).toBe(200);
    }
  });
});

function uploadLocal(app: TestApp, cluster: string) {
  return app
    .http()
    .post(`/api/v1/snapshots?cluster=${cluster}`)
    .set('content-type', 'application/json')
    .send(fixture('pod-list.json'));
}
