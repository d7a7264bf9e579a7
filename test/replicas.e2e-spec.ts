/**
 * Scale-out (issue 7): two service processes on one PostgreSQL database serve the same answers, byte for byte,
 * whichever of them took the upload; and a full analysis computed by one is served by the other from the
 * database (analysis_results) rather than computed again.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures';
import { scratchDatabase, type ScratchDatabase } from './support/scratch-database';
import {
  compileService,
  freePort,
  ServiceProcess,
  testAdminKey,
  type CompiledService,
} from './support/service-process';

const DATABASE_URL = process.env.DATABASE_URL;

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

async function get(service: ServiceProcess, path: string): Promise<Answer> {
  const res = await fetch(`${service.url}${path}`, { headers: service.headers });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
}

describe.skipIf(!DATABASE_URL)('two replicas on one database (needs PostgreSQL: DATABASE_URL)', () => {
  const database = `podreach_replicas_${process.pid}`;
  let scratch: ScratchDatabase | undefined;
  let db: Client;
  let compiled: CompiledService;
  let a: ServiceProcess;
  let b: ServiceProcess;
  const ids = { base: '', head: '' };

  beforeAll(async () => {
    scratch = await scratchDatabase(DATABASE_URL!, database);
    const { url } = scratch;
    db = scratch.client;
    compiled = await compileService();
    const adminKey = testAdminKey();
    const replica = async () =>
      new ServiceProcess({
        entry: compiled.entry,
        cwd: compiled.dir,
        port: await freePort(),
        adminKey,
        env: { DATABASE_URL: url, LOG_LEVEL: 'warn' },
      });
    a = await replica();
    b = await replica();
    // Started together: the migrations run once, under their advisory lock.
    await Promise.all([a.start(), b.start()]);

    const cluster = `replicas-${process.pid}`;
    for (const [name, label] of [
      ['base', 'main'],
      ['head', 'pr-7'],
    ] as const) {
      const res = await fetch(`${a.url}/api/v1/snapshots?cluster=${cluster}&label=${label}`, {
        method: 'POST',
        headers: { ...a.headers, 'content-type': 'application/yaml' },
        body: fixture(`diff/${name}.yaml`),
      });
      expect(res.status).toBe(201);
      ids[name] = ((await res.json()) as { id: string }).id;
    }
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await scratch?.drop();
    compiled?.remove();
  });

  /** The stored answers of the base snapshot, as `kind: key` once per row. */
  async function storedKeys(): Promise<string[]> {
    const { rows } = await db.query<{ kind: string; key: string }>(
      'SELECT kind, key FROM analysis_results WHERE snapshot_id = $1::uuid ORDER BY kind, key',
      [ids.base],
    );
    return rows.map((row) => `${row.kind}: ${row.key}`);
  }

  /** Storing an answer does not hold up the answer itself: wait until `key` is stored. */
  async function untilStored(key: string): Promise<void> {
    for (let i = 0; i < 400 && !(await storedKeys()).includes(key); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await storedKeys()).toContain(key);
  }

  it('B answers ingress, check, connectivity (json, txt) and diff exactly as A, byte for byte', async () => {
    const snapshot = `/api/v1/snapshots/${ids.base}`;
    const paths = [
      `${snapshot}/workloads/shop/Deployment/api/ingress`,
      `${snapshot}/check?from=shop/web&to=shop/Deployment/api&protocol=TCP&port=9000`,
      `${snapshot}/connectivity`,
      `${snapshot}/connectivity?format=txt`,
      `${snapshot}/connectivity?format=txt&granularity=pod`,
      `/api/v1/diff?base=${ids.base}&head=${ids.head}`,
    ];
    for (const path of paths) {
      const fromA = await get(a, path);
      expect(fromA.status, path).toBe(200);
      expect(fromA.body.length, path).toBeGreaterThan(0);
      expect(await get(b, path), path).toEqual(fromA);
    }
  });

  it('keeps one stored answer per question, whichever replica asked', async () => {
    await untilStored('connectivity: granularity=pod ipBlockMatchesPods=false');
    await untilStored('connectivity: granularity=workload ipBlockMatchesPods=false');
    await untilStored(`diff: ipBlockMatchesPods=false head=${ids.head}`);
    expect(await storedKeys()).toEqual([
      'connectivity: granularity=pod ipBlockMatchesPods=false',
      'connectivity: granularity=workload ipBlockMatchesPods=false',
      `diff: ipBlockMatchesPods=false head=${ids.head}`,
    ]);
  });

  it('B serves the connectivity A stored rather than computing its own', async () => {
    const path = `/api/v1/snapshots/${ids.base}/connectivity?ipBlockMatchesPods=true`;
    const key = 'granularity=workload ipBlockMatchesPods=true';
    const fromA = await get(a, path);
    expect(fromA.status).toBe(200);
    const computed = JSON.parse(fromA.body) as { connections: unknown[] };
    expect(computed.connections.length).toBeGreaterThan(1);
    await untilStored(`connectivity: ${key}`);

    // Mark the stored answer (one connection kept): an answer B computed itself would hold them all.
    const where = `snapshot_id = $1::uuid AND kind = 'connectivity' AND key = $2`;
    const { rows } = await db.query<{ payload: Buffer }>(
      `SELECT payload FROM analysis_results WHERE ${where}`,
      [ids.base, key],
    );
    const stored = JSON.parse(gunzipSync(rows[0].payload).toString('utf8')) as { connections: unknown[] };
    const marked = { ...stored, connections: stored.connections.slice(0, 1) };
    await db.query(`UPDATE analysis_results SET payload = $3 WHERE ${where}`, [
      ids.base,
      key,
      gzipSync(JSON.stringify(marked)),
    ]);

    const fromB = await get(b, path);
    expect(fromB.status).toBe(200);
    expect((JSON.parse(fromB.body) as typeof marked).connections).toEqual(marked.connections);
  });
});
