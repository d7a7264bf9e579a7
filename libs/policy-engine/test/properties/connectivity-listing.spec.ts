/**
 * Full connectivity, held (`connectivity`) or computed as it is read (`connectivityListing`): the same pairs in
 * the same order, sorted by source then destination text, each pair of pods as `check` answers it. (Workload
 * pairs are not compared with `check`: connectivity leaves hostNetwork pods out of workloads, `check` does not.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/evaluate/snapshot-analysis';
import { peerText } from '../../src/evaluate/peer-text';
import type { Connection, Granularity, Peer } from '../../src/evaluate/answers';
import type { EndpointRef } from '../../src/evaluate/endpoints';
import { OPTION_VALUES } from './probes';
import { clusterObjects, randomCluster } from './random-cluster';

const line = (c: Connection) => `${peerText(c.src)} => ${peerText(c.dst)}`;

const podRef = (peer: Peer): EndpointRef | undefined =>
  peer.type === 'pod' ? { type: 'pod', namespace: peer.namespace, name: peer.name } : undefined;

describe('connectivity listing', () => {
  it.each(
    OPTION_VALUES.flatMap((options) =>
      (['workload', 'pod'] as Granularity[]).map((g) => ({ ...options, granularity: g })),
    ),
  )(
    'equals the held answer, sorted, and check on every pair ($granularity, ipBlockMatchesPods=$ipBlockMatchesPods)',
    (options) => {
      fc.assert(
        fc.property(randomCluster, (cluster) => {
          const objects = clusterObjects(cluster);
          const listing = analyze(objects).connectivityListing(options);
          const listed = [...listing.connections];
          expect([...listing.connections]).toEqual(listed);
          const analysis = analyze(objects);
          expect(analysis.connectivity(options).connections).toEqual(listed);
          const lines = listed.map(line);
          for (let i = 1; i < lines.length; i++) expect(lines[i - 1] < lines[i]).toBe(true);
          for (const connection of listed) {
            const src = podRef(connection.src);
            const dst = podRef(connection.dst);
            if (src === undefined || dst === undefined) continue;
            expect(analysis.check(src, dst, {}, options).conn.text).toBe(connection.conn.text);
          }
        }),
        { numRuns: 40 },
      );
    },
    60_000,
  );
});
