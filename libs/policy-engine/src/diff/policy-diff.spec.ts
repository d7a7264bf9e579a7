import { describe, expect, it } from 'vitest';
import { networkPolicy, type PolicyInput } from '../../test/builders';
import type { AdminPolicyKind, AdminPolicyObject, K8sObject, NetworkPolicyPeer } from '../model/objects';
import { diffPolicies, type PolicyChange } from './policy-diff';
import type { FieldChange } from './value-diff';

const peer = (app: string): NetworkPolicyPeer => ({ podSelector: { matchLabels: { app } } });
const fromApp = (app: string, port = 80) => ({ from: [peer(app)], ports: [{ port }] });
const npRule = (app: string, port = 80) => ({ from: [peer(app)], ports: [{ protocol: 'TCP', port }] });
const np = (input: PolicyInput, name = 'allow-web') => networkPolicy('shop', name, input);
const modified = (fields: FieldChange[]): PolicyChange[] => [
  { kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-web', change: 'modified', fields },
];

function admin(kind: AdminPolicyKind, name: string, spec: Record<string, unknown>): AdminPolicyObject {
  const apiVersion = `policy.networking.k8s.io/${kind === 'ClusterNetworkPolicy' ? 'v1alpha2' : 'v1alpha1'}`;
  return { kind, apiVersion, name, labels: {}, spec };
}
const subject = { namespaces: { matchLabels: { team: 'a' } } };
const adminRule = (name: string, action: string, team: string) => ({
  name,
  action,
  from: [{ namespaces: { matchLabels: { team } } }],
});
const anp = (rules: unknown[], priority = 10) =>
  admin('AdminNetworkPolicy', 'guard', { priority, subject, ingress: rules });

describe('diffPolicies', () => {
  it.each<[string, K8sObject[], K8sObject[], PolicyChange[]]>([
    [
      'unchanged snapshots have no changes',
      [np({ ingress: [fromApp('a')] })],
      [np({ ingress: [fromApp('a')] })],
      [],
    ],
    ['no policies at all', [], [], []],
    [
      'a rule inserted at the front is one added rule',
      [np({ ingress: [fromApp('a'), fromApp('b')] })],
      [np({ ingress: [fromApp('new'), fromApp('a'), fromApp('b')] })],
      modified([{ path: 'spec.ingress[0]', before: null, after: npRule('new') }]),
    ],
    [
      'a rule inserted in the middle',
      [np({ ingress: [fromApp('a'), fromApp('b')] })],
      [np({ ingress: [fromApp('a'), fromApp('new'), fromApp('b')] })],
      modified([{ path: 'spec.ingress[1]', before: null, after: npRule('new') }]),
    ],
    [
      'a rule appended',
      [np({ egress: [{ to: [peer('a')] }] })],
      [np({ egress: [{ to: [peer('a')] }, { to: [peer('new')] }] })],
      modified([{ path: 'spec.egress[1]', before: null, after: { to: [peer('new')] } }]),
    ],
    [
      'a removed rule shows at its old index',
      [np({ ingress: [fromApp('a'), fromApp('b'), fromApp('c')] })],
      [np({ ingress: [fromApp('a'), fromApp('c')] })],
      modified([{ path: 'spec.ingress[1]', before: npRule('b'), after: null }]),
    ],
    [
      'reordered NetworkPolicy rules are no change (rules are additive)',
      [np({ ingress: [fromApp('a'), fromApp('b')] })],
      [np({ ingress: [fromApp('b'), fromApp('a')] })],
      [],
    ],
    [
      'reordered policyTypes are no change',
      [np({ policyTypes: ['Ingress', 'Egress'] })],
      [np({ policyTypes: ['Egress', 'Ingress'] })],
      [],
    ],
    [
      'reordered matchExpressions values are no change',
      [np({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] } })],
      [np({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['b', 'a'] }] } })],
      [],
    ],
    [
      'reordered ipBlock except is no change',
      [
        np({
          ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/16'] } }] }],
        }),
      ],
      [
        np({
          ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.2.0.0/16', '10.1.0.0/16'] } }] }],
        }),
      ],
      [],
    ],
    [
      'a nested selector change is shown at the label',
      [np({ ingress: [fromApp('a'), fromApp('b')] })],
      [np({ ingress: [fromApp('a'), fromApp('c')] })],
      modified([{ path: 'spec.ingress[1].from[0].podSelector.matchLabels.app', before: 'b', after: 'c' }]),
    ],
    [
      'a port change',
      [np({ ingress: [fromApp('a', 80)] })],
      [np({ ingress: [fromApp('a', 8080)] })],
      modified([{ path: 'spec.ingress[0].ports[0].port', before: 80, after: 8080 }]),
    ],
    [
      'a port range added',
      [np({ egress: [{ ports: [{ port: 8000 }] }] })],
      [np({ egress: [{ ports: [{ port: 8000, endPort: 8080 }] }] })],
      modified([{ path: 'spec.egress[0].ports[0].endPort', before: null, after: 8080 }]),
    ],
    [
      'a label key that is not an identifier is bracket-quoted',
      [np({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } })],
      [np({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } })],
      modified([
        { path: 'spec.podSelector.matchLabels["app.kubernetes.io/name"]', before: 'web', after: 'api' },
      ]),
    ],
    [
      'a change of the policy labels only is no change',
      [np({})],
      [{ ...np({}), labels: { owner: 'team-b' } }],
      [],
    ],
    [
      'an added NetworkPolicy has no fields',
      [],
      [np({})],
      [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-web', change: 'added', fields: [] }],
    ],
    [
      'a removed NetworkPolicy has no fields',
      [np({})],
      [],
      [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-web', change: 'removed', fields: [] }],
    ],
    [
      'a policy of the same name in another namespace is another policy',
      [networkPolicy('a', 'deny', {})],
      [networkPolicy('b', 'deny', {})],
      [
        { kind: 'NetworkPolicy', namespace: 'a', name: 'deny', change: 'removed', fields: [] },
        { kind: 'NetworkPolicy', namespace: 'b', name: 'deny', change: 'added', fields: [] },
      ],
    ],
  ])('%s', (_name, base, head, expected) => {
    expect(diffPolicies(base, head)).toEqual(expected);
  });

  describe('admin policies', () => {
    const allowA = adminRule('allow-a', 'Allow', 'a');
    const denyAll = adminRule('deny-b', 'Deny', 'b');
    const guard = (fields: FieldChange[]): PolicyChange[] => [
      { kind: 'AdminNetworkPolicy', name: 'guard', change: 'modified', fields },
    ];

    it.each<[string, K8sObject[], K8sObject[], PolicyChange[]]>([
      ['an unchanged AdminNetworkPolicy', [anp([allowA])], [anp([allowA])], []],
      [
        'an AdminNetworkPolicy priority change',
        [anp([allowA], 10)],
        [anp([allowA], 5)],
        guard([{ path: 'spec.priority', before: 10, after: 5 }]),
      ],
      [
        'an AdminNetworkPolicy action change',
        [anp([allowA, denyAll])],
        [anp([allowA, { ...denyAll, action: 'Pass' }])],
        guard([{ path: 'spec.ingress[1].action', before: 'Deny', after: 'Pass' }]),
      ],
      [
        'reordered admin rules are a change (the first match decides)',
        [anp([allowA, denyAll])],
        [anp([denyAll, allowA])],
        guard([
          { path: 'spec.ingress[0]', before: allowA, after: null },
          { path: 'spec.ingress[1]', before: null, after: allowA },
        ]),
      ],
      [
        'reordered peers of an admin rule are no change',
        [
          anp([
            { ...allowA, from: [{ namespaces: {} }, { pods: { namespaceSelector: {}, podSelector: {} } }] },
          ]),
        ],
        [
          anp([
            { ...allowA, from: [{ pods: { namespaceSelector: {}, podSelector: {} } }, { namespaces: {} }] },
          ]),
        ],
        [],
      ],
      [
        'an added AdminNetworkPolicy',
        [],
        [anp([allowA])],
        [{ kind: 'AdminNetworkPolicy', name: 'guard', change: 'added', fields: [] }],
      ],
      [
        'a removed BaselineAdminNetworkPolicy',
        [admin('BaselineAdminNetworkPolicy', 'default', { subject, ingress: [denyAll] })],
        [],
        [{ kind: 'BaselineAdminNetworkPolicy', name: 'default', change: 'removed', fields: [] }],
      ],
      [
        'a modified BaselineAdminNetworkPolicy',
        [admin('BaselineAdminNetworkPolicy', 'default', { subject, egress: [denyAll] })],
        [admin('BaselineAdminNetworkPolicy', 'default', { subject, egress: [denyAll, allowA] })],
        [
          {
            kind: 'BaselineAdminNetworkPolicy',
            name: 'default',
            change: 'modified',
            fields: [{ path: 'spec.egress[1]', before: null, after: allowA }],
          },
        ],
      ],
      [
        'a ClusterNetworkPolicy moved to another tier',
        [admin('ClusterNetworkPolicy', 'guard', { tier: 'Admin', priority: 1, subject })],
        [admin('ClusterNetworkPolicy', 'guard', { tier: 'Baseline', priority: 1, subject })],
        [
          {
            kind: 'ClusterNetworkPolicy',
            name: 'guard',
            change: 'modified',
            fields: [{ path: 'spec.tier', before: 'Admin', after: 'Baseline' }],
          },
        ],
      ],
      [
        'an added ClusterNetworkPolicy',
        [],
        [admin('ClusterNetworkPolicy', 'guard', { tier: 'Admin', priority: 1, subject })],
        [{ kind: 'ClusterNetworkPolicy', name: 'guard', change: 'added', fields: [] }],
      ],
      [
        'a network CIDR changed',
        [anp([{ name: 'out', action: 'Deny', to: [{ networks: ['10.0.0.0/8', '192.168.0.0/16'] }] }])],
        [anp([{ name: 'out', action: 'Deny', to: [{ networks: ['192.168.0.0/16', '172.16.0.0/12'] }] }])],
        guard([
          { path: 'spec.ingress[0].to[0].networks[0]', before: '10.0.0.0/8', after: null },
          { path: 'spec.ingress[0].to[0].networks[1]', before: null, after: '172.16.0.0/12' },
        ]),
      ],
    ])('%s', (_name, base, head, expected) => {
      expect(diffPolicies(base, head)).toEqual(expected);
    });

    it('an AdminNetworkPolicy and a ClusterNetworkPolicy of one name are different policies', () => {
      const cnp = admin('ClusterNetworkPolicy', 'guard', { tier: 'Admin', priority: 10, subject });
      expect(diffPolicies([anp([allowA])], [cnp]).map(({ kind, change }) => [kind, change])).toEqual([
        ['AdminNetworkPolicy', 'removed'],
        ['ClusterNetworkPolicy', 'added'],
      ]);
    });
  });

  it('sorts changes by kind, namespace and name', () => {
    const head: K8sObject[] = [
      networkPolicy('b', 'z', {}),
      networkPolicy('a', 'z', {}),
      networkPolicy('a', 'm', {}),
      admin('ClusterNetworkPolicy', 'c', { tier: 'Admin', priority: 1, subject }),
      anp([]),
    ];
    expect(diffPolicies([], head).map((c) => [c.kind, c.namespace, c.name])).toEqual([
      ['AdminNetworkPolicy', undefined, 'guard'],
      ['ClusterNetworkPolicy', undefined, 'c'],
      ['NetworkPolicy', 'a', 'm'],
      ['NetworkPolicy', 'a', 'z'],
      ['NetworkPolicy', 'b', 'z'],
    ]);
  });

  it('ignores objects that are not policies', () => {
    const ns: K8sObject = { kind: 'Namespace', name: 'shop', labels: {} };
    expect(diffPolicies([ns], [])).toEqual([]);
  });
});
