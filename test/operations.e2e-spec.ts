import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('operations endpoints', () => {
  it('/healthz answers while the process is up', async () => {
    const res = await t.http().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('/readyz reports the database up with every migration applied', async () => {
    const res = await t.http().get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    const applied = await t.sql<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(applied.map((row) => row.migration_name)).toContainEqual(expect.stringMatching(/_init$/));
  });

  it('/metrics exposes request counts, latencies and ingest sizes and times', async () => {
    await upload(t, `cluster=${uniqueCluster()}`, fixture('pod-list.json'));
    const res = await t.http().get('/metrics');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain(
      'podreach_http_requests_total{method="POST",route="/api/v1/snapshots",status="201"}',
    );
    expect(res.text).toContain('podreach_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/podreach_ingest_bytes_count \d+/);
    expect(res.text).toContain('podreach_ingest_duration_seconds_count{outcome="created"}');
  });

  it('serves the OpenAPI document generated from the code, and its UI', async () => {
    const json = await t.http().get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/snapshots',
        '/api/v1/snapshots/{id}',
        '/api/v1/clusters',
        '/api/v1/clusters/{name}/retention',
      ]),
    );
    expect(Object.keys(json.body.paths['/api/v1/snapshots'].post.requestBody.content)).toContain(
      'application/yaml',
    );

    const ui = await t.http().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('the one error shape', () => {
  it.each([
    { method: 'get', path: '/no/such/route' },
    { method: 'post', path: '/api/v1/nothing' },
    { method: 'patch', path: '/api/v1/snapshots' },
  ] as const)('$method $path is a 404 NOT_FOUND', async ({ method, path }) => {
    const res = await t.http()[method](path);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
  });
});

describe('request ids', () => {
  it('answers with the caller’s x-request-id, or a new one', async () => {
    const given = await t.http().get('/healthz').set('x-request-id', 'trace-123');
    expect(given.headers['x-request-id']).toBe('trace-123');

    const fresh = await t.http().get('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
