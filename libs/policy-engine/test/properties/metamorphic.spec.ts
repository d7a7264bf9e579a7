import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineSetEvaluator, referenceEvaluator } from '../evaluators';
import { OPTION_VALUES, allowedConnections } from './probes';
import { clusterObjects, randomCluster, type RandomCluster } from './random-cluster';
import { LABEL_KEYS, LABEL_VALUES, randomRule } from './random-policy';
import { listedDirections, relabelObjects, reversedRules, withRule, type Relabel } from './transform';

const RUNS = { numRuns: 20 };

// Each property holds for the reference and the engine alike; checking the reference too keeps it honest.
describe.each([referenceEvaluator, engineSetEvaluator])(
  '$name: changes that must not take connections away',
  (evaluator) => {
    const allowed = (cluster: RandomCluster, objects = clusterObjects(cluster)) =>
      OPTION_VALUES.flatMap((options) =>
        allowedConnections(evaluator, objects, options).map((c) => `${c} ${options.ipBlockMatchesPods}`),
      );

    it('adding a rule in a direction a policy lists never removes a connection', () => {
      fc.assert(
        fc.property(
          randomCluster,
          fc.nat(),
          fc.nat(),
          randomRule,
          (cluster, policyPick, directionPick, rule) => {
            fc.pre(cluster.policies.length > 0);
            const index = policyPick % cluster.policies.length;
            const directions = listedDirections(cluster.policies[index]);
            const direction = directions[directionPick % directions.length];
            const before = allowed(cluster);
            const after = new Set(allowed(withRule(cluster, index, direction, rule)));
            expect(before.filter((connection) => !after.has(connection)).join('\n')).toBe('');
          },
        ),
        RUNS,
      );
    }, 60_000);

    it('the order of objects, rules, peers and ports never matters', () => {
      const shuffled = randomCluster.chain((cluster) => {
        const objects = clusterObjects({ ...cluster, policies: reversedRules(cluster.policies) });
        return fc.tuple(fc.constant(cluster), fc.shuffledSubarray(objects, { minLength: objects.length }));
      });
      fc.assert(
        fc.property(shuffled, ([cluster, objects]) => {
          expect(allowed(cluster, objects)).toEqual(allowed(cluster));
        }),
        RUNS,
      );
    }, 60_000);

    it('renaming a label key, or a value under a key, everywhere at once changes nothing', () => {
      const renaming = fc.record({
        key: fc.constantFrom(...LABEL_KEYS),
        valueKey: fc.constantFrom(...LABEL_KEYS),
        value: fc.constantFrom(...LABEL_VALUES),
      });
      fc.assert(
        fc.property(randomCluster, renaming, (cluster, { key, valueKey, value }) => {
          const relabel: Relabel = (k, v) => [
            k === key ? `${k}-renamed` : k,
            k === valueKey && v === value ? 'renamed' : v,
          ];
          expect(allowed(cluster, relabelObjects(clusterObjects(cluster), relabel))).toEqual(
            allowed(cluster),
          );
        }),
        RUNS,
      );
    }, 60_000);
  },
);
