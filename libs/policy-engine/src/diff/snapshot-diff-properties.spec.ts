import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterObjects, randomCluster, type RandomCluster } from '../../test/properties/random-cluster';
import type { Connection } from '../evaluate/answers';
import { peerText } from '../evaluate/peer-text';
import { analyze } from '../evaluate/snapshot-analysis';
import { ipToBigint } from '../sets';
import type { ConnectivityChange } from './diff-answer';
import { diffSnapshots } from './snapshot-diff';

/** A second cluster that shares most of the first: its pods, with other policies and namespace labels. */
const clusterPair: fc.Arbitrary<[RandomCluster, RandomCluster]> = fc
  .tuple(randomCluster, randomCluster, fc.boolean())
  .map(([a, b, samePods]) => [a, samePods ? { ...a, policies: b.policies, namespaces: b.namespaces } : b]);

const diff = (a: RandomCluster, b: RandomCluster) =>
  diffSnapshots({ id: 'a', objects: clusterObjects(a) }, { id: 'b', objects: clusterObjects(b) });

/** An entry as a line that does not depend on the direction of the diff, for comparing two diffs. */
function swappedLine(change: ConnectivityChange): string {
  const type = change.type === 'added' ? 'removed' : change.type === 'removed' ? 'added' : 'changed';
  return `${type} ${peerText(change.src)} ${peerText(change.dst)} ${change.after?.text} ${change.before?.text}`;
}
function line(change: ConnectivityChange): string {
  return `${change.type} ${peerText(change.src)} ${peerText(change.dst)} ${change.before?.text} ${change.after?.text}`;
}

interface Span {
  lo: bigint;
  hi: bigint;
  text: string | null;
}

/**
 * Connectivity as pieces: pairs of in-cluster peers by key, and per (in-cluster peer, direction) the outside
 * spans. Applying a diff overwrites pieces with their `after`.
 */
class PieceMap {
  readonly pairs = new Map<string, string>();
  readonly spans = new Map<string, Span[]>();

  add(src: Connection['src'], dst: Connection['dst'], text: string | null): void {
    if (src.type === 'ipRange' || dst.type === 'ipRange') {
      const [range, peer, way] = src.type === 'ipRange' ? [src, dst, 'from'] : [dst, src, 'to'];
      if (range.type !== 'ipRange') return;
      const key = `${way} ${peerText(peer)}`;
      const spans = this.spans.get(key) ?? [];
      spans.push({ lo: ipToBigint(range.start), hi: ipToBigint(range.end), text });
      this.spans.set(key, spans);
    } else if (text === null) this.pairs.delete(`${peerText(src)} ${peerText(dst)}`);
    else this.pairs.set(`${peerText(src)} ${peerText(dst)}`, text);
  }

  /** The connection text at an address: the last span added that covers it wins. */
  at(key: string, point: bigint): string | null {
    const spans = this.spans.get(key) ?? [];
    for (let i = spans.length - 1; i >= 0; i--) {
      if (spans[i].lo <= point && point <= spans[i].hi) return spans[i].text;
    }
    return null;
  }

  cuts(key: string): bigint[] {
    return (this.spans.get(key) ?? []).flatMap((s) => [s.lo, s.hi + 1n]);
  }
}

describe('diffSnapshots properties', () => {
  it('finds no change between a snapshot and itself', () => {
    fc.assert(
      fc.property(randomCluster, (cluster) => {
        const answer = diff(cluster, cluster);
        expect(answer.connectivity).toEqual([]);
        expect(answer.policies).toEqual([]);
        expect(answer.labels).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('names a cause for every change when only policies and namespace labels change', () => {
    fc.assert(
      fc.property(clusterPair, ([a, b]) => {
        const head = { ...a, policies: b.policies, namespaces: b.namespaces };
        const uncaused = diff(a, head).connectivity.filter((change) => change.causedBy.length === 0);
        expect(uncaused.map(line)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 30_000);

  it('diff(A, B) is diff(B, A) with added and removed, before and after swapped', () => {
    fc.assert(
      fc.property(clusterPair, ([a, b]) => {
        const forward = diff(a, b).connectivity.map(swappedLine).sort();
        const backward = diff(b, a).connectivity.map(line).sort();
        expect(forward).toEqual(backward);
      }),
      { numRuns: 30 },
    );
  }, 30_000);

  it("applying the diff to the base's connectivity gives the head's connectivity", () => {
    fc.assert(
      fc.property(clusterPair, ([a, b]) => {
        const base = new PieceMap();
        const head = new PieceMap();
        const changes = new PieceMap();
        for (const c of analyze(clusterObjects(a)).connectivity().connections)
          base.add(c.src, c.dst, c.conn.text);
        for (const c of analyze(clusterObjects(b)).connectivity().connections)
          head.add(c.src, c.dst, c.conn.text);
        const answer = diff(a, b);
        for (const change of answer.connectivity) {
          base.add(change.src, change.dst, change.after?.text ?? null);
          changes.add(change.src, change.dst, change.after?.text ?? null);
        }
        expect(base.pairs).toEqual(head.pairs);
        for (const key of new Set([...base.spans.keys(), ...head.spans.keys()])) {
          // Every piece is constant between these cut points, so comparing at them compares everywhere.
          for (const point of [...base.cuts(key), ...head.cuts(key), ...changes.cuts(key)]) {
            expect(base.at(key, point), `${key} at ${point}`).toBe(head.at(key, point));
          }
        }
      }),
      { numRuns: 30 },
    );
  }, 30_000);
});
