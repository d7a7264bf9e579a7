import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ env: { PODREACH_RETENTION_KEEP_NEWEST: '0' } });
});

afterAll(async () => {
  await t?.close();
});

/** Uploads `n` snapshots of one cluster (labels 1..n, oldest first) and returns their ids. */
async function seed(cluster: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const res = await upload(t, `cluster=${cluster}&label=${i}`, fixture('pod-list.json'));
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

describe('listing snapshots', () => {
  it('pages newest first with a cursor until the last page', async () => {
    const cluster = uniqueCluster();
    const ids = await seed(cluster, 5);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const query = `cluster=${cluster}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.http().get(`/api/v1/snapshots?${query}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((item: { id: string }) => item.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('items summarize a snapshot', async () => {
    const cluster = uniqueCluster();
    await seed(cluster, 1);
    const res = await t.http().get(`/api/v1/snapshots?cluster=${cluster}`);
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      cluster,
      label: '1',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      createdAt: expect.any(String),
      complete: true,
      objectCount: 2,
      counts: { Pod: 2 },
    });
  });

  it.each([
    { what: 'a bad cursor', query: 'cursor=not-a-cursor' },
    { what: 'a limit of 0', query: 'limit=0' },
    { what: 'a limit too large', query: 'limit=100000' },
  ])('400 for $what', async ({ query }) => {
    const res = await t.http().get(`/api/v1/snapshots?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
  });
});

describe('one snapshot', () => {
  it('GET returns metadata, counts per kind, warnings and completeness', async () => {
    const created = await upload(t, `cluster=${uniqueCluster()}&label=sha-1`, fixture('cluster-list.json'));
    const res = await t.http().get(`/api/v1/snapshots/${created.body.id}`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.body.id,
      label: 'sha-1',
      complete: true,
      incompleteReasons: [],
      counts: { Pod: 2, NetworkPolicy: 1 },
    });
    expect(Array.isArray(res.body.warnings)).toBe(true);
  });

  it('DELETE removes it with its objects; after that it is a 404', async () => {
    const created = await upload(t, `cluster=${uniqueCluster()}`, fixture('cluster-list.json'));
    const id = created.body.id;

    expect((await t.http().delete(`/api/v1/snapshots/${id}`)).status).toBe(204);
    expect((await t.http().get(`/api/v1/snapshots/${id}`)).status).toBe(404);
    expect((await t.http().delete(`/api/v1/snapshots/${id}`)).status).toBe(404);
    expect(await t.sql('SELECT kind FROM snapshot_objects WHERE snapshot_id = $1::uuid', id)).toEqual([]);
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid'])('404 NOT_FOUND for %s', async (id) => {
    const res = await t.http().get(`/api/v1/snapshots/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', details: { id } });
  });
});

describe('clusters and retention', () => {
  it('lists clusters with their snapshot count and newest snapshot', async () => {
    const cluster = uniqueCluster();
    const ids = await seed(cluster, 2);
    const res = await t.http().get('/api/v1/clusters');

    expect(res.status).toBe(200);
    expect(res.body.find((c: { name: string }) => c.name === cluster)).toEqual({
      name: cluster,
      snapshotCount: 2,
      newestSnapshotId: ids[1],
      newestSnapshotAt: expect.any(String),
      keepNewest: 0,
    });
  });

  it('setting retention prunes the oldest at once and keeps pruning on upload', async () => {
    const cluster = uniqueCluster();
    const ids = await seed(cluster, 4);

    const set = await t.http().put(`/api/v1/clusters/${cluster}/retention`).send({ keepNewest: 2 });
    expect(set.body).toEqual({ cluster, keepNewest: 2, custom: true, deleted: 2 });
    const kept = async () =>
      (await t.http().get(`/api/v1/snapshots?cluster=${cluster}`)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await kept()).toEqual([ids[3], ids[2]]);

    const newest = await upload(t, `cluster=${cluster}&label=5`, fixture('pod-list.json'));
    expect(await kept()).toEqual([newest.body.id, ids[3]]);
    expect((await t.http().get(`/api/v1/clusters/${cluster}/retention`)).body).toEqual({
      cluster,
      keepNewest: 2,
      custom: true,
    });
  });

  it('a cluster without its own setting uses the configured default', async () => {
    const cluster = uniqueCluster();
    const res = await t.http().get(`/api/v1/clusters/${cluster}/retention`);
    expect(res.body).toEqual({ cluster, keepNewest: 0, custom: false });
  });

  it.each([{ keepNewest: -1 }, { keepNewest: 1.5 }, { keepNewest: null }, {}])(
    '400 for retention %j',
    async (body) => {
      const res = await t.http().put(`/api/v1/clusters/${uniqueCluster()}/retention`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_USER_INPUT');
    },
  );
});
