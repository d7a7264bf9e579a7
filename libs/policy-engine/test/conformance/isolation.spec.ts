import { networkPolicy } from '../builders';
import { conformanceSuite, probe } from './scenario';
import { podIs } from './xyz-cluster';

const OUTSIDE = '192.0.2.10';

conformanceSuite('isolation: default deny and allow all', [
  {
    name: 'no policies: every pod and address reaches every pod',
    policies: [],
    outside: [OUTSIDE],
    probes: [
      probe('TCP', 80, { allow: true }),
      probe('UDP', 81, { allow: true }),
      probe('SCTP', 80, { allow: true }),
    ],
  },
  {
    name: 'default deny ingress in x',
    policies: [networkPolicy('x', 'deny-ingress', { policyTypes: ['Ingress'] })],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*'] })],
  },
  {
    name: 'default deny egress in x',
    policies: [networkPolicy('x', 'deny-egress', { policyTypes: ['Egress'] })],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['x/* -> *'] })],
  },
  {
    name: 'default deny ingress and egress in x',
    policies: [networkPolicy('x', 'deny-all', { policyTypes: ['Ingress', 'Egress'] })],
    outside: [OUTSIDE],
    probes: [
      probe('TCP', 80, { allow: true, except: ['* -> x/*', 'x/* -> *'] }),
      probe('UDP', 81, { allow: true, except: ['* -> x/*', 'x/* -> *'] }),
    ],
  },
  {
    name: 'default deny ingress in every namespace leaves only self traffic',
    policies: ['x', 'y', 'z'].map((ns) => networkPolicy(ns, 'deny-ingress', { policyTypes: ['Ingress'] })),
    probes: [probe('TCP', 80, { allow: false })],
  },
  {
    name: 'deny ingress to one pod chosen by podSelector',
    policies: [networkPolicy('x', 'deny-a', { podSelector: podIs('a'), policyTypes: ['Ingress'] })],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/a'] })],
  },
  {
    name: 'a policy selects pods of its own namespace only',
    policies: [networkPolicy('y', 'deny-a', { podSelector: podIs('a'), policyTypes: ['Ingress'] })],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> y/a'] })],
  },
  {
    name: 'ingress: [{}] next to a default deny allows everything',
    policies: [
      networkPolicy('x', 'deny-ingress', { policyTypes: ['Ingress'] }),
      networkPolicy('x', 'allow-all', { policyTypes: ['Ingress'], ingress: [{}] }),
    ],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true }), probe('SCTP', 81, { allow: true })],
  },
  {
    name: 'egress: [{}] next to a default deny egress allows everything',
    policies: [
      networkPolicy('x', 'deny-egress', { policyTypes: ['Egress'] }),
      networkPolicy('x', 'allow-all', { policyTypes: ['Egress'], egress: [{}] }),
    ],
    outside: [OUTSIDE],
    probes: [probe('UDP', 80, { allow: true })],
  },
  {
    name: 'a policy that selects no pod isolates nothing',
    policies: [
      networkPolicy('x', 'nobody', { podSelector: podIs('nobody'), policyTypes: ['Ingress', 'Egress'] }),
    ],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true })],
  },
]);
