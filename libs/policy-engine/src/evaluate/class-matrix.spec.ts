import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tieredClusters, tieredEvaluator } from '../../test/properties/tiered-clusters';
import { ClassMatrix } from './class-matrix';
import type { DirectionResult } from './tiers/tier-walk';

const verdictOf = (result: DirectionResult) => ({
  conn: result.conn.toText(),
  rules: result.rules.map((r) => ({ ref: r.ref, conn: r.conn.toText() })),
  isolatedBy: result.isolatedBy,
});

describe('ClassMatrix', () => {
  it.each([false, true])(
    'answers every class pair and atom as walks of both ends do (ipBlockMatchesPods=%s)',
    (ipBlockMatchesPods) => {
      fc.assert(
        fc.property(tieredClusters, (objects) => {
          const evaluator = tieredEvaluator(objects, ipBlockMatchesPods);
          const { classes, atoms } = evaluator.compiled;
          const matrix = new ClassMatrix(evaluator);
          const walk = (direction: 'ingress' | 'egress', subject: number, peer: number) =>
            evaluator.direction(direction, subject, { kind: 'class', id: peer });
          const rows = matrix.fromEach(classes.keys());
          for (const src of classes.keys()) {
            const row = rows.get(src)!;
            for (const dst of classes.keys()) {
              expect(verdictOf(matrix.result('egress', src, dst))).toEqual(
                verdictOf(walk('egress', src, dst)),
              );
              expect(verdictOf(matrix.result('ingress', dst, src))).toEqual(
                verdictOf(walk('ingress', dst, src)),
              );
              const both = walk('egress', src, dst).conn.intersect(walk('ingress', dst, src).conn);
              expect(row.to(dst).toText()).toBe(both.toText());
            }
            for (let atom = 0; atom < atoms.count; atom++) {
              for (const direction of ['ingress', 'egress'] as const) {
                const walked = evaluator.direction(direction, src, { kind: 'atom', id: atom }).conn;
                expect(matrix.atom(direction, src, atom).toText()).toBe(walked.toText());
              }
            }
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
