import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createKey, declaredAdminKey } from './support/api-keys';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

/**
 * A key limited to cluster A is shown nothing of cluster B, on every route family, REST and GraphQL: B's
 * snapshots answer exactly as missing ones do (404, never 403), lists leave them out.
 */
let t: TestApp;
const adminKey = declaredAdminKey();
const clusterA = uniqueCluster('scope-a');
const clusterB = uniqueCluster('scope-b');
let snapshotA: string;
let snapshotB: string;
let readA: string;
let writeA: string;
const MISSING = '00000000-0000-4000-8000-000000000000';

async function uploadAs(key: string, cluster: string, label = '') {
  return upload(t, `cluster=${cluster}&label=${label}`, fixture('reachability/cluster.yaml'), {
    contentType: 'application/yaml',
  }).set('authorization', bearer(key));
}

beforeAll(async () => {
  t = await startTestApp({ auth: 'on', env: { PODREACH_ADMIN_KEY: adminKey } });
  snapshotA = (await uploadAs(adminKey, clusterA)).body.id;
  snapshotB = (await uploadAs(adminKey, clusterB)).body.id;
  readA = (await createKey(t, adminKey, { scopes: ['read'], clusters: [clusterA] })).key;
  writeA = (await createKey(t, adminKey, { scopes: ['write'], clusters: [clusterA] })).key;
});

afterAll(async () => {
  await t?.close();
});

/** The answer for `path` with `:id` as the given snapshot. */
function get(key: string, path: string, id: string) {
  return t.http().get(path.replaceAll(':id', id)).set('authorization', bearer(key));
}

const SNAPSHOT_ROUTES = [
  '/api/v1/snapshots/:id',
  '/api/v1/snapshots/:id/workloads',
  '/api/v1/snapshots/:id/workloads/shop/Deployment/web',
  '/api/v1/snapshots/:id/workloads/shop/Deployment/web/ingress',
  '/api/v1/snapshots/:id/workloads/shop/Deployment/web/egress',
  '/api/v1/snapshots/:id/pods/shop/web-7d9f-a',
  '/api/v1/snapshots/:id/pods/shop/web-7d9f-a/ingress',
  '/api/v1/snapshots/:id/pods/shop/web-7d9f-a/egress',
  '/api/v1/snapshots/:id/check?from=shop/Deployment/web&to=payments/StatefulSet/db&port=5432',
  '/api/v1/snapshots/:id/connectivity',
  '/api/v1/diff?base=:id&head=:id',
];

describe('REST', () => {
  it.each(SNAPSHOT_ROUTES)(
    'GET %s answers for A, and for B exactly as for a missing snapshot',
    async (path) => {
      expect((await get(readA, path, snapshotA)).status).toBe(200);
      const hidden = await get(readA, path, snapshotB);
      const missing = await get(readA, path, MISSING);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(JSON.parse(JSON.stringify(missing.body).replaceAll(MISSING, snapshotB)));
      // The unlimited admin key sees B: it is the scope that hides it.
      expect((await get(adminKey, path, snapshotB)).status).toBe(200);
    },
  );

  it('hides B from a diff on either side', async () => {
    for (const [base, head] of [
      [snapshotA, snapshotB],
      [snapshotB, snapshotA],
    ]) {
      const res = await get(readA, `/api/v1/diff?base=${base}&head=${head}`, '');
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({
        code: 'NOT_FOUND',
        message: `Snapshot ${snapshotB} does not exist`,
        details: { id: snapshotB },
      });
    }
  });

  it('hides B from what-if', async () => {
    const whatIf = (id: string) =>
      t
        .http()
        .post(`/api/v1/snapshots/${id}/what-if`)
        .set('authorization', bearer(readA))
        .send({ manifests: '', deletions: [] });
    expect((await whatIf(snapshotA)).status).toBe(200);
    const res = await whatIf(snapshotB);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('lists only A: snapshots, snapshots of B asked by name, clusters', async () => {
    const all = await get(readA, '/api/v1/snapshots?limit=500', '');
    expect(all.body.items.map((s: { id: string }) => s.id)).toContain(snapshotA);
    expect(new Set(all.body.items.map((s: { cluster: string }) => s.cluster))).toEqual(new Set([clusterA]));
    expect((await get(readA, `/api/v1/snapshots?cluster=${clusterB}`, '')).body).toEqual({ items: [] });
    const clusters = await get(readA, '/api/v1/clusters', '');
    expect(clusters.body.map((c: { name: string }) => c.name)).toEqual([clusterA]);
  });

  it("hides B's retention, and leaves it unchanged when a write key for A sets it", async () => {
    expect((await get(readA, `/api/v1/clusters/${clusterA}/retention`, '')).status).toBe(200);
    expect((await get(readA, `/api/v1/clusters/${clusterB}/retention`, '')).status).toBe(404);
    const set = await t
      .http()
      .put(`/api/v1/clusters/${clusterB}/retention`)
      .set('authorization', bearer(writeA))
      .send({ keepNewest: 1 });
    expect(set.status).toBe(404);
    expect(set.body.error.code).toBe('NOT_FOUND');
    expect(await t.sql('SELECT cluster FROM cluster_settings WHERE cluster = $1', clusterB)).toEqual([]);
  });

  it('does not let a write key for A delete B', async () => {
    const res = await t.http().delete(`/api/v1/snapshots/${snapshotB}`).set('authorization', bearer(writeA));
    expect(res.status).toBe(404);
    expect((await get(adminKey, '/api/v1/snapshots/:id', snapshotB)).status).toBe(200);
  });

  it('refuses uploads to B with 403 and stores nothing, while uploads to A work', async () => {
    const refused = await uploadAs(writeA, clusterB, 'from-a');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', details: { cluster: clusterB } });
    expect(
      await t.sql('SELECT id FROM snapshots WHERE cluster = $1 AND label = $2', clusterB, 'from-a'),
    ).toEqual([]);
    expect((await uploadAs(writeA, clusterA, 'from-a')).status).toBe(201);
  });
});

describe('GraphQL', () => {
  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const res = await t
      .http()
      .post('/graphql')
      .set('authorization', bearer(readA))
      .set('content-type', 'application/json')
      .send({ query, variables });
    expect(res.status).toBe(200);
    return res.body as { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] };
  }

  const codes = (body: { errors?: { extensions: { code: string } }[] }) =>
    body.errors?.map((error) => error.extensions.code);

  it('answers snapshot(id) for A and NOT_FOUND for B, as for a missing snapshot', async () => {
    const query = 'query ($id: ID!) { snapshot(id: $id) { id cluster workloads(first: 5) { totalCount } } }';
    expect((await graphql(query, { id: snapshotA })).data).toEqual({
      snapshot: { id: snapshotA, cluster: clusterA, workloads: { totalCount: expect.any(Number) } },
    });
    const hidden = await graphql(query, { id: snapshotB });
    const missing = await graphql(query, { id: MISSING });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(hidden)).toBe(JSON.stringify(missing).replaceAll(MISSING, snapshotB));
  });

  it('lists only A in snapshots and clusters', async () => {
    const body = await graphql(`{
      all: snapshots(first: 1000) { nodes { id cluster } }
      b: snapshots(cluster: "${clusterB}", first: 10) { nodes { id } }
      clusters(first: 1000) { nodes { name } }
    }`);
    const data = body.data as {
      all: { nodes: { id: string; cluster: string }[] };
      b: { nodes: unknown[] };
      clusters: { nodes: { name: string }[] };
    };
    expect(data.all.nodes.map((node) => node.id)).toContain(snapshotA);
    expect(new Set(data.all.nodes.map((node) => node.cluster))).toEqual(new Set([clusterA]));
    expect(data.b.nodes).toEqual([]);
    expect(data.clusters.nodes).toEqual([{ name: clusterA }]);
  });

  it('answers diff and whatIf with NOT_FOUND when B is involved', async () => {
    const diff = 'query ($base: ID!, $head: ID!) { diff(base: $base, head: $head) { complete } }';
    expect(codes(await graphql(diff, { base: snapshotA, head: snapshotA }))).toBeUndefined();
    expect(codes(await graphql(diff, { base: snapshotA, head: snapshotB }))).toEqual(['NOT_FOUND']);
    expect(codes(await graphql(diff, { base: snapshotB, head: snapshotA }))).toEqual(['NOT_FOUND']);
    const whatIf = 'query ($id: ID!) { whatIf(snapshot: $id) { complete } }';
    expect(codes(await graphql(whatIf, { id: snapshotA }))).toBeUndefined();
    expect(codes(await graphql(whatIf, { id: snapshotB }))).toEqual(['NOT_FOUND']);
  });
});
