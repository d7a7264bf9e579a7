import { networkPolicy, pod } from '../builders';
import { probe } from '../conformance/scenario';
import {
  adminPolicy,
  EVERY_NAMESPACE,
  house,
  type AdminPolicyInput,
  type ApiVersion,
} from './admin-builders';
import { adminConformanceSuite } from './admin-scenario';
import { NODE_ADDRESSES, WORLD } from './house-cluster';

const G = 'gryffindor/*';
const H = 'hufflepuff/*';
const EVERY_POD = 'gryffindor/*,hufflepuff/*,ravenclaw/*,slytherin/*';
const [CONTROL_PLANE, WORKER] = NODE_ADDRESSES;
const OUTSIDE = [WORLD, CONTROL_PLANE, WORKER];
const HARRY = 'gryffindor/harry-potter-0,gryffindor/harry-potter-1';

/** Gryffindor's egress toward `peers`, with `action`. */
const outOfG =
  (action: AdminPolicyInput['egress'] & object, name = 'out-of-gryffindor') =>
  (v: ApiVersion) => [adminPolicy(v, { name, priority: 10, subject: house('gryffindor'), egress: action })];

const denyOutOfG = (peers: NonNullable<AdminPolicyInput['egress']>[number]['peers']) =>
  outOfG([{ action: 'Deny', peers }]);

adminConformanceSuite('admin tiers: subjects and peers', [
  {
    name: 'egress and ingress decide separately: an egress Allow does not override the ingress Deny',
    policies: (v) => [
      adminPolicy(v, {
        name: 'g-out',
        priority: 10,
        subject: house('gryffindor'),
        egress: [{ action: 'Allow', peers: [house('hufflepuff')] }],
      }),
      adminPolicy(v, {
        name: 'h-in',
        priority: 20,
        subject: house('hufflepuff'),
        ingress: [{ action: 'Deny', peers: [house('gryffindor')] }],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: [`${G} -> ${H}`] })],
  },
  {
    name: "egress and ingress decide separately: an ingress Allow does not override the source's egress Deny",
    policies: (v) => [
      adminPolicy(v, {
        name: 'g-out',
        priority: 10,
        subject: house('gryffindor'),
        egress: [{ action: 'Deny', peers: [house('hufflepuff')] }],
      }),
      adminPolicy(v, {
        name: 'h-in',
        priority: 5,
        subject: house('hufflepuff'),
        ingress: [{ action: 'Allow', peers: [house('gryffindor')] }],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: [`${G} -> ${H}`] })],
  },
  {
    name: 'networks match pod IPs',
    policies: denyOutOfG([{ networks: ['10.1.2.0/24'] }]),
    probes: [probe('TCP', 80, { allow: true, except: [`${G} -> ${H}`] })],
  },
  {
    name: 'Deny 0.0.0.0/0 denies pod-to-pod traffic and outside addresses',
    policies: denyOutOfG([{ networks: ['0.0.0.0/0'] }]),
    outside: OUTSIDE,
    probes: [probe('TCP', 80, { allow: true, except: [`${G} -> *`] })],
  },
  {
    name: 'networks outside the cluster match only those addresses',
    policies: denyOutOfG([{ networks: ['192.0.2.0/24'] }]),
    outside: OUTSIDE,
    probes: [probe('TCP', 80, { allow: true, except: [`${G} -> ${WORLD}`] })],
  },
  {
    name: 'an admin Allow toward networks over a NetworkPolicy that isolates egress',
    policies: (v) => [
      networkPolicy('gryffindor', 'no-egress', { policyTypes: ['Egress'] }),
      ...outOfG([{ action: 'Allow', peers: [{ networks: ['192.0.2.0/24'] }] }])(v),
    ],
    outside: OUTSIDE,
    probes: [probe('TCP', 80, { allow: true, except: [`${G} -> ${EVERY_POD},${CONTROL_PLANE},${WORKER}`] })],
  },
  {
    name: 'nodes: every address of every node',
    policies: denyOutOfG([{ nodes: {} }]),
    outside: OUTSIDE,
    probes: [probe('TCP', 6443, { allow: true, except: [`${G} -> ${CONTROL_PLANE},${WORKER}`] })],
  },
  {
    name: 'nodes selected by label',
    policies: denyOutOfG([{ nodes: { matchLabels: { role: 'control-plane' } } }]),
    outside: OUTSIDE,
    probes: [probe('TCP', 6443, { allow: true, except: [`${G} -> ${CONTROL_PLANE}`] })],
  },
  {
    name: 'nodes without Node objects match nothing',
    policies: denyOutOfG([{ nodes: {} }]),
    cluster: { nodes: false },
    outside: OUTSIDE,
    probes: [probe('TCP', 6443, { allow: true })],
  },
  {
    name: 'a pods subject selects single pods',
    policies: (v) => [
      adminPolicy(v, {
        name: 'guard-harry-0',
        priority: 10,
        subject: {
          pods: {
            namespaceSelector: { matchLabels: { house: 'gryffindor' } },
            podSelector: { matchLabels: { 'statefulset.kubernetes.io/pod-name': 'harry-potter-0' } },
          },
        },
        ingress: [{ action: 'Deny', peers: [EVERY_NAMESPACE] }],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> gryffindor/harry-potter-0'] })],
  },
  {
    name: 'a pods peer matches pods by namespace and labels',
    policies: denyOutOfG([
      { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'luna-lovegood' } } } },
    ]),
    probes: [probe('TCP', 80, { allow: true, except: [`${G} -> ravenclaw/*`] })],
  },
  {
    name: 'an Allow rule with a peer of a newer API matches nothing (fail closed)',
    policies: (v) => [
      networkPolicy('gryffindor', 'deny-all', { policyTypes: ['Ingress'] }),
      adminPolicy(v, {
        name: 'newer',
        priority: 10,
        subject: house('gryffindor'),
        ingress: [{ action: 'Allow', peers: [{ unknown: true }] }],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true, except: [`* -> ${G}`] })],
  },
  {
    name: 'a Deny rule with a peer of a newer API matches everything, outside addresses too (fail closed)',
    policies: (v) => [
      adminPolicy(v, {
        name: 'newer',
        priority: 10,
        subject: house('gryffindor'),
        ingress: [{ action: 'Deny', peers: [{ unknown: true }] }],
      }),
    ],
    outside: [WORLD],
    probes: [probe('TCP', 80, { allow: true, except: [`* -> ${G}`] })],
  },
  {
    name: 'a Pass rule with a peer of a newer API matches everything (fail closed)',
    policies: (v) => [
      adminPolicy(v, {
        name: 'a-newer',
        priority: 5,
        subject: house('gryffindor'),
        ingress: [{ action: 'Pass', peers: [{ unknown: true }] }],
      }),
      adminPolicy(v, {
        name: 'b-deny',
        priority: 10,
        subject: house('gryffindor'),
        ingress: [{ action: 'Deny', peers: [EVERY_NAMESPACE] }],
      }),
    ],
    probes: [probe('TCP', 80, { allow: true })],
  },
  {
    name: 'hostNetwork pods are never subjects or peers',
    cluster: {
      extraPods: [
        pod('gryffindor', 'node-agent', {
          labels: { app: 'harry-potter' },
          ips: [WORKER],
          hostNetwork: true,
        }),
      ],
    },
    policies: (v) => [
      adminPolicy(v, {
        name: 'lock-gryffindor',
        priority: 10,
        subject: house('gryffindor'),
        ingress: [{ action: 'Deny', peers: [EVERY_NAMESPACE] }],
        egress: [{ action: 'Deny', peers: [EVERY_NAMESPACE] }],
      }),
    ],
    probes: [
      probe('TCP', 80, {
        allow: true,
        except: [
          // The hostNetwork pod is neither selected by the subject nor matched by the peers.
          `${HARRY} -> ${HARRY},hufflepuff/*,ravenclaw/*,slytherin/*`,
          `hufflepuff/*,ravenclaw/*,slytherin/* -> ${HARRY}`,
        ],
      }),
    ],
  },
]);
