import { networkPolicy } from '../builders';
import { probe } from '../conformance/scenario';
import { adminPolicy, EVERY_NAMESPACE, house, type AdminAction, type PortInput } from './admin-builders';
import { adminConformanceSuite } from './admin-scenario';

const G = 'gryffindor/*';
const EVERY_POD = 'gryffindor/*,hufflepuff/*,ravenclaw/*,slytherin/*';
const OPEN = { allow: true };
const CLOSED_INTO_G = { allow: true, except: [`* -> ${G}`] };

/** One admin policy on gryffindor's ingress: `action` from every namespace on these ports. */
const intoG = (action: AdminAction, ports: PortInput[]) => (v: 'v1alpha1' | 'v1alpha2') => [
  adminPolicy(v, {
    name: 'ports-into-gryffindor',
    priority: 10,
    subject: house('gryffindor'),
    ingress: [{ action, peers: [EVERY_NAMESPACE], ports }],
  }),
];

adminConformanceSuite('admin tiers: port numbers, ranges and named ports', [
  {
    name: 'a TCP port number',
    policies: intoG('Deny', [{ protocol: 'TCP', port: 80 }]),
    probes: [probe('TCP', 80, CLOSED_INTO_G), probe('TCP', 8080, OPEN), probe('UDP', 80, OPEN)],
  },
  {
    name: 'a port range is inclusive and of one protocol',
    policies: intoG('Deny', [{ protocol: 'TCP', start: 8000, end: 8080 }]),
    probes: [
      probe('TCP', 8000, CLOSED_INTO_G),
      probe('TCP', 8080, CLOSED_INTO_G),
      probe('TCP', 8081, OPEN),
      probe('TCP', 80, OPEN),
      probe('UDP', 8080, OPEN),
    ],
  },
  {
    name: 'a UDP port number',
    policies: intoG('Deny', [{ protocol: 'UDP', port: 53 }]),
    probes: [probe('UDP', 53, CLOSED_INTO_G), probe('UDP', 5353, OPEN), probe('TCP', 53, OPEN)],
  },
  {
    name: 'an SCTP port number',
    policies: intoG('Deny', [{ protocol: 'SCTP', port: 9003 }]),
    probes: [probe('SCTP', 9003, CLOSED_INTO_G), probe('SCTP', 9005, OPEN), probe('TCP', 9003, OPEN)],
  },
  {
    name: "a named port resolves with the container port's own protocol",
    policies: intoG('Deny', [{ named: 'dns' }]),
    probes: [probe('UDP', 53, CLOSED_INTO_G), probe('TCP', 53, OPEN), probe('UDP', 5353, OPEN)],
  },
  {
    name: 'an allowed named port over a NetworkPolicy that denies',
    policies: (v) => [
      networkPolicy('gryffindor', 'deny-all', { policyTypes: ['Ingress'] }),
      ...intoG('Allow', [{ named: 'web' }])(v),
    ],
    probes: [probe('TCP', 80, OPEN), probe('TCP', 8080, CLOSED_INTO_G)],
  },
  {
    name: 'egress named ports resolve on the destination pod',
    policies: (v) => [
      adminPolicy(v, {
        name: 'no-sctp-out',
        priority: 10,
        subject: house('gryffindor'),
        egress: [{ action: 'Deny', peers: [EVERY_NAMESPACE], ports: [{ named: 'sctp' }] }],
      }),
    ],
    probes: [
      probe('SCTP', 9003, { allow: true, except: [`${G} -> ${EVERY_POD}`] }),
      probe('SCTP', 9005, OPEN),
    ],
  },
  {
    name: 'several port entries: any of them',
    policies: intoG('Deny', [
      { protocol: 'TCP', port: 80 },
      { protocol: 'UDP', start: 50, end: 60 },
    ]),
    probes: [probe('TCP', 80, CLOSED_INTO_G), probe('UDP', 53, CLOSED_INTO_G), probe('TCP', 53, OPEN)],
  },
]);
