import type { NetworkPolicyPeer } from '../../src/model/objects';
import { networkPolicy } from '../builders';
import { conformanceSuite, probe } from './scenario';
import { nsIs, podIs } from './xyz-cluster';

// Pod IPs are 10.0.<namespace 1..3>.<pod 1..3>; namespace x is 10.0.1.0/24. Outside: one address in a pod
// range's neighbourhood (10.0.9.9), one inside x's /24 that is no pod (10.0.1.200), one far away.
const OUTSIDE = ['10.0.9.9', '10.0.1.200', '192.0.2.10'];

function fromIntoXa(from: NetworkPolicyPeer[]) {
  return [
    networkPolicy('x', 'into-a', { podSelector: podIs('a'), policyTypes: ['Ingress'], ingress: [{ from }] }),
  ];
}

function toOutOfXa(to: NetworkPolicyPeer[]) {
  return [
    networkPolicy('x', 'out-of-a', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ to }] }),
  ];
}

const INGRESS_BLOCK = fromIntoXa([{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] } }]);
const EGRESS_BLOCK = toOutOfXa([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.9.0/24'] } }]);

conformanceSuite('ipBlock: cidr minus except, with and without ipBlockMatchesPods', [
  {
    name: 'ingress ipBlock with except; pod IPs not matched',
    policies: INGRESS_BLOCK,
    outside: OUTSIDE,
    ipBlockMatchesPods: false,
    probes: [probe('TCP', 80, { allow: true, except: ['*/*,10.0.1.200,192.0.2.10 -> x/a'] })],
  },
  {
    name: 'ingress ipBlock with except; pod IPs matched',
    policies: INGRESS_BLOCK,
    outside: OUTSIDE,
    ipBlockMatchesPods: true,
    probes: [probe('TCP', 80, { allow: true, except: ['x/*,10.0.1.200,192.0.2.10 -> x/a'] })],
  },
  {
    name: 'egress ipBlock with except; pod IPs not matched',
    policies: EGRESS_BLOCK,
    outside: OUTSIDE,
    ipBlockMatchesPods: false,
    probes: [probe('UDP', 81, { allow: true, except: ['x/a -> */*,10.0.9.9,192.0.2.10'] })],
  },
  {
    name: 'egress ipBlock with except; pod IPs matched',
    policies: EGRESS_BLOCK,
    outside: OUTSIDE,
    ipBlockMatchesPods: true,
    probes: [probe('UDP', 81, { allow: true, except: ['x/a -> 10.0.9.9,192.0.2.10'] })],
  },
  {
    name: 'except carves one pod out of a namespace range',
    policies: fromIntoXa([{ ipBlock: { cidr: '10.0.2.0/24', except: ['10.0.2.2/32'] } }]),
    outside: OUTSIDE,
    ipBlockMatchesPods: true,
    probes: [
      probe('TCP', 80, { allow: true, except: ['x/*,y/b,z/*,10.0.9.9,10.0.1.200,192.0.2.10 -> x/a'] }),
    ],
  },
  {
    name: 'egress to 0.0.0.0/0 without pod matching reaches only outside addresses',
    policies: toOutOfXa([{ ipBlock: { cidr: '0.0.0.0/0' } }]),
    outside: OUTSIDE,
    ipBlockMatchesPods: false,
    probes: [probe('TCP', 80, { allow: true, except: ['x/a -> */*'] })],
  },
  {
    name: 'egress to 0.0.0.0/0 with pod matching reaches everything',
    policies: toOutOfXa([{ ipBlock: { cidr: '0.0.0.0/0' } }]),
    outside: OUTSIDE,
    ipBlockMatchesPods: true,
    probes: [probe('TCP', 80, { allow: true })],
  },
  {
    name: 'IPv6 ipBlock with except; IPv4 pods not in it',
    policies: fromIntoXa([{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } }]),
    outside: ['2001:db8::5', '2001:db8:1::5', '2001:db9::1'],
    ipBlockMatchesPods: true,
    probes: [probe('TCP', 80, { allow: true, except: ['*/*,2001:db8:1::5,2001:db9::1 -> x/a'] })],
  },
  {
    name: 'ipBlock and a namespaceSelector as two peers: either matches',
    policies: fromIntoXa([{ ipBlock: { cidr: '192.0.2.0/24' } }, { namespaceSelector: nsIs('y') }]),
    outside: OUTSIDE,
    ipBlockMatchesPods: false,
    probes: [probe('TCP', 80, { allow: true, except: ['x/*,z/*,10.0.9.9,10.0.1.200 -> x/a'] })],
  },
  {
    name: 'ipBlock with ports: the port restriction applies to addresses too',
    policies: [
      networkPolicy('x', 'block-port', {
        podSelector: podIs('a'),
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ protocol: 'UDP', port: 81 }] }],
      }),
    ],
    outside: OUTSIDE,
    ipBlockMatchesPods: true,
    probes: [
      probe('UDP', 81, { allow: true, except: ['192.0.2.10 -> x/a'] }),
      probe('TCP', 81, { allow: true, except: ['* -> x/a'] }),
    ],
  },
]);
