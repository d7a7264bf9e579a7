import { networkPolicy } from '../builders';
import { probe } from '../conformance/scenario';
import {
  adminPolicy,
  baselinePolicy,
  clusterNetworkPolicy,
  EVERY_NAMESPACE,
  house,
  type AdminPolicyInput,
  type ApiVersion,
} from './admin-builders';
import { adminConformanceSuite } from './admin-scenario';
import { WORLD } from './house-cluster';

const G = 'gryffindor/*';
const H = 'hufflepuff/*';
const R = 'ravenclaw/*';
const S = 'slytherin/*';

/** Only hufflepuff reaches gryffindor; everything else is as open as ever. */
const ONLY_HUFFLEPUFF_INTO_G = { allow: true, except: [`${G},${R},${S} -> ${G}`] };
const HUFFLEPUFF_DENIED_INTO_G = { allow: true, except: [`${H} -> ${G}`] };

const denyAllIntoG = networkPolicy('gryffindor', 'deny-all', { policyTypes: ['Ingress'] });
const allowAllIntoG = networkPolicy('gryffindor', 'allow-all', { policyTypes: ['Ingress'], ingress: [{}] });
const onlyFrom = (from: string) =>
  networkPolicy('gryffindor', `from-${from}`, {
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { house: from } } }] }],
  });

/** A policy on gryffindor's ingress with the given rules. */
function intoG(name: string, priority: number, rules: AdminPolicyInput['ingress']): AdminPolicyInput {
  return { name, priority, subject: house('gryffindor'), ingress: rules };
}

const admin = (v: ApiVersion, name: string, priority: number, rules: AdminPolicyInput['ingress']) =>
  adminPolicy(v, intoG(name, priority, rules));
const baseline = (v: ApiVersion, name: string, priority: number, rules: AdminPolicyInput['ingress']) =>
  baselinePolicy(v, intoG(name, priority, rules));

adminConformanceSuite('admin tiers: actions, tiers, priorities and rule order', [
  {
    name: 'Allow in the admin tier overrides a NetworkPolicy that denies',
    policies: (v) => [
      denyAllIntoG,
      admin(v, 'allow-hufflepuff', 10, [{ action: 'Allow', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'Deny in the admin tier overrides a NetworkPolicy that allows',
    policies: (v) => [
      allowAllIntoG,
      admin(v, 'deny-hufflepuff', 10, [{ action: 'Deny', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, HUFFLEPUFF_DENIED_INTO_G), probe('UDP', 53, HUFFLEPUFF_DENIED_INTO_G)],
  },
  {
    name: 'Pass skips the remaining admin rules, even of later policies',
    policies: (v) => [
      admin(v, 'pass-hufflepuff', 10, [{ action: 'Pass', peers: [house('hufflepuff')] }]),
      admin(v, 'deny-all', 20, [{ action: 'Deny', peers: [EVERY_NAMESPACE] }]),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'Pass leaves the decision to the NetworkPolicy tier',
    policies: (v) => [
      onlyFrom('ravenclaw'),
      admin(v, 'pass-hufflepuff', 10, [{ action: 'Pass', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, { allow: true, except: [`${G},${H},${S} -> ${G}`] })],
  },
  {
    name: 'Pass reaches the baseline when no NetworkPolicy isolates the pod',
    policies: (v) => [
      admin(v, 'pass-hufflepuff', 10, [{ action: 'Pass', peers: [house('hufflepuff')] }]),
      baseline(v, 'deny-hufflepuff', 10, [{ action: 'Deny', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, HUFFLEPUFF_DENIED_INTO_G)],
  },
  {
    name: 'a NetworkPolicy that isolates the pod decides before the baseline',
    policies: (v) => [
      onlyFrom('hufflepuff'),
      admin(v, 'pass-hufflepuff', 10, [{ action: 'Pass', peers: [house('hufflepuff')] }]),
      baseline(v, 'deny-all', 10, [{ action: 'Deny', peers: [EVERY_NAMESPACE] }]),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'the baseline denies when nothing earlier decides; ingress peers never match outside addresses',
    policies: (v) => [baseline(v, 'deny-all', 10, [{ action: 'Deny', peers: [EVERY_NAMESPACE] }])],
    outside: [WORLD],
    probes: [probe('TCP', 80, { allow: true, except: [`${G},${H},${R},${S} -> ${G}`] })],
  },
  {
    name: 'baseline rules in order: the first match decides',
    policies: (v) => [
      baseline(v, 'baseline', 10, [
        { action: 'Allow', peers: [house('hufflepuff')] },
        { action: 'Deny', peers: [EVERY_NAMESPACE] },
      ]),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'a NetworkPolicy allow is final over a baseline deny',
    policies: (v) => [
      onlyFrom('ravenclaw'),
      baseline(v, 'deny-all', 10, [{ action: 'Deny', peers: [EVERY_NAMESPACE] }]),
    ],
    probes: [probe('TCP', 80, { allow: true, except: [`${G},${H},${S} -> ${G}`] })],
  },
  {
    name: 'lower priority first: Allow at 5 beats Deny at 10',
    policies: (v) => [
      denyAllIntoG,
      admin(v, 'z-allow', 5, [{ action: 'Allow', peers: [house('hufflepuff')] }]),
      admin(v, 'a-deny', 10, [{ action: 'Deny', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'lower priority first: Deny at 5 beats Allow at 10',
    policies: (v) => [
      admin(v, 'z-deny', 5, [{ action: 'Deny', peers: [house('hufflepuff')] }]),
      admin(v, 'a-allow', 10, [{ action: 'Allow', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, HUFFLEPUFF_DENIED_INTO_G)],
  },
  {
    name: 'rule order: a Deny before a broader Allow',
    policies: (v) => [
      denyAllIntoG,
      admin(v, 'guard', 10, [
        { action: 'Deny', peers: [house('hufflepuff')] },
        { action: 'Allow', peers: [EVERY_NAMESPACE] },
      ]),
    ],
    probes: [probe('TCP', 80, HUFFLEPUFF_DENIED_INTO_G)],
  },
  {
    name: 'rule order: an Allow before a broader Deny',
    policies: (v) => [
      admin(v, 'guard', 10, [
        { action: 'Allow', peers: [house('hufflepuff')] },
        { action: 'Deny', peers: [EVERY_NAMESPACE] },
      ]),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'equal priorities are decided by policy name: a-allow before b-deny',
    policies: (v) => [
      denyAllIntoG,
      admin(v, 'a-allow', 10, [{ action: 'Allow', peers: [house('hufflepuff')] }]),
      admin(v, 'b-deny', 10, [{ action: 'Deny', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'equal priorities are decided by policy name: a-deny before b-allow',
    policies: (v) => [
      admin(v, 'a-deny', 10, [{ action: 'Deny', peers: [house('hufflepuff')] }]),
      admin(v, 'b-allow', 10, [{ action: 'Allow', peers: [house('hufflepuff')] }]),
    ],
    probes: [probe('TCP', 80, HUFFLEPUFF_DENIED_INTO_G)],
  },
  {
    name: 'mixed versions: an Admin-tier CNP at priority 5 goes before an ANP at 10',
    versions: ['v1alpha2'],
    policies: () => [
      denyAllIntoG,
      adminPolicy(
        'v1alpha1',
        intoG('deny-hufflepuff', 10, [{ action: 'Deny', peers: [house('hufflepuff')] }]),
      ),
      clusterNetworkPolicy(
        'Admin',
        intoG('allow-hufflepuff', 5, [{ action: 'Allow', peers: [house('hufflepuff')] }]),
      ),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'mixed versions: Baseline-tier CNPs go before the BANP',
    versions: ['v1alpha2'],
    policies: () => [
      baselinePolicy('v1alpha1', intoG('default', 0, [{ action: 'Deny', peers: [EVERY_NAMESPACE] }])),
      clusterNetworkPolicy(
        'Baseline',
        intoG('allow-hufflepuff', 900, [{ action: 'Allow', peers: [house('hufflepuff')] }]),
      ),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
  {
    name: 'Pass in the Baseline tier goes to the default allow',
    versions: ['v1alpha2'],
    policies: () => [
      clusterNetworkPolicy(
        'Baseline',
        intoG('pass-hufflepuff', 5, [{ action: 'Pass', peers: [house('hufflepuff')] }]),
      ),
      clusterNetworkPolicy('Baseline', intoG('deny-all', 10, [{ action: 'Deny', peers: [EVERY_NAMESPACE] }])),
    ],
    probes: [probe('TCP', 80, ONLY_HUFFLEPUFF_INTO_G)],
  },
]);
