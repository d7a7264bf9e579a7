import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterObjects, randomCluster } from '../../test/properties/random-cluster';
import { compileSnapshot } from '../compile/compiled-snapshot';
import { buildSnapshotModel } from '../model/snapshot-model';
import { ClassMatrix } from './class-matrix';
import { PairEvaluator } from './pair-evaluator';
import type { DirectionResult } from './tiers/tier-walk';
import { NetworkPolicyTier } from './tiers/network-policy-tier';

const verdictOf = (result: DirectionResult) => ({
  conn: result.conn.toText(),
  rules: result.rules.map((r) => ({ ref: r.ref, conn: r.conn.toText() })),
  isolatedBy: result.isolatedBy,
});

describe('ClassMatrix.result', () => {
  it('is the walk of the class pair, in both directions, for every pair of classes', () => {
    fc.assert(
      fc.property(randomCluster, fc.boolean(), (cluster, ipBlockMatchesPods) => {
        const compiled = compileSnapshot(buildSnapshotModel(clusterObjects(cluster)), { ipBlockMatchesPods });
        const evaluator = new PairEvaluator(compiled, [new NetworkPolicyTier(compiled)]);
        const matrix = new ClassMatrix(evaluator);
        for (const direction of ['ingress', 'egress'] as const) {
          for (const subject of compiled.classes.keys()) {
            for (const peer of compiled.classes.keys()) {
              expect(verdictOf(matrix.result(direction, subject, peer))).toEqual(
                verdictOf(evaluator.direction(direction, subject, { kind: 'class', id: peer })),
              );
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
