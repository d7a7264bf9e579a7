import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textParser, uploadDiffSnapshots, type DiffSnapshots } from './fixtures/diff/diff-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Computed answers outlive the process: a service started again on the same database (or a second replica)
 * serves the full connectivity and the diff that the first one computed, without computing them again.
 */
const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'podreach-store-'));
const start = () => startTestApp(dataDir ? { env: { PODREACH_DATA_DIR: dataDir } } : {});

let ids: DiffSnapshots;
const first: Record<string, string> = {};

const get = (t: TestApp, path: string) => t.http().get(path).buffer(true).parse(textParser);
const connectivityJson = () => `/api/v1/snapshots/${ids.base}/connectivity`;
const connectivityTxt = () => `/api/v1/snapshots/${ids.base}/connectivity?format=txt&granularity=pod`;
const diffJson = () => `/api/v1/diff?base=${ids.base}&head=${ids.head}`;

async function storedKeys(t: TestApp): Promise<string[]> {
  const rows = await t.sql<{ kind: string; key: string }>(
    `SELECT kind, key FROM analysis_results WHERE snapshot_id = $1::uuid ORDER BY kind, key`,
    ids.base,
  );
  return rows.map((r) => `${r.kind}: ${r.key}`);
}

beforeAll(async () => {
  const t = await start();
  try {
    ids = await uploadDiffSnapshots(t);
    for (const path of [connectivityJson(), connectivityTxt(), diffJson()]) {
      const res = await get(t, path);
      expect(res.status).toBe(200);
      first[path] = res.body as string;
    }
    // Storing does not hold up the answer: wait until the three answers are in.
    for (let i = 0; i < 100 && (await storedKeys(t)).length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await t.close();
  }
});

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('answers kept in the database', () => {
  it('are stored per question and options', async () => {
    const t = await start();
    try {
      expect(await storedKeys(t)).toEqual([
        'connectivity: granularity=pod ipBlockMatchesPods=false',
        'connectivity: granularity=workload ipBlockMatchesPods=false',
        `diff: ipBlockMatchesPods=false head=${ids.head}`,
      ]);
    } finally {
      await t.close();
    }
  });

  it('are served unchanged by a service started again on the same database', async () => {
    const t = await start();
    try {
      for (const path of [connectivityJson(), connectivityTxt(), diffJson()]) {
        const res = await get(t, path);
        expect(res.status).toBe(200);
        expect(res.body).toBe(first[path]);
      }
    } finally {
      await t.close();
    }
  });

  it('are read from the database rather than computed again', async () => {
    const t = await start();
    try {
      const where = `snapshot_id = $1::uuid AND key = 'granularity=workload ipBlockMatchesPods=false'`;
      const [row] = await t.sql<{ payload: string }>(
        `SELECT encode(payload, 'base64') AS payload FROM analysis_results WHERE ${where}`,
        ids.base,
      );
      const stored = JSON.parse(gunzipSync(Buffer.from(row.payload, 'base64')).toString()) as {
        connections: unknown[];
      };
      expect(stored.connections.length).toBeGreaterThan(0);
      const marked = gzipSync(JSON.stringify({ ...stored, connections: [] }));
      await t.sql(
        `UPDATE analysis_results SET payload = decode($2, 'base64') WHERE ${where}`,
        ids.base,
        marked.toString('base64'),
      );
      const res = await t.http().get(connectivityJson());
      expect(res.status).toBe(200);
      expect(res.body.connections).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("go with their snapshots: deleting the diff's head drops the diff, deleting the base drops the rest", async () => {
    const t = await start();
    try {
      expect((await t.http().delete(`/api/v1/snapshots/${ids.head}`)).status).toBe(204);
      expect(await storedKeys(t)).toHaveLength(2);
      expect((await t.http().delete(`/api/v1/snapshots/${ids.base}`)).status).toBe(204);
      expect(await storedKeys(t)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
