import { networkPolicy, type PolicyInput } from '../builders';
import { conformanceSuite, probe } from './scenario';
import { nsIs, podIs } from './xyz-cluster';

const OUTSIDE = '192.0.2.10';

/** A policy on x/a that lists Ingress with the given rules. */
function intoXa(ingress: PolicyInput['ingress']) {
  return [networkPolicy('x', 'into-a', { podSelector: podIs('a'), policyTypes: ['Ingress'], ingress })];
}

/** A policy on every pod of x that lists Egress with the given rules. */
function outOfX(egress: PolicyInput['egress']) {
  return [networkPolicy('x', 'out-of-x', { policyTypes: ['Egress'], egress })];
}

conformanceSuite('peers: pod and namespace selectors, empty lists', [
  {
    name: 'podSelector {} as peer: the policy namespace only',
    policies: intoXa([{ from: [{ podSelector: {} }] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`y/*,z/*,${OUTSIDE} -> x/a`] })],
  },
  {
    name: 'namespaceSelector by label',
    policies: intoXa([{ from: [{ namespaceSelector: nsIs('y') }] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`x/*,z/*,${OUTSIDE} -> x/a`] })],
  },
  {
    name: 'namespaceSelector by the automatic kubernetes.io/metadata.name label',
    policies: intoXa([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'z' } } }] },
    ]),
    probes: [probe('TCP', 80, { allow: true, except: ['x/*,y/* -> x/a'] })],
  },
  {
    name: 'namespaceSelector and podSelector in one peer: both must match (AND)',
    policies: intoXa([{ from: [{ namespaceSelector: nsIs('y'), podSelector: podIs('b') }] }]),
    probes: [probe('TCP', 80, { allow: true, except: ['x/*,y/a,y/c,z/* -> x/a'] })],
  },
  {
    name: 'namespaceSelector and podSelector as two peers: either matches (OR)',
    policies: intoXa([{ from: [{ namespaceSelector: nsIs('y') }, { podSelector: podIs('b') }] }]),
    probes: [probe('TCP', 80, { allow: true, except: ['x/c,z/* -> x/a'] })],
  },
  {
    name: 'namespaceSelector {}: every pod of every namespace, but no outside address',
    policies: intoXa([{ from: [{ namespaceSelector: {} }] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`${OUTSIDE} -> x/a`] })],
  },
  {
    name: 'namespaceSelector {} with a podSelector: that pod in every namespace',
    policies: intoXa([{ from: [{ namespaceSelector: {}, podSelector: podIs('b') }] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`*/a,*/c,${OUTSIDE} -> x/a`] })],
  },
  {
    name: 'from: [] means every source, outside addresses included',
    policies: intoXa([{ from: [] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true })],
  },
  {
    name: 'ingress: [{}] allows everything in',
    policies: intoXa([{}]),
    outside: [OUTSIDE],
    probes: [probe('SCTP', 81, { allow: true })],
  },
  {
    name: 'a peer that matches no pod allows nothing',
    policies: intoXa([{ from: [{ podSelector: podIs('nobody') }] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/a'] })],
  },
  {
    name: 'egress to one namespace',
    policies: outOfX([{ to: [{ namespaceSelector: nsIs('y') }] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`x/* -> x/*,z/*,${OUTSIDE}`] })],
  },
  {
    name: 'egress to a podSelector stays in the policy namespace',
    policies: outOfX([{ to: [{ podSelector: podIs('c') }] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`x/* -> x/a,x/b,y/*,z/*,${OUTSIDE}`] })],
  },
  {
    name: 'egress to one pod of another namespace (AND peer)',
    policies: outOfX([{ to: [{ namespaceSelector: nsIs('y'), podSelector: podIs('a') }] }]),
    outside: [OUTSIDE],
    probes: [probe('UDP', 80, { allow: true, except: [`x/* -> x/*,y/b,y/c,z/*,${OUTSIDE}`] })],
  },
  {
    name: 'egress to: [] reaches every pod and outside address',
    policies: outOfX([{ to: [] }]),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true })],
  },
]);
