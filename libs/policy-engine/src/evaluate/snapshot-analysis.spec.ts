/**
 * The answers of `analyze`: lists per workload and per pod, address ranges, partial workloads, explanations,
 * references and errors. Namespace `shop` runs Deployment `web` (two pods, one of them mid-rollout with an
 * older label), StatefulSet `db`, and a Deployment manifest `worker` without pods (a template pod).
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { K8sObject, NetworkPolicyObject, PodObject } from '../model/objects';
import type { Peer } from './answers';
import { peerText } from './peer-text';
import { analyze } from './snapshot-analysis';

function pod(
  name: string,
  labels: Record<string, string>,
  ip: string,
  owner?: PodObject['owner'],
): PodObject {
  return {
    kind: 'Pod',
    namespace: 'shop',
    name,
    labels,
    ips: [ip],
    phase: 'Running',
    hostNetwork: false,
    ports: [],
    owner,
  };
}

const rs = (name: string): PodObject['owner'] => ({ kind: 'ReplicaSet', name });
const PODS: K8sObject[] = [
  { kind: 'Namespace', name: 'shop', labels: {} },
  pod('web-1-aa', { app: 'web', track: 'stable', 'pod-template-hash': '1' }, '10.0.0.1', rs('web-1')),
  pod('web-2-bb', { app: 'web', track: 'canary', 'pod-template-hash': '2' }, '10.0.0.2', rs('web-2')),
  pod('db-0', { app: 'db' }, '10.0.0.3', { kind: 'StatefulSet', name: 'db' }),
  {
    kind: 'Deployment',
    namespace: 'shop',
    name: 'worker',
    labels: {},
    replicas: 2,
    template: { labels: { app: 'worker' }, hostNetwork: false, ports: [] },
  },
];

const DB_POLICY: NetworkPolicyObject = {
  kind: 'NetworkPolicy',
  namespace: 'shop',
  name: 'db-from-stable-web',
  labels: {},
  spec: {
    podSelector: { matchLabels: { app: 'db' } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [{ podSelector: { matchLabels: { track: 'stable' } } }],
        ports: [{ protocol: 'TCP', port: 5432 }],
      },
      {
        from: [
          { ipBlock: { cidr: '10.1.0.0/16', except: ['10.1.2.0/24'] } },
          { ipBlock: { cidr: '2001:db8::/32' } },
        ],
        ports: [{ protocol: 'TCP', port: 5432 }],
      },
    ],
  },
};

const analysis = analyze([...PODS, DB_POLICY]);
const DB = { type: 'workload', namespace: 'shop', kind: 'StatefulSet', name: 'db' } as const;
const WEB = { type: 'workload', namespace: 'shop', kind: 'Deployment', name: 'web' } as const;
const texts = (peers: { peer: Peer }[]) => peers.map((p) => peerText(p.peer));

describe('ingress and egress lists', () => {
  it('lists workloads and outside ranges cut at every ipBlock boundary, merged where equal', () => {
    const answer = analysis.ingress(DB);
    expect(answer.isolated).toBe(true);
    expect(answer.isolatedBy).toEqual([
      { kind: 'NetworkPolicy', namespace: 'shop', name: 'db-from-stable-web' },
    ]);
    expect(answer.peers.map((p) => [peerText(p.peer), p.conn.text, p.partial ?? false])).toEqual([
      ['10.1.0.0-10.1.1.255', 'TCP 5432', false],
      ['10.1.3.0-10.1.255.255', 'TCP 5432', false],
      ['2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'TCP 5432', false],
      ['shop/web[Deployment]', 'TCP 5432', true],
    ]);
    expect(answer.peers[3].rules).toEqual([
      {
        tier: 'networkPolicy',
        policy: { kind: 'NetworkPolicy', namespace: 'shop', name: 'db-from-stable-web' },
        direction: 'ingress',
        rule: 0,
      },
    ]);
  });

  it('lists pods at pod granularity, template pods as their workload', () => {
    const answer = analysis.egress(WEB, { granularity: 'pod' });
    expect(texts(answer.peers)).toEqual([
      '0.0.0.0-255.255.255.255',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'shop/db-0',
      'shop/web-1-aa',
      'shop/web-2-bb',
      'shop/worker[Deployment]',
    ]);
    expect(answer.peers.find((p) => peerText(p.peer) === 'shop/db-0')).toMatchObject({
      partial: true,
      conn: { text: 'TCP 5432' },
    });
  });

  it('leaves the target itself out and limits sets to the question', () => {
    const answer = analysis.egress(
      { type: 'pod', namespace: 'shop', name: 'web-1-aa' },
      { protocol: 'UDP', port: 53 },
    );
    expect(texts(answer.peers)).not.toContain('shop/web-1-aa');
    expect(answer.peers.every((p) => p.conn.text === 'UDP 53')).toBe(true);
  });

  it('echoes options and completeness', () => {
    expect(analysis.ingress(DB, {}, { ipBlockMatchesPods: true })).toMatchObject({
      options: { ipBlockMatchesPods: true },
      complete: true,
    });
  });
});

describe('check explains each direction', () => {
  it.each([
    {
      from: 'shop/web-1-aa',
      port: 5432,
      allowed: true,
      ingress: 'ingress of shop/db[StatefulSet]: allowed by shop/db-from-stable-web rule 0',
      egress: 'egress of shop/web-1-aa: not isolated, every connection allowed',
    },
    {
      from: 'shop/web-2-bb',
      port: 5432,
      allowed: false,
      ingress:
        'ingress of shop/db[StatefulSet]: denied: isolated by shop/db-from-stable-web, no rule allows TCP 5432',
      egress: 'egress of shop/web-2-bb: not isolated, every connection allowed',
    },
    {
      from: '10.1.2.7',
      port: 5432,
      allowed: false,
      ingress:
        'ingress of shop/db[StatefulSet]: denied: isolated by shop/db-from-stable-web, no rule allows TCP 5432',
      egress: 'egress of the outside address: not checked: the end is outside the cluster',
    },
  ])('$from -> db TCP $port', ({ from, port, allowed, ingress, egress }) => {
    const answer = analysis.check(analysis.resolve(from), DB, { protocol: 'TCP', port });
    expect(answer.allowed).toBe(allowed);
    expect(answer.ingress.explanation).toBe(ingress);
    expect(answer.egress.explanation).toBe(egress);
  });

  it('marks a workload whose pods disagree as partial', () => {
    const answer = analysis.check(WEB, DB, { protocol: 'TCP', port: 5432 });
    expect(answer).toMatchObject({ allowed: true, partial: true, conn: { text: 'TCP 5432' } });
    expect(answer.ingress.decision).toBe('partial');
  });
});

describe('connectivity', () => {
  it('lists every allowed pair once, sorted, without self pairs', () => {
    const { connections } = analysis.connectivity();
    const lines = connections.map((c) => `${peerText(c.src)} => ${peerText(c.dst)} : ${c.conn.text}`);
    expect(lines).toEqual([...lines].sort());
    expect(lines).toContain('shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432');
    expect(lines).toContain('shop/worker[Deployment] => shop/web[Deployment] : All Connections');
    expect(lines.some((l) => l.startsWith('shop/web[Deployment] => shop/web[Deployment]'))).toBe(false);
    expect(
      connections.find((c) => peerText(c.dst) === 'shop/db[StatefulSet]' && c.src.type === 'workload'),
    ).toMatchObject({
      partial: true,
    });
  });

  it('agrees with ingress at pod granularity', () => {
    const { connections } = analysis.connectivity({ granularity: 'pod' });
    const intoDb = connections
      .filter((c) => peerText(c.dst) === 'shop/db-0')
      .map((c) => `${peerText(c.src)} ${c.conn.text}`);
    const ingress = analysis.ingress({ type: 'pod', namespace: 'shop', name: 'db-0' });
    expect(intoDb).toEqual(ingress.peers.map((p) => `${peerText(p.peer)} ${p.conn.text}`));
  });

  it('computes each answer once per options and granularity: a diff and the API share it', () => {
    const fresh = analyze([...PODS, DB_POLICY]);
    const workloads = fresh.connectivity();
    expect(fresh.connectivity({ granularity: 'workload', ipBlockMatchesPods: false })).toBe(workloads);
    expect(fresh.connectivity({ granularity: 'pod' })).not.toBe(workloads);
    expect(fresh.connectivity({ granularity: 'pod' })).toBe(fresh.connectivity({ granularity: 'pod' }));
    const withPodIps = fresh.connectivity({ ipBlockMatchesPods: true });
    expect(withPodIps).not.toBe(workloads);
    expect(withPodIps.options.ipBlockMatchesPods).toBe(true);
  });
});

describe('references and errors', () => {
  it.each([
    ['shop/StatefulSet/db', DB],
    ['shop/statefulset/db', DB],
    ['shop/db', DB],
    ['shop/Pod/db-0', { type: 'pod', namespace: 'shop', name: 'db-0' }],
    ['shop/worker', { type: 'workload', namespace: 'shop', kind: 'Deployment', name: 'worker' }],
    ['2001:db8::1', { type: 'ip', address: '2001:db8::1' }],
  ])('resolves %s', (text, ref) => {
    expect(analysis.resolve(text)).toEqual(ref);
  });

  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof EngineError ? e.code : 'other';
    }
    return 'none';
  };
  it.each([
    ['an unknown workload', () => analysis.ingress({ ...DB, name: 'nope' }), 'NOT_FOUND'],
    ['an unknown reference', () => analysis.resolve('shop/nope'), 'NOT_FOUND'],
    ['a malformed reference', () => analysis.resolve('a/b/c/d'), 'BAD_USER_INPUT'],
    ['a bad port', () => analysis.check(DB, DB, { port: 70000 }), 'BAD_USER_INPUT'],
    [
      'a name two workloads share',
      () => analyze([...PODS, pod('db', { app: 'x' }, '10.0.0.9')]).resolve('shop/db'),
      'AMBIGUOUS',
    ],
  ])('rejects %s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});

describe('warnings', () => {
  it('warns about policies that select nothing, empty peers and unresolved named ports', () => {
    const policy: NetworkPolicyObject = {
      kind: 'NetworkPolicy',
      namespace: 'shop',
      name: 'typo',
      labels: {},
      spec: {
        podSelector: { matchLabels: { app: 'dbb' } },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ podSelector: { matchLabels: { app: 'nope' } } }],
            ports: [{ protocol: 'TCP', port: 'pg' }],
          },
        ],
      },
    };
    const codes = analyze([...PODS, policy]).warnings.map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'POLICY_SELECTS_NO_POD',
        'PEER_MATCHES_NOTHING',
        'NAMED_PORT_UNRESOLVED',
        'WORKLOAD_PODS_DIFFER',
      ]),
    );
  });
});
