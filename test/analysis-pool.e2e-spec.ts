/**
 * The analysis worker pool seen from outside (issue 7): analyses run in worker threads, so the event loop keeps
 * answering while a large snapshot compiles; a full queue answers 503 UNAVAILABLE with `Retry-After` (REST and
 * GraphQL) instead of piling up work, and the pool's load shows in `/metrics`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCluster, kubectlListText, type SizeName, type SizeProfile } from '../bench/generator';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

const RETRY_AFTER_S = 7;
const CONCURRENT = 6;

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    env: {
      PODREACH_ANALYSIS_WORKERS: '1',
      PODREACH_ANALYSIS_QUEUE: '1',
      PODREACH_ANALYSIS_RETRY_AFTER_S: String(RETRY_AFTER_S),
    },
  });
});

afterAll(async () => {
  await t?.close();
});

/** Uploads a generated cluster as `kubectl get -A -o json` prints it; returns the new snapshot's id. */
async function uploadGenerated(size: SizeName | SizeProfile, seed: number): Promise<string> {
  const text = kubectlListText(generateCluster({ size, seed }).objects, { pretty: false });
  const res = await upload(t, `cluster=${uniqueCluster('pool')}&label=seed-${seed}`, text);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** One series of `/metrics`, e.g. `podreach_analysis_workers_busy`. */
async function metric(series: string): Promise<number> {
  const res = await t.http().get('/metrics');
  expect(res.status).toBe(200);
  const line = res.text.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no series ${series} in /metrics`);
  return Number(line.slice(series.length + 1));
}

const connectivityQuery = `query Connectivity($id: ID!) {
  snapshot(id: $id) { connectivity(first: 5) { connections { totalCount nodes { src { name } dst { name } } } } }
}`;

function graphqlConnectivity(id: string) {
  return t
    .http()
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({ query: connectivityQuery, variables: { id } });
}

describe('a full analysis queue (PODREACH_ANALYSIS_QUEUE=1)', () => {
  it('answers 503 with Retry-After to the requests it cannot hold and 200 to the rest; then 200 to all', async () => {
    const id = await uploadGenerated('S', 1);
    const path = `/api/v1/snapshots/${id}/connectivity`;
    const rejectedBefore = await metric('podreach_analysis_rejected_total');

    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => t.http().get(path)));

    const refused = answers.filter((res) => res.status === 503);
    const answered = answers.filter((res) => res.status === 200);
    expect(refused.length + answered.length).toBe(CONCURRENT);
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    for (const res of refused) {
      expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_S));
      expect(res.body).toEqual({
        error: {
          code: 'UNAVAILABLE',
          message: expect.stringContaining('queue is full'),
          details: { reason: 'analysisQueueFull', retryAfterSeconds: RETRY_AFTER_S },
        },
      });
    }
    const expected = answered[0].body as { connections: unknown[] };
    expect(expected.connections.length).toBeGreaterThan(0);
    for (const res of answered) expect(res.body).toEqual(expected);

    // Once the queue drains, every request is answered, and answered the same.
    for (let i = 0; i < 3; i++) {
      const res = await t.http().get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    }
    // Each refusal counts once; requests waiting on one refused load of the snapshot share its refusal.
    const rejected = (await metric('podreach_analysis_rejected_total')) - rejectedBefore;
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThanOrEqual(refused.length);
    expect(await metric('podreach_analysis_queue_pending')).toBe(0);
    expect(await metric('podreach_analysis_workers_busy')).toBe(0);
  });

  it('answers GraphQL with HTTP 503, Retry-After and extensions.code UNAVAILABLE, then with data', async () => {
    const id = await uploadGenerated('S', 2);

    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => graphqlConnectivity(id)));

    const refused = answers.filter((res) => res.status === 503);
    const answered = answers.filter((res) => res.status === 200);
    expect(refused.length + answered.length).toBe(CONCURRENT);
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    for (const res of refused) {
      expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_S));
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          extensions: {
            code: 'UNAVAILABLE',
            details: { reason: 'analysisQueueFull', retryAfterSeconds: RETRY_AFTER_S },
          },
        }),
      ]);
    }
    for (const res of answered) expect(res.body.errors).toBeUndefined();

    const res = await graphqlConnectivity(id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(answered[0].body);
  });
});

describe('serving while a large snapshot compiles', () => {
  const SERVED_WHILE_BUSY = 'healthz and list answered while a worker was busy';

  it('answers /healthz and the snapshot list before the analysis request finishes', async () => {
    // Large enough that compiling and analysing it keeps a worker busy for many rounds below.
    const id = await uploadGenerated({ name: 'pool', pods: 3_000, policies: 600, namespaces: 60 }, 3);
    const events: string[] = [];
    let finished = false;
    const analysis = graphqlConnectivity(id).then((res) => {
      finished = true;
      events.push('analysis answered');
      return res;
    });

    // Each round: is a worker busy (the compile), then two cheap requests, all answered by the event loop.
    while (!finished) {
      const busy = await metric('podreach_analysis_workers_busy');
      const health = await t.http().get('/healthz');
      const list = await t.http().get('/api/v1/snapshots?limit=5');
      expect(health.status).toBe(200);
      expect(list.status).toBe(200);
      if (busy === 1 && !finished) events.push(SERVED_WHILE_BUSY);
    }

    const res = await analysis;
    expect(res.status).toBe(200);
    expect(res.body.data.snapshot.connectivity.connections.totalCount).toBeGreaterThan(0);
    // Several rounds were served while the worker was busy, all before the analysis was answered.
    expect(events.slice(0, 2)).toEqual([SERVED_WHILE_BUSY, SERVED_WHILE_BUSY]);
    expect(events.at(-1)).toBe('analysis answered');
  });
});
