import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterObjects, randomCluster, type RandomCluster } from '../../test/properties/random-cluster';
import type { Connection } from '../evaluate/answers';
import { peerText } from '../evaluate/peer-text';
import { analyze } from '../evaluate/snapshot-analysis';
import { ConnectionSetCache } from './connection-set-cache';
import { diffConnections } from './connectivity-diff';
import { diffMatrices } from './matrix-diff';

/** A second cluster that shares most of the first: its pods, with other policies and namespace labels. */
const clusterPair: fc.Arbitrary<[RandomCluster, RandomCluster]> = fc
  .tuple(randomCluster, randomCluster, fc.boolean())
  .map(([a, b, samePods]) => [a, samePods ? { ...a, policies: b.policies, namespaces: b.namespaces } : b]);

/** Per destination workload, the sorted namespaces of the workloads that reach it, from a list of connections. */
function reachedFrom(connections: readonly Connection[]): Record<string, string[]> {
  const namespaces: Record<string, Set<string>> = {};
  for (const { src, dst } of connections) {
    if (src.type !== 'workload' || dst.type !== 'workload') continue;
    (namespaces[peerText(dst)] ??= new Set()).add(src.namespace);
  }
  return Object.fromEntries(Object.entries(namespaces).map(([dst, set]) => [dst, [...set].sort()]));
}

const plain = (map: ReadonlyMap<string, ReadonlySet<string>>) =>
  Object.fromEntries([...map].map(([dst, set]) => [dst, [...set].sort()]));

describe('diffMatrices', () => {
  it.each([false, true])(
    'finds what the diff of both connectivity answers finds (ipBlockMatchesPods=%s)',
    (ipBlockMatchesPods) => {
      const options = { ipBlockMatchesPods };
      fc.assert(
        fc.property(clusterPair, ([a, b]) => {
          const [base, head] = [analyze(clusterObjects(a)), analyze(clusterObjects(b))];
          const [before, after] = [base.connectivity(options), head.connectivity(options)];
          const found = diffMatrices(
            base.classMatrix(options),
            head.classMatrix(options),
            new ConnectionSetCache(),
          );
          expect(found.changes).toEqual(diffConnections(before.connections, after.connections));
          expect(plain(found.reachedFrom.before)).toEqual(reachedFrom(before.connections));
          expect(plain(found.reachedFrom.after)).toEqual(reachedFrom(after.connections));
        }),
        { numRuns: 100 },
      );
    },
    60_000,
  );
});
