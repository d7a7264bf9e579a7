import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  tieredClusters as clusters,
  tieredEvaluator as evaluatorOf,
} from '../../test/properties/tiered-clusters';
import type { Direction } from './answers';
import type { End } from './ends';

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
            for (let peer = 0; peer < n; peer++) {
              const walked = evaluator.direction(direction, subject, { kind: 'class', id: peer });
              expect(row.get(peer)).toEqual(walked);
              expect(results[peer]).toBe(row.get(peer));
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
