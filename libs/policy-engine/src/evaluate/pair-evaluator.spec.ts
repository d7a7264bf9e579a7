import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminPolicy, baselinePolicy } from '../../test/conformance-admin/admin-builders';
import { clusterObjects, randomCluster } from '../../test/properties/random-cluster';
import { compileSnapshot } from '../compile/compiled-snapshot';
import { buildSnapshotModel } from '../model/snapshot-model';
import type { AdminPolicyObject, K8sObject } from '../model/objects';
import type { Direction } from './answers';
import type { End } from './ends';
import { PairEvaluator } from './pair-evaluator';
import { AdminTier } from './tiers/admin-tier';
import { NetworkPolicyTier } from './tiers/network-policy-tier';

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

const clusters = fc
  .tuple(randomCluster, fc.subarray(ADMIN_POLICIES))
  .map(([cluster, admin]): K8sObject[] => [...clusterObjects(cluster), ...admin]);

function evaluatorOf(objects: K8sObject[], ipBlockMatchesPods: boolean): PairEvaluator {
  const compiled = compileSnapshot(buildSnapshotModel(objects), { ipBlockMatchesPods });
  const tiers = [
    new AdminTier('admin', compiled),
    new NetworkPolicyTier(compiled),
    new AdminTier('baseline', compiled),
  ];
  return new PairEvaluator(compiled, tiers);
}

const DIRECTIONS: Direction[] = ['ingress', 'egress'];

describe('PairEvaluator: one walk stands for every class the tiers treat alike', () => {
  it.each([false, true])('a class row equals a walk per peer class (ipBlockMatchesPods=%s)', (option) => {
    fc.assert(
      fc.property(clusters, (objects) => {
        const evaluator = evaluatorOf(objects, option);
        const n = evaluator.compiled.classes.length;
        for (const direction of DIRECTIONS) {
          for (let subject = 0; subject < n; subject++) {
            const row = evaluator.classRow(direction, subject);
            const results = row.toArray();
            const conns = new Array(n);
            row.fillConns(conns);
            for (let peer = 0; peer < n; peer++) {
              const walked = evaluator.direction(direction, subject, { kind: 'class', id: peer });
              expect(row.get(peer)).toEqual(walked);
              expect(results[peer]).toBe(row.get(peer));
              expect(conns[peer]).toBe(results[peer].conn);
            }
            const own = new Map(row.ownConns());
            for (let peer = 0; peer < n; peer++) {
              expect(own.get(peer) ?? row.sharedConn).toBe(row.get(peer).conn);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a class column equals a walk per subject class, toward classes and addresses', () => {
    fc.assert(
      fc.property(clusters, (objects) => {
        const evaluator = evaluatorOf(objects, false);
        const { classes, atoms } = evaluator.compiled;
        const ends: End[] = [
          ...classes.map((c): End => ({ kind: 'class', id: c.id, pod: c.pods[0] })),
          ...Array.from({ length: atoms.count }, (_, atom): End => ({ kind: 'address', atoms: [atom] })),
          { kind: 'address', atoms: [] },
        ];
        for (const direction of DIRECTIONS) {
          for (const end of ends) {
            const column = evaluator.classColumn(direction, end);
            for (const subject of classes) {
              expect(column.get(subject.id)).toEqual(evaluator.towardEnd(direction, subject.id, end));
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
