import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SnapshotLoader } from '../apps/api/src/analysis-pool/snapshot-loader';
import { expectGolden, uploadFixtureCluster } from './fixtures/reachability/golden';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The REST reachability API over the fixture cluster of test/fixtures/reachability/cluster.yaml:
 * shop/web (Deployment, 2 pods) is reachable only from outside 10/8 on its named port http (8080);
 * payments is default-deny, db-0 (StatefulSet db) admits shop on 5432, 10.1.0.0/16 on 5433 (shop's pod
 * addresses: only with ipBlockMatchesPods) and monitoring's prometheus on its named port metrics (9187).
 */
let t: TestApp;
let id: string;

beforeAll(async () => {
  t = await startTestApp();
  id = await uploadFixtureCluster(t);
});

afterAll(async () => {
  await t?.close();
});

const get = (path: string) => t.http().get(`/api/v1/snapshots/${id}/${path}`);

describe('answers', () => {
  it.each([
    { golden: 'workloads.json', path: 'workloads' },
    { golden: 'workloads-payments.json', path: 'workloads?namespace=payments' },
    { golden: 'workloads-selector.json', path: 'workloads?selector=app%20in%20(web,db)' },
    { golden: 'workload-web.json', path: 'workloads/shop/Deployment/web' },
    { golden: 'web-ingress.json', path: 'workloads/shop/deployment/web/ingress' },
    { golden: 'web-egress-5432.json', path: 'workloads/shop/Deployment/web/egress?port=5432' },
    { golden: 'db-ingress.json', path: 'workloads/payments/StatefulSet/db/ingress' },
    {
      golden: 'db-ingress-ipblock-pods.json',
      path: 'workloads/payments/StatefulSet/db/ingress?ipBlockMatchesPods=true&protocol=tcp',
    },
    { golden: 'pod-db-0.json', path: 'pods/payments/db-0' },
    { golden: 'pod-db-0-ingress.json', path: 'pods/payments/db-0/ingress' },
    { golden: 'pod-web-a-egress-tcp.json', path: 'pods/shop/web-7d9f-a/egress?protocol=TCP&port=5432' },
    {
      golden: 'check-web-db.json',
      path: 'check?from=shop/Deployment/web&to=payments/db&protocol=TCP&port=5432',
    },
    { golden: 'check-internet-web.json', path: 'check?from=8.8.8.8&to=shop/web&port=8080' },
    { golden: 'check-debug-db.json', path: 'check?from=payments/Pod/debug&to=payments/db-0&port=5432' },
  ])('$path', async ({ golden, path }) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expectGolden(`rest/${golden}`, res.body, id);
  });

  it('a check says at once whether a connection is allowed and which rule allowed it', async () => {
    const res = await get('check?from=shop/web&to=payments/StatefulSet/db&protocol=udp&port=5432');
    expect(res.body).toMatchObject({ allowed: false, protocol: 'UDP', port: 5432 });
    const allowed = await get('check?from=shop/web&to=payments/StatefulSet/db&protocol=TCP&port=5432');
    expect(allowed.body.allowed).toBe(true);
    expect(allowed.body.ingress.allowedBy).toEqual([
      {
        tier: 'networkPolicy',
        policy: { kind: 'NetworkPolicy', namespace: 'payments', name: 'db-from-shop' },
        direction: 'ingress',
        rule: 0,
      },
    ]);
  });
});

describe('connectivity', () => {
  it.each([
    { format: 'json', type: 'application/json' },
    { format: 'txt', type: 'text/plain; charset=utf-8' },
    { format: 'md', type: 'text/markdown; charset=utf-8' },
    { format: 'csv', type: 'text/csv; charset=utf-8' },
    { format: 'dot', type: 'text/vnd.graphviz; charset=utf-8' },
  ])('format=$format streams the whole answer as $type', async ({ format, type }) => {
    const res = await get(`connectivity?format=${format}`).buffer(true).parse(textParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expectGolden(`rest/connectivity.${format}`, res.body, id);
  });

  it.each([
    { golden: 'connectivity-pods.txt', query: 'format=txt&granularity=pod' },
    { golden: 'connectivity-ipblock-pods.txt', query: 'format=txt&ipBlockMatchesPods=true' },
  ])('$query', async ({ golden, query }) => {
    const res = await get(`connectivity?${query}`).buffer(true).parse(textParser);
    expect(res.status).toBe(200);
    expectGolden(`rest/${golden}`, res.body, id);
  });

  it('json is the default format and names the snapshot and options', async () => {
    const res = await get('connectivity');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toMatchObject({
      schemaVersion: 1,
      snapshot: id,
      options: { ipBlockMatchesPods: false },
      complete: true,
      granularity: 'workload',
    });
  });
});

describe('errors', () => {
  it.each([
    { path: 'workloads/shop/Deployment/web/ingress?port=0', field: 'port' },
    { path: 'workloads/shop/Deployment/web/ingress?port=65536', field: 'port' },
    { path: 'workloads/shop/Deployment/web/ingress?port=80x', field: 'port' },
    { path: 'pods/payments/db-0/egress?protocol=ICMP', field: 'protocol' },
    { path: 'pods/payments/db-0/egress?ipBlockMatchesPods=yes', field: 'ipBlockMatchesPods' },
    { path: 'pods/payments/db-0/egress?granularity=node', field: 'granularity' },
    { path: 'check?from=shop/web', field: 'to' },
    { path: 'check?from=shop/web&to=payments/db&port=-1', field: 'port' },
    { path: 'connectivity?format=pdf', field: 'format' },
    { path: 'connectivity?granularity=cluster', field: 'granularity' },
  ])('400 BAD_USER_INPUT naming $field for $path', async ({ path, field }) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it.each([
    'check?from=shop/web/extra/part&to=payments/db',
    'check?from=999.1.1.1&to=payments/db',
    'workloads?selector=app%20%3C%203',
  ])('400 BAD_USER_INPUT for a malformed reference or selector: %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
  });

  it('400 naming the candidates when namespace/name is ambiguous', async () => {
    const res = await get('check?from=payments/api&to=payments/db');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'AMBIGUOUS',
        message: 'payments/api is ambiguous: payments/Deployment/api, payments/Pod/api',
        details: { candidates: ['payments/Deployment/api', 'payments/Pod/api'] },
      },
    });
  });

  it.each([
    'workloads?namespace=nope',
    'workloads/shop/Deployment/nope',
    'workloads/shop/StatefulSet/web/ingress',
    'workloads/nope/Deployment/web/egress',
    'pods/payments/nope',
    'pods/payments/nope/ingress',
    'check?from=shop/nope&to=payments/db',
    'check?from=shop/web&to=payments/Deployment/db',
  ])('404 NOT_FOUND for %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    'workloads',
    'workloads/shop/Deployment/web',
    'workloads/shop/Deployment/web/ingress',
    'pods/payments/db-0/egress',
    'check?from=shop/web&to=payments/db',
    'connectivity?format=txt',
  ])('404 NOT_FOUND for an unknown snapshot: %s', async (path) => {
    for (const unknown of [randomUUID(), 'not-a-uuid']) {
      const res = await t.http().get(`/api/v1/snapshots/${unknown}/${path}`);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', details: { id: unknown } });
    }
  });
});

describe('the analysis cache', () => {
  it('loads a snapshot once for concurrent questions about it', async () => {
    const fresh = await uploadFixtureCluster(t);
    const loads = vi.spyOn(t.app.get(SnapshotLoader), 'load');
    try {
      const paths = ['workloads', 'pods/payments/db-0/ingress', 'check?from=shop/web&to=payments/db'];
      const answers = await Promise.all(
        paths.map((path) => t.http().get(`/api/v1/snapshots/${fresh}/${path}`)),
      );
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
      expect(loads).toHaveBeenCalledTimes(1);
    } finally {
      loads.mockRestore();
    }
  });

  it('answers 404 for a deleted snapshot whose analysis is cached', async () => {
    const fresh = await uploadFixtureCluster(t);
    const path = `/api/v1/snapshots/${fresh}/workloads/shop/Deployment/web/ingress`;
    expect((await t.http().get(path)).status).toBe(200);
    expect((await t.http().delete(`/api/v1/snapshots/${fresh}`)).status).toBe(204);
    const res = await t.http().get(path);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('OpenAPI document', () => {
  it('lists every reachability route', async () => {
    const res = await t.http().get('/api/docs-json');
    const base = '/api/v1/snapshots/{id}';
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        `${base}/workloads`,
        `${base}/workloads/{namespace}/{kind}/{name}`,
        `${base}/workloads/{namespace}/{kind}/{name}/ingress`,
        `${base}/workloads/{namespace}/{kind}/{name}/egress`,
        `${base}/pods/{namespace}/{name}`,
        `${base}/pods/{namespace}/{name}/ingress`,
        `${base}/pods/{namespace}/{name}/egress`,
        `${base}/check`,
        `${base}/connectivity`,
      ]),
    );
  });
});

/** Reads any body as text, so that golden files compare byte for byte. */
function textParser(res: unknown, done: (error: Error | null, body: string) => void): void {
  // supertest hands Node parsers the raw response stream.
  const stream = res as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}
