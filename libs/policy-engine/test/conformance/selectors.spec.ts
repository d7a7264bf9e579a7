import type { LabelSelector } from '../../src/model/objects';
import { networkPolicy } from '../builders';
import { conformanceSuite, probe, type Scenario } from './scenario';
import { podIs, type ClusterVariant } from './xyz-cluster';

const OUTSIDE = '192.0.2.10';

// A few extra labels so that operators have pods and namespaces that lack a key: only y/b and z/c have a
// `role`, only namespace z has a `team`.
const LABELLED: ClusterVariant = {
  podLabels: { 'y/b': { role: 'db' }, 'z/c': { role: 'web' } },
  namespaceLabels: { z: { team: 'blue' } },
};

/** A scenario on the labelled cluster: x/a admits only the given peer. */
function admitIntoXa(
  name: string,
  peer: { namespaceSelector?: LabelSelector; podSelector?: LabelSelector },
  deniedSources: string,
): Scenario {
  return {
    name,
    cluster: LABELLED,
    outside: [OUTSIDE],
    policies: [
      networkPolicy('x', 'into-a', {
        podSelector: podIs('a'),
        policyTypes: ['Ingress'],
        ingress: [{ from: [peer] }],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: [`${deniedSources},${OUTSIDE} -> x/a`] })],
  };
}

conformanceSuite('label selectors: matchLabels and every matchExpressions operator', [
  {
    name: 'In on the policy podSelector selects the listed values',
    cluster: LABELLED,
    policies: [
      networkPolicy('x', 'deny-ab', {
        podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['a', 'b'] }] },
        policyTypes: ['Ingress'],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/a,x/b'] })],
  },
  {
    name: 'NotIn on the policy podSelector also selects pods without the key',
    cluster: LABELLED,
    policies: [
      networkPolicy('y', 'deny-not-db', {
        podSelector: { matchExpressions: [{ key: 'role', operator: 'NotIn', values: ['db'] }] },
        policyTypes: ['Ingress'],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> y/a,y/c'] })],
  },
  {
    name: 'DoesNotExist on the policy podSelector isolates unlabelled pods for egress',
    cluster: LABELLED,
    policies: [
      networkPolicy('z', 'deny-egress-unlabelled', {
        podSelector: { matchExpressions: [{ key: 'role', operator: 'DoesNotExist' }] },
        policyTypes: ['Egress'],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: ['z/a,z/b -> *'] })],
  },
  admitIntoXa(
    'Exists in a peer podSelector: any value of the key',
    { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'role', operator: 'Exists' }] } },
    'x/*,y/a,y/c,z/a,z/b',
  ),
  admitIntoXa(
    'DoesNotExist in a peer podSelector: pods without the key',
    { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'role', operator: 'DoesNotExist' }] } },
    'y/b,z/c',
  ),
  admitIntoXa(
    'NotIn in a namespaceSelector matches namespaces without the key',
    { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['blue'] }] } },
    'z/*',
  ),
  admitIntoXa(
    'Exists in a namespaceSelector',
    { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] } },
    'x/*,y/*',
  ),
  admitIntoXa(
    'In with several values in a namespaceSelector',
    { namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'In', values: ['y', 'z'] }] } },
    'x/*',
  ),
  admitIntoXa(
    'matchLabels and matchExpressions are ANDed',
    {
      namespaceSelector: {},
      podSelector: { matchLabels: { pod: 'b' }, matchExpressions: [{ key: 'role', operator: 'Exists' }] },
    },
    'x/*,y/a,y/c,z/*',
  ),
  admitIntoXa(
    'several matchExpressions are ANDed',
    {
      namespaceSelector: {
        matchExpressions: [
          { key: 'ns', operator: 'In', values: ['x', 'y'] },
          { key: 'ns', operator: 'NotIn', values: ['y'] },
        ],
      },
    },
    'y/*,z/*',
  ),
  admitIntoXa(
    'a label value must match exactly, not by prefix',
    { namespaceSelector: { matchLabels: { ns: 'x' } }, podSelector: { matchLabels: { role: 'd' } } },
    '*/*',
  ),
]);
