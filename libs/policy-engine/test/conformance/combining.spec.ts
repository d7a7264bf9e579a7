import { networkPolicy } from '../builders';
import { conformanceSuite, probe } from './scenario';
import { nsIs, podIs } from './xyz-cluster';

const OUTSIDE = '192.0.2.10';
const DENY_EGRESS_X = networkPolicy('x', 'deny-egress', { policyTypes: ['Egress'] });

conformanceSuite('policies combine additively and both ends must allow', [
  {
    name: 'two policies on one pod add up',
    policies: [
      networkPolicy('x', 'from-y', {
        podSelector: podIs('a'),
        ingress: [{ from: [{ namespaceSelector: nsIs('y') }] }],
      }),
      networkPolicy('x', 'from-z', {
        podSelector: podIs('a'),
        ingress: [{ from: [{ namespaceSelector: nsIs('z') }] }],
      }),
    ],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: [`x/*,${OUTSIDE} -> x/a`] })],
  },
  {
    name: 'an allow next to a default deny opens only what it allows',
    policies: [
      networkPolicy('x', 'deny-ingress', {}),
      networkPolicy('x', 'allow-a', { podSelector: podIs('a'), ingress: [{}] }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/b,x/c'] })],
  },
  {
    name: 'two policies on one peer with different ports: union of ports',
    policies: [
      networkPolicy('x', 'y-80', {
        ingress: [{ from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 80 }] }],
      }),
      networkPolicy('x', 'y-81', {
        ingress: [{ from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81 }] }],
      }),
    ],
    probes: [
      probe('TCP', 80, { allow: true, except: ['x/*,z/* -> x/*'] }),
      probe('TCP', 81, { allow: true, except: ['x/*,z/* -> x/*'] }),
      probe('UDP', 80, { allow: true, except: ['* -> x/*'] }),
    ],
  },
  {
    name: 'deny all egress, then allow DNS on UDP 53',
    policies: [
      DENY_EGRESS_X,
      networkPolicy('x', 'allow-dns', {
        policyTypes: ['Egress'],
        egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }],
      }),
    ],
    outside: [OUTSIDE],
    probes: [
      probe('UDP', 53, { allow: true }),
      probe('TCP', 53, { allow: true, except: ['x/* -> *'] }),
      probe('UDP', 80, { allow: true, except: ['x/* -> *'] }),
    ],
  },
  {
    name: 'deny all egress, then allow DNS to one pod only',
    policies: [
      DENY_EGRESS_X,
      networkPolicy('x', 'allow-dns', {
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: nsIs('z'), podSelector: podIs('a') }],
            ports: [{ protocol: 'UDP', port: 53 }],
          },
        ],
      }),
    ],
    outside: [OUTSIDE],
    probes: [
      probe('UDP', 53, { allow: true, except: [`x/* -> x/*,y/*,z/b,z/c,${OUTSIDE}`] }),
      probe('TCP', 53, { allow: true, except: ['x/* -> *'] }),
    ],
  },
  {
    name: 'both ends must allow: egress of x to y only, ingress of y from z only',
    policies: [
      networkPolicy('x', 'to-y', {
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: nsIs('y') }] }],
      }),
      networkPolicy('y', 'from-z', { ingress: [{ from: [{ namespaceSelector: nsIs('z') }] }] }),
    ],
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['x/* -> *', `x/*,y/*,${OUTSIDE} -> y/*`] })],
  },
  {
    name: 'one pair opened on both ends through otherwise closed namespaces',
    policies: [
      networkPolicy('x', 'deny-all', { policyTypes: ['Ingress', 'Egress'] }),
      networkPolicy('y', 'deny-all', { policyTypes: ['Ingress', 'Egress'] }),
      networkPolicy('x', 'a-to-yb', {
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: nsIs('y'), podSelector: podIs('b') }] }],
      }),
      networkPolicy('y', 'b-from-xa', {
        podSelector: podIs('b'),
        ingress: [{ from: [{ namespaceSelector: nsIs('x'), podSelector: podIs('a') }] }],
      }),
    ],
    probes: [
      probe('TCP', 80, { allow: false, except: ['z/* -> z/*', 'x/a -> y/b'] }),
      probe('SCTP', 81, { allow: false, except: ['z/* -> z/*', 'x/a -> y/b'] }),
    ],
  },
  {
    name: 'an ingress-only and an egress-only policy on one pod',
    policies: [
      networkPolicy('x', 'in-from-y', {
        podSelector: podIs('a'),
        ingress: [{ from: [{ namespaceSelector: nsIs('y') }] }],
      }),
      networkPolicy('x', 'out-to-z', {
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: nsIs('z') }] }],
      }),
    ],
    outside: [OUTSIDE],
    probes: [
      probe('TCP', 80, { allow: true, except: [`x/*,z/*,${OUTSIDE} -> x/a`, `x/a -> x/*,y/*,${OUTSIDE}`] }),
    ],
  },
]);
