/**
 * Random clusters with admin and baseline policies whose rules tell peers apart by labels, namespaces,
 * networks and named ports, and their evaluators over every tier: for properties of the evaluator's
 * shortcuts (rows, columns, the class matrix) against one walk per pair.
 */
import fc from 'fast-check';
import { compileSnapshot } from '../../src/compile/compiled-snapshot';
import { PairEvaluator } from '../../src/evaluate/pair-evaluator';
import { AdminTier } from '../../src/evaluate/tiers/admin-tier';
import { NetworkPolicyTier } from '../../src/evaluate/tiers/network-policy-tier';
import type { AdminPolicyObject, K8sObject } from '../../src/model/objects';
import { buildSnapshotModel } from '../../src/model/snapshot-model';
import { adminPolicy, baselinePolicy } from '../conformance-admin/admin-builders';
import { clusterObjects, randomCluster } from './random-cluster';

const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

/** Admin policies whose rules tell peers apart by labels, namespaces, networks and named ports. */
const ADMIN_POLICIES: AdminPolicyObject[] = [
  adminPolicy('v1alpha1', {
    name: 'guard',
    priority: 1,
    subject: { namespaces: {} },
    ingress: [
      { action: 'Pass', peers: [{ namespaces: byName('n1') }], ports: [{ named: 'web' }] },
      {
        action: 'Deny',
        peers: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'a' } } } }],
      },
    ],
    egress: [
      {
        action: 'Allow',
        peers: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { tier: 'b' } } } }],
        ports: [{ named: 'dns' }],
      },
      { action: 'Deny', peers: [{ networks: ['10.1.0.0/29'] }] },
    ],
  }),
  adminPolicy('v1alpha2', {
    name: 'n2-only',
    priority: 1,
    subject: { pods: { namespaceSelector: byName('n2'), podSelector: {} } },
    egress: [{ action: 'Pass', peers: [{ namespaces: byName('n1') }], ports: [{ named: 'web' }] }],
  }),
  baselinePolicy('v1alpha1', {
    name: 'default',
    priority: 0,
    subject: { namespaces: {} },
    ingress: [{ action: 'Deny', peers: [{ namespaces: byName('n2') }], ports: [{ named: 'alt' }] }],
    egress: [{ action: 'Allow', peers: [{ namespaces: {} }] }],
  }),
];

/** Random clusters with a random choice of the admin policies above. */
export const tieredClusters = fc
  .tuple(randomCluster, fc.subarray(ADMIN_POLICIES))
  .map(([cluster, admin]): K8sObject[] => [...clusterObjects(cluster), ...admin]);

/** The evaluator of a cluster over every tier its policies fill. */
export function tieredEvaluator(objects: K8sObject[], ipBlockMatchesPods: boolean): PairEvaluator {
  const compiled = compileSnapshot(buildSnapshotModel(objects), { ipBlockMatchesPods });
  const tiers = [
    new AdminTier('admin', compiled),
    new NetworkPolicyTier(compiled),
    new AdminTier('baseline', compiled),
  ];
  return new PairEvaluator(compiled, tiers);
}
