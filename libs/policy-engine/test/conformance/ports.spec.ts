import { networkPolicy, type PortInput } from '../builders';
import { conformanceSuite, probe } from './scenario';
import { podIs, servedPorts } from './xyz-cluster';

const OUTSIDE = '192.0.2.10';
const OPEN = { allow: true };
const CLOSED_A = { allow: true, except: ['* -> x/a'] };

/** x/a admits everyone, but only on these ports. */
function portsIntoXa(ports: PortInput[]) {
  return [
    networkPolicy('x', 'ports-into-a', {
      podSelector: podIs('a'),
      policyTypes: ['Ingress'],
      ingress: [{ ports }],
    }),
  ];
}

conformanceSuite('ports: numbers, protocols, ranges and named ports', [
  {
    name: 'one TCP port',
    policies: portsIntoXa([{ port: 80 }]),
    probes: [probe('TCP', 80, OPEN), probe('TCP', 81, CLOSED_A), probe('UDP', 80, CLOSED_A)],
  },
  {
    name: 'protocol mismatch: a UDP entry does not open TCP',
    policies: portsIntoXa([{ protocol: 'UDP', port: 80 }]),
    probes: [probe('UDP', 80, OPEN), probe('TCP', 80, CLOSED_A), probe('SCTP', 80, CLOSED_A)],
  },
  {
    name: 'SCTP port',
    policies: portsIntoXa([{ protocol: 'SCTP', port: 81 }]),
    probes: [probe('SCTP', 81, OPEN), probe('SCTP', 80, CLOSED_A), probe('TCP', 81, CLOSED_A)],
  },
  {
    name: 'a protocol without a port opens every port of that protocol',
    policies: portsIntoXa([{ protocol: 'UDP' }]),
    probes: [probe('UDP', 81, OPEN), probe('UDP', 65535, OPEN), probe('TCP', 80, CLOSED_A)],
  },
  {
    name: 'endPort: the inclusive range port..endPort',
    policies: portsIntoXa([{ port: 80, endPort: 81 }]),
    probes: [
      probe('TCP', 79, CLOSED_A),
      probe('TCP', 80, OPEN),
      probe('TCP', 81, OPEN),
      probe('TCP', 82, CLOSED_A),
      probe('UDP', 80, CLOSED_A),
    ],
  },
  {
    name: 'several entries in one rule: any of them',
    policies: portsIntoXa([{ port: 80 }, { protocol: 'UDP', port: 81 }]),
    probes: [
      probe('TCP', 80, OPEN),
      probe('UDP', 81, OPEN),
      probe('TCP', 81, CLOSED_A),
      probe('UDP', 80, CLOSED_A),
    ],
  },
  {
    name: 'named port resolves to the container port of that name',
    policies: portsIntoXa([{ port: 'serve-80-tcp' }]),
    probes: [probe('TCP', 80, OPEN), probe('TCP', 81, CLOSED_A)],
  },
  {
    name: 'named port needs the same protocol as the container port',
    policies: portsIntoXa([{ protocol: 'UDP', port: 'serve-80-tcp' }]),
    probes: [probe('UDP', 80, CLOSED_A), probe('TCP', 80, CLOSED_A)],
  },
  {
    name: 'named UDP port',
    policies: portsIntoXa([{ protocol: 'UDP', port: 'serve-81-udp' }]),
    probes: [probe('UDP', 81, OPEN), probe('UDP', 80, CLOSED_A), probe('TCP', 81, CLOSED_A)],
  },
  {
    name: 'named port present on only some pods, and on another number on one',
    // x/b serves only 81; x/c calls its TCP 8080 `serve-80-tcp`.
    cluster: {
      podPorts: {
        'x/b': servedPorts([81]),
        'x/c': [{ name: 'serve-80-tcp', port: 8080, protocol: 'TCP' }],
      },
    },
    policies: [
      networkPolicy('x', 'named', {
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ port: 'serve-80-tcp' }] }],
      }),
    ],
    probes: [
      probe('TCP', 80, { allow: true, except: ['* -> x/b,x/c'] }),
      probe('TCP', 8080, { allow: true, except: ['* -> x/a,x/b'] }),
    ],
  },
  {
    name: 'named port in egress resolves on each destination; an outside address has none',
    cluster: { podPorts: { 'y/b': servedPorts([81]) } },
    outside: [OUTSIDE],
    policies: [
      networkPolicy('x', 'named-egress', {
        policyTypes: ['Egress'],
        egress: [{ ports: [{ port: 'serve-80-tcp' }] }],
      }),
    ],
    probes: [
      probe('TCP', 80, { allow: true, except: [`x/* -> y/b,${OUTSIDE}`] }),
      probe('TCP', 81, { allow: true, except: ['x/* -> *'] }),
    ],
  },
  {
    name: 'ports and peers of two rules do not mix',
    policies: [
      networkPolicy('x', 'two-rules', {
        podSelector: podIs('a'),
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }], ports: [{ port: 80 }] },
          { from: [{ namespaceSelector: { matchLabels: { ns: 'z' } } }], ports: [{ port: 81 }] },
        ],
      }),
    ],
    probes: [
      probe('TCP', 80, { allow: true, except: ['x/*,z/* -> x/a'] }),
      probe('TCP', 81, { allow: true, except: ['x/*,y/* -> x/a'] }),
    ],
  },
  {
    name: 'egress port range',
    outside: [OUTSIDE],
    policies: [
      networkPolicy('x', 'egress-range', {
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [{ ports: [{ protocol: 'UDP', port: 50, endPort: 60 }] }],
      }),
    ],
    probes: [probe('UDP', 53, OPEN), probe('UDP', 61, { allow: true, except: ['x/a -> *'] })],
  },
]);
