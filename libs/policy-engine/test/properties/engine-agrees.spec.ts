import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineSetEvaluator, referenceEvaluator } from '../evaluators';
import { endpointKey } from '../reference-evaluator';
import { OPTION_VALUES, PROBES, endpointsOf, pairsOf } from './probes';
import { clusterObjects, randomCluster } from './random-cluster';

describe('the engine agrees with the reference evaluator', () => {
  it.each(OPTION_VALUES)(
    'on every pair and probe of random clusters (ipBlockMatchesPods=$ipBlockMatchesPods)',
    (options) => {
      fc.assert(
        fc.property(randomCluster, (cluster) => {
          const objects = clusterObjects(cluster);
          const engine = engineSetEvaluator.load(objects);
          const reference = referenceEvaluator.load(objects);
          const disagreements = pairsOf(endpointsOf(objects)).flatMap(([src, dst]) =>
            PROBES.filter(
              ({ protocol, port }) =>
                engine(src, dst, protocol, port, options) !== reference(src, dst, protocol, port, options),
            ).map(
              ({ protocol, port }) =>
                `${endpointKey(src)} -> ${endpointKey(dst)} ${protocol}/${port}: reference says ${reference(src, dst, protocol, port, options) ? 'allowed' : 'denied'}`,
            ),
          );
          expect(disagreements.join('\n')).toBe('');
        }),
        { numRuns: 50 },
      );
    },
    60_000,
  );
});
