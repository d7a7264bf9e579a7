/**
 * Full connectivity of a snapshot past the worker's threshold of potential pairs (issue 7): never held nor
 * stored, computed as it is read for every request; REST streams it, GraphQL pages through it, and both agree.
 * Just enough bare pods (each its own workload) for their potential pairs to pass HUGE_CONNECTIVITY_PAIRS at
 * either granularity; policies allow only the 100 pairs from 10 clients to 10 servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_CONNECTIVITY_PAIRS } from '../apps/api/src/analysis-pool/analysis-tasks';
import { textParser } from './fixtures/diff/diff-fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

const ENDS = 10;
const IDLE = Math.floor(Math.sqrt(HUGE_CONNECTIVITY_PAIRS)) + 1 - 2 * ENDS;
const NAMESPACE = 'big';

let t: TestApp;
let id: string;

function pod(name: string, role: string, index: number) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NAMESPACE, labels: { role } },
    spec: { containers: [{ name: 'c', image: 'registry.example/app:1' }] },
    status: { phase: 'Running', podIP: `10.1.${Math.floor(index / 250)}.${(index % 250) + 1}` },
  };
}

function policy(name: string, spec: Record<string, unknown>) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: NAMESPACE },
    spec,
  };
}

function clusterText(): string {
  const pods = [
    ...Array.from({ length: ENDS }, (_, i) => pod(`client-${i}`, 'client', i)),
    ...Array.from({ length: ENDS }, (_, i) => pod(`server-${i}`, 'server', ENDS + i)),
    ...Array.from({ length: IDLE }, (_, i) => pod(`idle-${i}`, 'idle', 2 * ENDS + i)),
  ];
  const clients = { podSelector: { matchLabels: { role: 'client' } } };
  const servers = { podSelector: { matchLabels: { role: 'server' } } };
  const items = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
    ...pods,
    policy('deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('servers-from-clients', { ...servers, policyTypes: ['Ingress'], ingress: [{ from: [clients] }] }),
    policy('clients-to-servers', { ...clients, policyTypes: ['Egress'], egress: [{ to: [servers] }] }),
  ];
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

const csv = (granularity: string) =>
  t
    .http()
    .get(`/api/v1/snapshots/${id}/connectivity?format=csv&granularity=${granularity}`)
    .buffer(true)
    .parse(textParser);

const pageQuery = `query Page($id: ID!, $granularity: Granularity!, $after: String) {
  snapshot(id: $id) {
    connectivity(granularity: $granularity, first: 30, after: $after) {
      connections { totalCount pageInfo { endCursor hasNextPage } nodes { src { text } dst { text } } }
    }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: { src: { text: string }; dst: { text: string } }[];
}

async function page(granularity: string, after?: string): Promise<Page> {
  const res = await t
    .http()
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({ query: pageQuery, variables: { id, granularity, after } });
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.snapshot.connectivity.connections as Page;
}

beforeAll(async () => {
  t = await startTestApp();
  const res = await upload(t, `cluster=${uniqueCluster('huge')}`, clusterText());
  expect(res.status).toBe(201);
  id = res.body.id as string;
});

afterAll(async () => {
  await t?.close();
});

describe.each(['pod', 'workload'])('full connectivity past the threshold (%s level)', (granularity) => {
  it('streams the same table on every request and stores none of it', async () => {
    const first = await csv(granularity);
    const again = await csv(granularity);
    expect(first.status).toBe(200);
    expect(again.body).toBe(first.body);
    const rows = (first.body as string).trim().split('\r\n');
    expect(rows[0]).toBe('src,dst,conn,partial');
    expect(rows).toHaveLength(1 + ENDS * ENDS);
    expect(rows[1]).toMatch(/^big\/client-0(\[Pod\])?,big\/server-0(\[Pod\])?,/);
    const stored = await t.sql(`SELECT key FROM analysis_results WHERE snapshot_id = $1::uuid`, id);
    expect(stored).toEqual([]);
  });

  it('pages through GraphQL in the order of the REST table, counting every pair', async () => {
    const rows = ((await csv(granularity)).body as string).trim().split('\r\n').slice(1);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const current = await page(granularity, after);
      expect(current.totalCount).toBe(ENDS * ENDS);
      seen.push(...current.nodes.map((node) => `${node.src.text},${node.dst.text}`));
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(rows.map((row) => row.split(',').slice(0, 2).join(',')));
  });
});
