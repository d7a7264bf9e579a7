import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SnapshotLoader } from '../apps/api/src/analysis-pool/snapshot-loader';
import { SnapshotsRepository } from '../apps/api/src/snapshots/snapshots.repository';
import { expectGolden, uploadFixtureCluster } from './fixtures/reachability/golden';
import { gql, snapshotQuery } from './fixtures/reachability/queries';
import { startTestApp, uniqueCluster, type TestApp } from './support/test-app';

/**
 * GraphQL over the fixture cluster of test/fixtures/reachability/cluster.yaml (see reachability.e2e-spec.ts
 * for what it allows). Answers are compared whole with golden files; the same questions over REST must give
 * the same answers.
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

function post(query: string, variables?: Record<string, unknown>) {
  return t.http().post('/graphql').set('content-type', 'application/json').send({ query, variables });
}

/** The data of a query that must succeed. */
async function data(query: string): Promise<Record<string, unknown>> {
  const res = await post(query);
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data;
}

/** The one error of a query that must fail. */
async function error(
  query: string,
): Promise<{ status: number; message: string; code: string; details: unknown }> {
  const res = await post(query);
  expect(res.body.errors).toHaveLength(1);
  const [{ message, extensions }] = res.body.errors;
  return { status: res.status, message, code: extensions.code, details: extensions.details };
}

describe('answers', () => {
  it.each([
    { golden: 'snapshot.json', fields: 'id objectCount complete counts { kind count } warnings { code }' },
    { golden: 'namespaces.json', fields: 'namespaces { totalCount nodes { name labels { key value } } }' },
    { golden: 'workloads.json', fields: 'workloads(first: 10) { totalCount nodes { ...WorkloadFields } }' },
    {
      golden: 'workloads-filtered.json',
      fields: 'workloads(namespace: "payments", labelSelector: "app notin (api)") { nodes { kind name } }',
    },
    { golden: 'pods.json', fields: 'pods(namespace: "shop") { totalCount nodes { ...PodFields } }' },
    { golden: 'policies.json', fields: 'policies { totalCount nodes { kind namespace name } }' },
    {
      golden: 'workload-db.json',
      fields: `workload(namespace: "payments", name: "db", kind: "statefulset") {
        ...WorkloadFields isolation { ...IsolationFields } policies { ...PolicyRefFields }
        ingress { ...DirectionFields } egress(protocol: TCP, port: 443) { ...DirectionFields }
        canReach(to: "monitoring/prometheus", protocol: UDP, port: 53) { ...CheckFields }
      }`,
    },
    {
      golden: 'db-ingress-ipblock-pods.json',
      fields: `workload(namespace: "payments", name: "db", kind: "StatefulSet") {
        ingress(ipBlockMatchesPods: true, protocol: TCP) { ...DirectionFields }
      }`,
    },
    {
      golden: 'pod-web-a.json',
      fields: `pod(namespace: "shop", name: "web-7d9f-a") {
        ...PodFields workload { namespace name kind } isolation { ...IsolationFields } policies { name }
        ingress { ...DirectionFields } egress(port: 5432) { ...DirectionFields }
        canReach(to: "payments/db-0", protocol: TCP, port: 5432) { ...CheckFields }
      }`,
    },
    {
      golden: 'template-pod.json',
      fields: `workload(namespace: "monitoring", name: "prometheus", kind: "StatefulSet") {
        pods { nodes { name template workload { kind } ingress(first: 1) { target { text } peers { totalCount } } } }
      }`,
    },
    {
      golden: 'who-can-reach-web.json',
      fields: 'whoCanReach(namespace: "shop", name: "web") { ...DirectionFields }',
    },
    {
      golden: 'check-web-db.json',
      fields:
        'check(from: "shop/Deployment/web", to: "payments/db", protocol: TCP, port: 5432) { ...CheckFields }',
    },
    {
      golden: 'check-internet-web.json',
      fields: 'check(from: "2001:db8::1", to: "shop/web", port: 8080) { ...CheckFields }',
    },
    {
      golden: 'connectivity-pods.json',
      fields: `connectivity(granularity: pod, first: 1000) {
        options { ipBlockMatchesPods } complete granularity warnings { code }
        connections { totalCount pageInfo { hasNextPage endCursor } nodes {
          src { ...PeerFields } dst { ...PeerFields } conn { ...ConnectionSetFields } partial
        } }
      }`,
    },
  ])('$golden', async ({ golden, fields }) => {
    expectGolden(`graphql/${golden}`, await data(snapshotQuery(id, fields)), id);
  });

  it.each(['workloads', 'pods'])(
    'pages through %s: every one once, in order, with the total',
    async (list) => {
      type Page = {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: unknown[];
      };
      const pageOf = async (args: string) =>
        (
          (
            await data(
              snapshotQuery(
                id,
                `${list}(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { namespace name } }`,
              ),
            )
          ).snapshot as Record<string, Page>
        )[list];
      const whole = await pageOf('first: 1000');
      const nodes: unknown[] = [];
      let page = await pageOf('first: 2');
      for (;;) {
        expect(page.totalCount).toBe(whole.totalCount);
        nodes.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) break;
        page = await pageOf(`first: 2, after: "${page.pageInfo.endCursor}"`);
      }
      expect(whole.nodes.length).toBeGreaterThan(2);
      expect(nodes).toEqual(whole.nodes);
    },
  );

  it('whoCanReach is the ingress of that workload', async () => {
    const answer = await data(
      snapshotQuery(
        id,
        `whoCanReach(namespace: "payments", name: "db", kind: "StatefulSet", port: 5432) { ...DirectionFields }
         workload(namespace: "payments", name: "db", kind: "StatefulSet") { ingress(port: 5432) { ...DirectionFields } }`,
      ),
    );
    const snapshot = answer.snapshot as { whoCanReach: unknown; workload: { ingress: unknown } };
    expect(snapshot.whoCanReach).toEqual(snapshot.workload.ingress);
  });

  it('a workload ingress gives the same peers, sets and rules as REST', async () => {
    const rest = await t.http().get(`/api/v1/snapshots/${id}/workloads/payments/StatefulSet/db/ingress`);
    const answer = await data(
      snapshotQuery(
        id,
        `workload(namespace: "payments", name: "db", kind: "StatefulSet") { ingress {
          peers { nodes { peer { text } conn { text } rules { policy { name } rule } } } } }`,
      ),
    );
    const graphqlPeers = (answer.snapshot as { workload: { ingress: { peers: { nodes: unknown[] } } } })
      .workload.ingress.peers.nodes;
    const restPeers = rest.body.peers.map(
      (p: {
        peer: { type: string; namespace: string; name: string; kind: string; start: string; end: string };
        conn: { text: string };
        rules: { policy: { name: string }; rule: number }[];
      }) => ({
        peer: {
          text:
            p.peer.type === 'ipRange'
              ? `${p.peer.start}-${p.peer.end}`
              : `${p.peer.namespace}/${p.peer.name}[${p.peer.kind}]`,
        },
        conn: { text: p.conn.text },
        rules: p.rules.map((r) => ({ policy: { name: r.policy.name }, rule: r.rule })),
      }),
    );
    expect(graphqlPeers).toEqual(restPeers);
  });

  it('pages through connectivity in the REST order, every connection once', async () => {
    const texts: string[] = [];
    let after: string | null = null;
    do {
      const answer = await data(
        snapshotQuery(
          id,
          `connectivity(first: 5${after ? `, after: "${after}"` : ''}) { connections {
            pageInfo { hasNextPage endCursor } nodes { src { text } dst { text } conn { text } } } }`,
        ),
      );
      const { connections } = (answer.snapshot as { connectivity: { connections: ConnectionsPage } })
        .connectivity;
      texts.push(...connections.nodes.map((c) => `${c.src.text} => ${c.dst.text} : ${c.conn.text}`));
      after = connections.pageInfo.hasNextPage ? connections.pageInfo.endCursor : null;
    } while (after !== null);
    const rest = await t.http().get(`/api/v1/snapshots/${id}/connectivity?format=txt`);
    expect(texts.join('\n') + '\n').toBe(rest.text);
  });

  it('lists clusters and pages snapshots of a cluster newest first', async () => {
    const cluster = uniqueCluster('paging');
    const older = await uploadFixtureCluster(t, cluster, 'older');
    const newer = await uploadFixtureCluster(t, cluster, 'newer');
    const answer = await data(
      gql(`query { clusters(first: 1000) { nodes { name snapshotCount } }
        snapshots(cluster: "${cluster}", first: 1) { nodes { id label } pageInfo { hasNextPage endCursor } } }`),
    );
    expect((answer.clusters as { nodes: unknown[] }).nodes).toContainEqual({
      name: cluster,
      snapshotCount: 2,
    });
    const page = answer.snapshots as {
      nodes: unknown[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(page.nodes).toEqual([{ id: newer, label: 'newer' }]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await data(
      gql(`query { snapshots(cluster: "${cluster}", first: 1, after: "${page.pageInfo.endCursor}") {
        nodes { id } pageInfo { hasNextPage } } }`),
    );
    expect(next.snapshots).toEqual({ nodes: [{ id: older }], pageInfo: { hasNextPage: false } });
  });
});

interface ConnectionsPage {
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes: { src: { text: string }; dst: { text: string }; conn: { text: string } }[];
}

describe('errors', () => {
  it.each([
    { what: 'an unknown snapshot', query: `query { snapshot(id: "${randomUUID()}") { id } }` },
    { what: 'a malformed snapshot id', query: 'query { snapshot(id: "nope") { id } }' },
  ])('NOT_FOUND for $what', async ({ query }) => {
    expect(await error(query)).toMatchObject({ status: 200, code: 'NOT_FOUND' });
  });

  it.each([
    {
      what: 'an unknown workload',
      fields: 'workload(namespace: "shop", name: "nope", kind: "Deployment") { name }',
    },
    { what: 'an unknown pod', fields: 'pod(namespace: "shop", name: "nope") { name }' },
    { what: 'an unknown namespace', fields: 'workloads(namespace: "nope") { totalCount }' },
    { what: 'an unknown check end', fields: 'check(from: "shop/nope", to: "payments/db") { allowed }' },
    {
      what: 'an unknown whoCanReach target',
      fields: 'whoCanReach(namespace: "shop", name: "nope") { isolated }',
    },
  ])('NOT_FOUND for $what', async ({ fields }) => {
    expect(await error(snapshotQuery(id, fields))).toMatchObject({ status: 200, code: 'NOT_FOUND' });
  });

  it.each([
    { what: 'port 0', fields: 'whoCanReach(namespace: "shop", name: "web", port: 0) { isolated }' },
    { what: 'port 65536', fields: 'check(from: "shop/web", to: "payments/db", port: 65536) { allowed }' },
    { what: 'a malformed peer', fields: 'check(from: "shop/web/x/y", to: "payments/db") { allowed }' },
    { what: 'a malformed address', fields: 'check(from: "300.1.1.1", to: "payments/db") { allowed }' },
    { what: 'a malformed selector', fields: 'pods(labelSelector: "app <") { totalCount }' },
    { what: 'a page over 1000', fields: 'workloads(first: 1001) { totalCount }' },
    { what: 'a negative page', fields: 'pods(first: -1) { totalCount }' },
    { what: 'a bad cursor', fields: 'connectivity(after: "bogus") { complete }' },
  ])('BAD_USER_INPUT for $what', async ({ fields }) => {
    expect(await error(snapshotQuery(id, fields))).toMatchObject({ status: 200, code: 'BAD_USER_INPUT' });
  });

  it('BAD_USER_INPUT for a protocol that does not exist', async () => {
    const res = await post(
      snapshotQuery(id, 'whoCanReach(namespace: "shop", name: "web", protocol: ICMP) { isolated }'),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('AMBIGUOUS naming the candidates for an ambiguous namespace/name', async () => {
    expect(
      await error(snapshotQuery(id, 'check(from: "payments/api", to: "payments/db") { allowed }')),
    ).toEqual({
      status: 200,
      message: 'payments/api is ambiguous: payments/Deployment/api, payments/Pod/api',
      code: 'AMBIGUOUS',
      details: { candidates: ['payments/Deployment/api', 'payments/Pod/api'] },
    });
  });

  it('LIMIT_EXCEEDED for a query nested deeper than the limit', async () => {
    // snapshot > pod > (workload > pods > nodes) x 3 > workload > name: 13 levels.
    const nested = [
      'workload',
      'pods',
      'nodes',
      'workload',
      'pods',
      'nodes',
      'workload',
      'pods',
      'nodes',
      'workload',
    ];
    const fields = `pod(namespace: "shop", name: "web-7d9f-a") { ${nested.join(' { ')} { name ${'} '.repeat(nested.length)}}`;
    expect(await error(snapshotQuery(id, fields))).toEqual({
      status: 400,
      message: 'Query depth 13 exceeds the limit of 12',
      code: 'LIMIT_EXCEEDED',
      details: { limit: 12, actual: 13 },
    });
  });

  it('LIMIT_EXCEEDED for too many aliases', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: complete`).join(' ');
    expect(await error(snapshotQuery(id, aliases))).toMatchObject({
      status: 400,
      code: 'LIMIT_EXCEEDED',
      details: { limit: 20, actual: 21 },
    });
  });

  it('LIMIT_EXCEEDED for a query whose pages multiply past the cost limit', async () => {
    const fields =
      'workloads(first: 1000) { nodes { ingress(first: 1000) { peers { nodes { peer { text } } } } } }';
    const failure = await error(snapshotQuery(id, fields));
    expect(failure).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', details: { limit: 200_000 } });
    expect(failure.message).toMatch(/^Query cost \d+ exceeds the limit of 200000/);
  });
});

describe('batching', () => {
  it('answers nested fields of every workload and pod from one load of the snapshot', async () => {
    const fresh = await uploadFixtureCluster(t);
    const loads = vi.spyOn(t.app.get(SnapshotLoader), 'load');
    const reads = vi.spyOn(t.app.get(SnapshotsRepository), 'findById');
    try {
      const answer = await data(
        snapshotQuery(
          fresh,
          `workloads(first: 10) { nodes { name isolation { ...IsolationFields } ingress { peers { totalCount } }
            pods(first: 5) { nodes { name workload { name } policies { name } egress { isolated } } } } }`,
        ),
      );
      const workloads = (answer.snapshot as { workloads: { nodes: unknown[] } }).workloads.nodes;
      expect(workloads).toHaveLength(6);
      expect(loads).toHaveBeenCalledTimes(1);
      // The snapshot itself, then its record and objects for the analysis: none per workload or pod.
      expect(reads.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      loads.mockRestore();
      reads.mockRestore();
    }
  });
});

describe('transport', () => {
  it('offers GraphiQL outside production', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('refuses a simple (CSRF-able) request without a JSON content type', async () => {
    const res = await t.http().get('/graphql').query({ query: '{ clusters { totalCount } }' });
    expect(res.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ clusters { totalCount } }' }, { query: '{ clusters { totalCount } }' }]);
    expect(res.status).toBe(400);
  });
});

describe('in production', () => {
  let production: TestApp;

  beforeAll(async () => {
    vi.stubEnv('NODE_ENV', 'production');
    production = await startTestApp();
  });

  afterAll(async () => {
    await production?.close();
    vi.unstubAllEnvs();
  });

  it('serves no landing page or sandbox', async () => {
    const res = await production.http().get('/graphql').set('accept', 'text/html');
    expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
  });
});
