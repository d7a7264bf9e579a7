/**
 * Uploads whose objects are written while the rest of the body is still decoded (in batches of two here,
 * so that every upload is many statements long): the snapshot is still stored whole or not at all, found
 * again when it is a duplicate, and invisible until it is complete.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshotContent } from '@podreach/policy-engine';
import { SnapshotsService } from '../apps/api/src/snapshots/snapshots.service';
import { generateCluster, kubectlListText } from '../bench/generator';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ env: { PODREACH_INSERT_BATCH_ROWS: '2' } });
});

afterAll(async () => {
  await t?.close();
});

/** A generated cluster of some hundred objects as compact kubectl List text. */
function clusterList(seed: number): string {
  const size = { name: `staged-${seed}`, pods: 60, policies: 10, namespaces: 5 };
  return kubectlListText(generateCluster({ size, seed }).objects, { pretty: false });
}

const bodies = [clusterList(1), clusterList(2)];

async function objectRows(): Promise<number> {
  const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM snapshot_objects');
  return n;
}

async function snapshotsOf(cluster: string): Promise<{ id: string }[]> {
  return t.sql<{ id: string }>('SELECT id::text FROM snapshots WHERE cluster = $1 ORDER BY seq', cluster);
}

describe('an upload stored while it is decoded', () => {
  it('holds every object, exactly as the engine normalized and hashed them', async () => {
    const expected = buildSnapshotContent([{ name: 'body', text: bodies[0] }]);
    const res = await upload(t, `cluster=${uniqueCluster()}`, bodies[0]);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentHash: expected.contentHash, counts: expected.counts });
    const { record, objects } = await t.app.get(SnapshotsService).objectTexts(res.body.id);
    expect(record.objectCount).toBe(expected.objectsJson.length);
    expect(objects.map((text) => JSON.parse(text) as unknown)).toEqual(expected.objects);
  });

  it('is a duplicate the second time: 200 with the stored snapshot, and nothing new stored', async () => {
    const cluster = uniqueCluster();
    const first = await upload(t, `cluster=${cluster}`, bodies[0]);
    const rows = await objectRows();
    const again = await upload(t, `cluster=${cluster}`, bodies[0]);

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect(await objectRows()).toBe(rows);
    expect(await snapshotsOf(cluster)).toEqual([{ id: first.body.id }]);
  });

  it('stores one snapshot of the same content uploaded several times at once', async () => {
    const cluster = uniqueCluster();
    const results = await Promise.all([1, 2, 3].map(() => upload(t, `cluster=${cluster}`, bodies[1])));

    expect(results.map((res) => res.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((res) => res.body.id)).size).toBe(1);
    expect(await snapshotsOf(cluster)).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key with the first snapshot, concurrent ones too', async () => {
    const cluster = uniqueCluster();
    const idempotencyKey = `key-${cluster}`;
    const results = await Promise.all(
      [1, 2, 3].map(() => upload(t, `cluster=${cluster}`, bodies[0], { idempotencyKey })),
    );
    const retry = await upload(t, `cluster=${cluster}`, bodies[0], { idempotencyKey });

    expect(results.map((res) => res.status).sort()).toEqual([200, 200, 201]);
    expect(new Set([...results, retry].map((res) => res.body.id)).size).toBe(1);
    expect(retry).toMatchObject({ status: 200, body: { duplicate: true } });
  });

  it('409 for an Idempotency-Key used for other content, and nothing of it stored', async () => {
    const cluster = uniqueCluster();
    const idempotencyKey = `key-${cluster}`;
    await upload(t, `cluster=${cluster}`, bodies[0], { idempotencyKey });
    const rows = await objectRows();
    const reused = await upload(t, `cluster=${cluster}`, bodies[1], { idempotencyKey });

    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('CONFLICT');
    expect(await objectRows()).toBe(rows);
    expect(await snapshotsOf(cluster)).toHaveLength(1);
  });

  it('keeps the newest under retention, the pruned snapshots with all their objects gone', async () => {
    const cluster = uniqueCluster();
    expect((await t.http().put(`/api/v1/clusters/${cluster}/retention`).send({ keepNewest: 1 })).status).toBe(
      200,
    );
    await upload(t, `cluster=${cluster}`, bodies[0]);
    const newest = await upload(t, `cluster=${cluster}`, bodies[1]);

    expect(newest.status).toBe(201);
    expect(await snapshotsOf(cluster)).toEqual([{ id: newest.body.id }]);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM snapshot_objects o WHERE NOT EXISTS (
        SELECT 1 FROM snapshots s WHERE s.id = o.snapshot_id)`,
    );
    expect(n).toBe(0);
  });
});

describe('an upload that fails after some of its objects were written', () => {
  const items = (JSON.parse(bodies[0]) as { items: { metadata: object }[] }).items;

  it('422 listing two objects of the same kind, namespace and name, and nothing stored', async () => {
    const cluster = uniqueCluster();
    const last = items[items.length - 1];
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...items, last] });
    const rows = await objectRows();
    const res = await upload(t, `cluster=${cluster}`, body);

    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual([
      expect.objectContaining({
        document: `body items[${items.length}]`,
        message: expect.stringContaining(`also in body items[${items.length - 1}]`),
      }),
    ]);
    expect(await objectRows()).toBe(rows);
    expect(await snapshotsOf(cluster)).toEqual([]);
  });

  it('400 for JSON cut off near its end, and nothing stored', async () => {
    const cluster = uniqueCluster();
    const rows = await objectRows();
    const res = await upload(t, `cluster=${cluster}`, bodies[0].slice(0, -40));

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PARSE_ERROR');
    expect(await objectRows()).toBe(rows);
    expect(await snapshotsOf(cluster)).toEqual([]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('an upload still arriving (PostgreSQL)', () => {
  const body = Buffer.from(bodies[0]);
  const half = Math.floor(body.length / 2);

  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
  });

  /** The first half of the body sent, the connection left open, once its first objects are being written. */
  async function halfSent(cluster: string) {
    const req = request(`${await t.app.getUrl()}/api/v1/snapshots?cluster=${cluster}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
    });
    req.write(body.subarray(0, half));
    await until(objectsBeingWritten);
    return { req, answer };
  }

  /** True while another session holds a lock for writing rows of snapshot_objects: an ingest is writing. */
  async function objectsBeingWritten(): Promise<boolean> {
    const rows = await t.sql(
      `SELECT 1 FROM pg_locks WHERE relation = 'snapshot_objects'::regclass AND mode = 'RowExclusiveLock'
        AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return rows.length > 0;
  }

  async function until(condition: () => Promise<boolean>): Promise<void> {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('has its objects written already, yet no snapshot of it is visible until it is complete', async () => {
    const cluster = uniqueCluster();
    const { req, answer } = await halfSent(cluster);

    expect(await snapshotsOf(cluster)).toEqual([]);
    expect((await t.http().get(`/api/v1/snapshots?cluster=${cluster}`)).body.items).toEqual([]);

    req.end(body.subarray(half));
    const res = await answer;
    expect(res.status).toBe(201);
    expect(await snapshotsOf(cluster)).toEqual([{ id: JSON.parse(res.body).id }]);
  });

  it('is rolled back when the client goes away, and its database connection is free again', async () => {
    const cluster = uniqueCluster();
    const rows = await objectRows();
    const { req, answer } = await halfSent(cluster);
    answer.catch(() => undefined);
    req.destroy();

    await until(async () => !(await objectsBeingWritten()));
    expect(await snapshotsOf(cluster)).toEqual([]);
    expect(await objectRows()).toBe(rows);
    const busy = await t.sql(
      `SELECT state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND state <> 'idle'`,
    );
    expect(busy).toEqual([]);
  });
});
