import { describe, expect, it } from 'vitest';
import { namespace, networkPolicy, pod, workload } from '../../test/builders';
import { peerText } from '../evaluate/peer-text';
import type { K8sObject, NetworkPolicyObject } from '../model/objects';
import type { ConnectivityChange, DiffAnswer } from './diff-answer';
import { diffSnapshots } from './snapshot-diff';

const api = (name: string, ip: string, labels: Record<string, string> = { app: 'api' }) =>
  pod('shop', name, { labels, ips: [ip], owner: { kind: 'ReplicaSet', name: 'api-7c9f4' } });

/**
 * shop: the api Deployment (two pods) and the db StatefulSet; web: the frontend Deployment behind a
 * default-deny; ops: a bare monitor pod. The db accepts the api on TCP 5432; the api may only reach the db
 * and 192.168.0.0/16.
 */
function baseCluster(): K8sObject[] {
  return [
    namespace('shop', { team: 'shop' }),
    namespace('web', { team: 'web' }),
    namespace('ops', { team: 'ops' }),
    workload('Deployment', 'shop', 'api'),
    workload('ReplicaSet', 'shop', 'api-7c9f4', { kind: 'Deployment', name: 'api' }),
    api('api-7c9f4-a', '10.1.0.1'),
    api('api-7c9f4-b', '10.1.0.2'),
    pod('shop', 'db-0', {
      labels: { app: 'db' },
      ips: ['10.1.0.3'],
      owner: { kind: 'StatefulSet', name: 'db' },
    }),
    pod('web', 'frontend-5d8-x', {
      labels: { app: 'frontend', 'pod-template-hash': '5d8' },
      ips: ['10.1.0.4'],
      owner: { kind: 'ReplicaSet', name: 'frontend-5d8' },
    }),
    pod('ops', 'monitor', { labels: { app: 'monitor' }, ips: ['10.1.0.5'] }),
    networkPolicy('shop', 'db-allow-api', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432 }] }],
    }),
    networkPolicy('shop', 'api-egress', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { app: 'db' } } }] },
        { to: [{ ipBlock: { cidr: '192.168.0.0/16' } }] },
      ],
    }),
    networkPolicy('web', 'deny-all', {}),
  ];
}

const replacePolicy = (objects: K8sObject[], policy: NetworkPolicyObject) => [
  ...objects.filter(
    (o) => !(o.kind === 'NetworkPolicy' && o.namespace === policy.namespace && o.name === policy.name),
  ),
  policy,
];
const withoutPod = (objects: K8sObject[], name: string) =>
  objects.filter((o) => !(o.kind === 'Pod' && o.name === name));

const diff = (head: K8sObject[]): DiffAnswer =>
  diffSnapshots(
    { id: 'base', label: 'main', objects: baseCluster() },
    { id: 'head', label: 'pr-7', objects: head },
  );

const entry = (answer: DiffAnswer, src: string, dst: string): ConnectivityChange | undefined =>
  answer.connectivity.find((c) => peerText(c.src) === src && peerText(c.dst) === dst);

const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';
const FRONTEND = 'web/frontend[Deployment]';
const MONITOR = 'ops/monitor[Pod]';

interface Scenario {
  name: string;
  head: (base: K8sObject[]) => K8sObject[];
  src: string;
  dst: string;
  type: ConnectivityChange['type'];
  cause: { kind: string; name: string; change?: string };
  exposure?: string;
  workloadChange?: object;
}

const scenarios: Scenario[] = [
  {
    name: 'a new default-deny removes connections and is their cause',
    head: (base) => [...base, networkPolicy('ops', 'default-deny', {})],
    src: FRONTEND,
    dst: MONITOR,
    type: 'removed',
    cause: { kind: 'isolation', name: 'default-deny', change: 'added' },
  },
  {
    name: 'a new allow rule adds a connection',
    head: (base) =>
      replacePolicy(
        base,
        networkPolicy('shop', 'db-allow-api', {
          podSelector: { matchLabels: { app: 'db' } },
          ingress: [
            { from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432 }] },
            { from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }], ports: [{ port: 9187 }] },
          ],
        }),
      ),
    src: MONITOR,
    dst: DB,
    type: 'added',
    cause: { kind: 'policy', name: 'db-allow-api', change: 'modified' },
  },
  {
    name: "a label change moves a workload out of a rule's peers",
    head: (base) => [
      ...withoutPod(withoutPod(base, 'api-7c9f4-a'), 'api-7c9f4-b'),
      api('api-7c9f4-a', '10.1.0.1', { app: 'api-v2' }),
      api('api-7c9f4-b', '10.1.0.2', { app: 'api-v2' }),
    ],
    src: API,
    dst: DB,
    type: 'removed',
    cause: { kind: 'labels', name: 'api', change: 'modified' },
  },
  {
    name: "a namespace label change moves it into a rule's namespace selector",
    head: (base) => [
      ...replacePolicy(
        base,
        networkPolicy('web', 'allow-team', {
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { access: 'web' } } }] }],
        }),
      ).filter((o) => !(o.kind === 'Namespace' && o.name === 'ops')),
      namespace('ops', { team: 'ops', access: 'web' }),
    ],
    src: MONITOR,
    dst: FRONTEND,
    type: 'added',
    cause: { kind: 'policy', name: 'allow-team', change: 'added' },
  },
  {
    name: 'an added workload gives workloadChange',
    head: (base) => [...base, pod('ops', 'debug', { labels: { app: 'debug' }, ips: ['10.1.0.9'] })],
    src: 'ops/debug[Pod]',
    dst: MONITOR,
    type: 'added',
    cause: { kind: 'workload', name: 'debug', change: 'added' },
    workloadChange: { src: 'added' },
  },
  {
    name: 'a removed workload gives workloadChange',
    head: (base) => withoutPod(base, 'monitor'),
    src: FRONTEND,
    dst: MONITOR,
    type: 'removed',
    cause: { kind: 'workload', name: 'monitor', change: 'removed' },
    workloadChange: { dst: 'removed' },
  },
  {
    name: 'a narrower ipBlock removes the cut-off half of the range',
    head: (base) =>
      replacePolicy(
        base,
        networkPolicy('shop', 'api-egress', {
          podSelector: { matchLabels: { app: 'api' } },
          policyTypes: ['Egress'],
          egress: [
            { to: [{ podSelector: { matchLabels: { app: 'db' } } }] },
            { to: [{ ipBlock: { cidr: '192.168.0.0/17' } }] },
          ],
        }),
      ),
    src: API,
    dst: '192.168.128.0-192.168.255.255',
    type: 'removed',
    cause: { kind: 'policy', name: 'api-egress', change: 'modified' },
  },
  {
    name: 'an allow from 0.0.0.0/0 exposes a workload publicly',
    head: (base) => [
      ...base,
      networkPolicy('web', 'allow-https', {
        ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }],
      }),
    ],
    src: '0.0.0.0-255.255.255.255',
    dst: FRONTEND,
    type: 'added',
    cause: { kind: 'policy', name: 'allow-https', change: 'added' },
    exposure: 'public',
  },
  {
    name: 'an allow from a private block exposes a workload to outside addresses',
    head: (base) => [
      ...base,
      networkPolicy('web', 'allow-lan', { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] }),
    ],
    src: '10.0.0.0-10.255.255.255',
    dst: FRONTEND,
    type: 'added',
    cause: { kind: 'policy', name: 'allow-lan', change: 'added' },
    exposure: 'outside',
  },
  {
    name: 'namespaceSelector {} exposes a workload to all namespaces',
    head: (base) => [
      ...base,
      networkPolicy('web', 'allow-cluster', { ingress: [{ from: [{ namespaceSelector: {} }] }] }),
    ],
    src: MONITOR,
    dst: FRONTEND,
    type: 'added',
    cause: { kind: 'policy', name: 'allow-cluster', change: 'added' },
    exposure: 'allNamespaces',
  },
];

describe('diffSnapshots', () => {
  it.each(scenarios)('$name', (scenario) => {
    const answer = diff(scenario.head(baseCluster()));
    const change = entry(answer, scenario.src, scenario.dst);
    expect(change, `no entry ${scenario.src} -> ${scenario.dst}`).toBeDefined();
    expect(change?.type).toBe(scenario.type);
    expect(change?.exposure).toBe(scenario.exposure);
    expect(change?.workloadChange).toEqual(scenario.workloadChange);
    const names = change?.causedBy.map((c) => ({
      kind: c.kind,
      name: c.policy?.name ?? c.object?.name,
      ...(c.change !== undefined && { change: c.change }),
    }));
    expect(names).toContainEqual(scenario.cause);
  });

  it('gives every change of every scenario at least one cause', () => {
    for (const scenario of scenarios) {
      const uncaused = diff(scenario.head(baseCluster())).connectivity.filter((c) => c.causedBy.length === 0);
      expect(uncaused, scenario.name).toEqual([]);
    }
  });

  it('finds nothing between a snapshot and itself', () => {
    const answer = diff(baseCluster());
    expect(answer.summary).toEqual({ added: 0, removed: 0, changed: 0, policiesChanged: 0 });
    expect(answer.connectivity).toEqual([]);
    expect(answer.labels).toEqual([]);
  });

  it('matches workloads by kind, namespace and name, so a rollout that renames pods is no change', () => {
    const rolledOut = [
      ...withoutPod(withoutPod(baseCluster(), 'api-7c9f4-a'), 'api-7c9f4-b'),
      pod('shop', 'api-9d1e2-q', {
        labels: { app: 'api' },
        ips: ['10.1.0.7'],
        owner: { kind: 'ReplicaSet', name: 'api-9d1e2' },
      }),
      workload('ReplicaSet', 'shop', 'api-9d1e2', { kind: 'Deployment', name: 'api' }),
    ];
    const answer = diff(rolledOut);
    expect(answer.connectivity).toEqual([]);
    expect(answer.workloads).toEqual({ added: [], removed: [] });
  });

  it('names both snapshots, echoes the options and counts the changes', () => {
    const answer = diff([...baseCluster(), networkPolicy('ops', 'default-deny', {})]);
    expect(answer).toMatchObject({
      schemaVersion: 1,
      base: { id: 'base', label: 'main' },
      head: { id: 'head', label: 'pr-7' },
      whatIf: false,
      options: { ipBlockMatchesPods: false },
      complete: true,
    });
    expect(answer.summary.removed).toBe(answer.connectivity.length);
    expect(answer.policies).toEqual([
      { kind: 'NetworkPolicy', namespace: 'ops', name: 'default-deny', change: 'added', fields: [] },
    ]);
  });

  it('sorts exposures first, then by source and destination', () => {
    const answer = diff([
      ...withoutPod(baseCluster(), 'monitor'),
      networkPolicy('web', 'allow-https', {
        ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }],
      }),
    ]);
    const exposed = answer.connectivity.map((c) => c.exposure !== undefined);
    expect(exposed.indexOf(false)).toBeGreaterThan(0);
    expect(exposed.slice(exposed.indexOf(false))).not.toContain(true);
    const key = (c: ConnectivityChange) =>
      `${Number(c.exposure === undefined)} ${peerText(c.src)} ${peerText(c.dst)}`;
    const keys = answer.connectivity.map(key);
    expect(keys).toEqual([...keys].sort());
  });

  it('lists label changes of workloads and namespaces with their paths', () => {
    const answer = diff([
      ...baseCluster().filter((o) => !(o.kind === 'Namespace' && o.name === 'ops')),
      namespace('ops', { team: 'platform' }),
    ]);
    expect(answer.labels).toEqual([
      {
        kind: 'Namespace',
        name: 'ops',
        change: 'modified',
        fields: [{ path: 'labels.team', before: 'ops', after: 'platform' }],
      },
    ]);
  });
});
