/**
 * One focused scenario per rule of SEMANTICS.md ("NetworkPolicy v1"), each asked through `check`.
 * Cluster: namespaces x (`ns=x`) and y (`ns=y`); bare pods x/a, x/b, y/a, y/c on two nodes; x/a serves the
 * named port `web` on TCP 80, x/b serves `web` on TCP 8080 and UDP 8080 named `dns`.
 */
import { describe, expect, it } from 'vitest';
import type {
  K8sObject,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyObject,
  PodObject,
  Protocol,
} from '../model/objects';
import type { AnalysisOptions } from './answers';
import { analyze } from './snapshot-analysis';

function pod(
  namespace: string,
  name: string,
  ip: string,
  nodeName: string,
  extra: Partial<PodObject> = {},
): PodObject {
  return {
    kind: 'Pod',
    namespace,
    name,
    labels: { pod: name },
    ips: [ip],
    nodeName,
    phase: 'Running',
    hostNetwork: false,
    ports: [],
    ...extra,
  };
}

const CLUSTER: K8sObject[] = [
  { kind: 'Namespace', name: 'x', labels: { ns: 'x' } },
  { kind: 'Namespace', name: 'y', labels: { ns: 'y' } },
  { kind: 'Node', name: 'n1', labels: {}, addresses: [{ type: 'InternalIP', address: '192.168.0.1' }] },
  { kind: 'Node', name: 'n2', labels: {}, addresses: [{ type: 'InternalIP', address: '192.168.0.2' }] },
  pod('x', 'a', '10.0.0.1', 'n1', { ports: [{ name: 'web', port: 80, protocol: 'TCP' }] }),
  pod('x', 'b', '10.0.0.2', 'n1', {
    ports: [
      { name: 'web', port: 8080, protocol: 'TCP' },
      { name: 'dns', port: 8080, protocol: 'UDP' },
    ],
  }),
  pod('y', 'a', '10.0.1.1', 'n2'),
  pod('y', 'c', '10.0.1.3', 'n2', { labels: { pod: 'c', env: 'prod' } }),
  pod('y', 'agent', '192.168.0.2', 'n2', { hostNetwork: true, labels: { pod: 'agent' } }),
];

interface PolicyInput {
  podSelector?: NetworkPolicyObject['spec']['podSelector'];
  policyTypes?: NetworkPolicyObject['spec']['policyTypes'];
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
}

/** A NetworkPolicy defaulted as the API server does (podSelector `{}`, policyTypes from the rules). */
function np(namespace: string, name: string, spec: PolicyInput): NetworkPolicyObject {
  const policyTypes = spec.policyTypes ?? (spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress']);
  return {
    kind: 'NetworkPolicy',
    namespace,
    name,
    labels: {},
    spec: { ...spec, podSelector: spec.podSelector ?? {}, policyTypes },
  };
}

const DENY_INGRESS_X = np('x', 'deny-in', {});
const DENY_EGRESS_X = np('x', 'deny-out', { policyTypes: ['Egress'] });
const only = (pod: string) => ({ matchLabels: { pod } });
const tcp = (port: number | string, endPort?: number) => ({
  protocol: 'TCP' as Protocol,
  port,
  ...(endPort ? { endPort } : {}),
});

interface Scenario {
  rule: string;
  policies: NetworkPolicyObject[];
  from: string;
  to: string;
  protocol: Protocol;
  port: number;
  options?: Partial<AnalysisOptions>;
  allowed: boolean;
}

const scenarios: Scenario[] = [
  {
    rule: '3 no policy: open',
    policies: [],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '3 default deny ingress isolates',
    policies: [DENY_INGRESS_X],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  {
    rule: '1 selection is per namespace',
    policies: [DENY_INGRESS_X],
    from: 'x/Pod/a',
    to: 'y/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '3 ingress isolation leaves egress open',
    policies: [DENY_INGRESS_X],
    from: 'x/Pod/a',
    to: 'y/Pod/c',
    protocol: 'UDP',
    port: 53,
    allowed: true,
  },
  {
    rule: '3 default deny egress isolates',
    policies: [DENY_EGRESS_X],
    from: 'x/Pod/a',
    to: 'y/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  {
    rule: '2 rules of an unlisted direction are ignored',
    policies: [np('x', 'p', { policyTypes: ['Egress'], ingress: [{}], egress: [] })],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '4 policies add up',
    policies: [
      np('x', 'p1', { ingress: [{ from: [{ podSelector: only('b') }] }] }),
      np('x', 'p2', { ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }] }] }),
    ],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '5 ingress [] allows nothing',
    policies: [np('x', 'p', { ingress: [] })],
    from: 'x/Pod/b',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  {
    rule: '5 ingress [{}] allows everything',
    policies: [np('x', 'p', { ingress: [{}] })],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'SCTP',
    port: 9,
    allowed: true,
  },
  {
    rule: '5 from [] is every peer, outside addresses too',
    policies: [np('x', 'p', { ingress: [{ from: [], ports: [tcp(80)] }] })],
    from: '203.0.113.9',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '5 ports [] is every port',
    policies: [np('x', 'p', { ingress: [{ from: [{ podSelector: only('b') }], ports: [] }] })],
    from: 'x/Pod/b',
    to: 'x/Pod/a',
    protocol: 'UDP',
    port: 5000,
    allowed: true,
  },
  {
    rule: '6 podSelector alone means the policy namespace',
    policies: [np('x', 'p', { ingress: [{ from: [{ podSelector: only('a') }] }] })],
    from: 'y/Pod/a',
    to: 'x/Pod/b',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  {
    rule: '6 namespaceSelector {} is every namespace',
    policies: [np('x', 'p', { ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    from: 'y/Pod/c',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '6 namespaceSelector {} matches no outside address',
    policies: [np('x', 'p', { ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    from: '203.0.113.9',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  ...(['y/Pod/a', 'y/Pod/c'] as const).map((from): Scenario => ({
    rule: '6 both selectors in one peer: AND',
    policies: [
      np('x', 'p', {
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: only('c') }] }],
      }),
    ],
    from,
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: from === 'y/Pod/c',
  })),
  {
    rule: '6 two peers: OR',
    policies: [
      np('x', 'p', {
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }, { podSelector: only('c') }] },
        ],
      }),
    ],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '7 NotIn matches pods without the key',
    policies: [
      np('x', 'p', {
        ingress: [
          {
            from: [
              {
                namespaceSelector: {},
                podSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
              },
            ],
          },
        ],
      }),
    ],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '7 DoesNotExist excludes pods with the key',
    policies: [
      np('x', 'p', {
        ingress: [
          {
            from: [
              {
                namespaceSelector: {},
                podSelector: { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] },
              },
            ],
          },
        ],
      }),
    ],
    from: 'y/Pod/c',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  ...[
    ['10.9.0.1', true],
    ['10.9.1.1', false],
  ].map(([from, allowed]): Scenario => ({
    rule: '8 ipBlock cidr minus except',
    policies: [
      np('x', 'p', { ingress: [{ from: [{ ipBlock: { cidr: '10.9.0.0/16', except: ['10.9.1.0/24'] } }] }] }),
    ],
    from: from as string,
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: allowed as boolean,
  })),
  ...[false, true].map((ipBlockMatchesPods): Scenario => ({
    rule: '8 ipBlock matches pod IPs only with ipBlockMatchesPods',
    policies: [np('x', 'p', { ingress: [{ from: [{ ipBlock: { cidr: '10.0.1.0/24' } }] }] })],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    options: { ipBlockMatchesPods },
    allowed: ipBlockMatchesPods,
  })),
  ...[
    ['x/Pod/a', 80, true],
    ['x/Pod/b', 8080, true],
    ['x/Pod/b', 80, false],
  ].map(([to, port, allowed]): Scenario => ({
    rule: '9 a named port resolves on each destination pod',
    policies: [np('x', 'p', { ingress: [{ ports: [tcp('web')] }] })],
    from: 'y/Pod/a',
    to: to as string,
    protocol: 'TCP',
    port: port as number,
    allowed: allowed as boolean,
  })),
  {
    rule: '9 a named port needs the same protocol',
    policies: [np('x', 'p', { ingress: [{ ports: [tcp('dns')] }] })],
    from: 'y/Pod/a',
    to: 'x/Pod/b',
    protocol: 'TCP',
    port: 8080,
    allowed: false,
  },
  {
    rule: '9 toward an address block a named port matches nothing',
    policies: [
      np('x', 'p', {
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp('web')] }],
      }),
    ],
    from: 'x/Pod/a',
    to: '203.0.113.9',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  ...[
    [8000, true],
    [8080, true],
    [8081, false],
  ].map(([port, allowed]): Scenario => ({
    rule: '9 endPort makes an inclusive range',
    policies: [np('x', 'p', { ingress: [{ ports: [tcp(8000, 8080)] }] })],
    from: 'y/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: port as number,
    allowed: allowed as boolean,
  })),
  {
    rule: '10 both ends: the source egress must allow too',
    policies: [np('x', 'p', { ingress: [{}] }), DENY_EGRESS_X],
    from: 'x/Pod/b',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  {
    rule: '10 from an outside address only the destination is checked',
    policies: [DENY_EGRESS_X],
    from: '203.0.113.9',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '11 a pod may always reach itself',
    policies: [DENY_INGRESS_X, DENY_EGRESS_X],
    from: 'x/Pod/a',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: "12 the pod's own node may reach it",
    policies: [DENY_INGRESS_X],
    from: '192.168.0.1',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '12 another node may not',
    policies: [DENY_INGRESS_X],
    from: '192.168.0.2',
    to: 'x/Pod/a',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  {
    rule: '13 hostNetwork pods are not subjects',
    policies: [np('y', 'deny-all', { policyTypes: ['Ingress', 'Egress'] })],
    from: 'x/Pod/a',
    to: 'y/Pod/agent',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
  {
    rule: '13 selectors do not match hostNetwork pods as peers',
    policies: [np('x', 'p', { ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    from: 'y/Pod/agent',
    to: 'x/Pod/b',
    protocol: 'TCP',
    port: 80,
    allowed: false,
  },
  {
    rule: "13 a hostNetwork pod's traffic is its node's address",
    policies: [np('x', 'p', { ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/24' } }] }] })],
    from: 'y/Pod/agent',
    to: 'x/Pod/b',
    protocol: 'TCP',
    port: 80,
    allowed: true,
  },
];

describe('check follows each NetworkPolicy rule of SEMANTICS.md', () => {
  it.each(scenarios)(
    'rule $rule: $from -> $to $protocol $port',
    ({ policies, from, to, protocol, port, options, allowed }) => {
      const analysis = analyze([...CLUSTER, ...policies]);
      const answer = analysis.check(
        analysis.resolve(from),
        analysis.resolve(to),
        { protocol, port },
        options,
      );
      expect(answer.allowed).toBe(allowed);
    },
  );

  it('gives the same answers whatever the order of the policies', () => {
    for (const { policies, from, to, protocol, port, options, allowed } of scenarios.filter(
      (s) => s.policies.length > 1,
    )) {
      const analysis = analyze([...CLUSTER, ...[...policies].reverse()]);
      expect(
        analysis.check(analysis.resolve(from), analysis.resolve(to), { protocol, port }, options).allowed,
      ).toBe(allowed);
    }
  });
});

describe('hostNetwork pods in lists', () => {
  it('are unenforceable targets and never listed as pod peers', () => {
    const analysis = analyze([...CLUSTER, np('y', 'deny-all', { policyTypes: ['Ingress', 'Egress'] })]);
    const agent = analysis.ingress({ type: 'pod', namespace: 'y', name: 'agent' });
    expect(agent).toMatchObject({ unenforceable: true, isolated: false, isolatedBy: [] });
    const peersOfA = analysis.ingress({ type: 'pod', namespace: 'x', name: 'a' }).peers.map((p) => p.peer);
    expect(peersOfA).not.toContainEqual({ type: 'pod', namespace: 'y', name: 'agent' });
  });
});
