import type { Connection, ConnectionSetJson, Peer } from '../evaluate/answers';
import { comparePeers, peerText } from '../evaluate/peer-text';
import { ConnectionSet, bigintToIp, ipToBigint } from '../sets';
import { V4_MAX } from '../sets/ip-address';

/** A pair whose connections differ, before attribution and exposure are added. */
export interface PairChange {
  type: 'added' | 'removed' | 'changed';
  src: Peer;
  dst: Peer;
  before: ConnectionSetJson | null;
  after: ConnectionSetJson | null;
}

/** An outside range of one side, on the combined address line of `sets/ip-address.ts`. */
interface Span {
  lo: bigint;
  hi: bigint;
  conn: ConnectionSet;
}

/** The outside ranges toward (egress) or from (ingress) one in-cluster peer. */
interface RangeGroup {
  peer: Peer;
  rangeIsSource: boolean;
  before: Span[];
  after: Span[];
}

/**
 * The connectivity diff of two lists of connections (workload or pod granularity): pairs of in-cluster peers
 * are matched by their text form (so workloads by namespace, kind and name); outside ranges are compared piece
 * by piece, cut at the boundaries of both sides, and adjacent pieces that changed alike are merged again.
 * Sorted by source, then destination.
 */
export function diffConnections(base: readonly Connection[], head: readonly Connection[]): PairChange[] {
  const pairs = new Map<string, { src: Peer; dst: Peer; before?: ConnectionSet; after?: ConnectionSet }>();
  const groups = new Map<string, RangeGroup>();
  const add = (connection: Connection, side: 'before' | 'after') => {
    const { src, dst } = connection;
    const conn = ConnectionSet.fromJSON(connection.conn);
    if (src.type === 'ipRange' || dst.type === 'ipRange') {
      const rangeIsSource = src.type === 'ipRange';
      const [range, peer] = rangeIsSource ? [src, dst] : [dst, src];
      if (range.type !== 'ipRange') return;
      const key = `${rangeIsSource ? 'from' : 'to'}\0${peerText(peer)}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { peer, rangeIsSource, before: [], after: [] };
        groups.set(key, group);
      }
      group[side].push({ lo: ipToBigint(range.start), hi: ipToBigint(range.end), conn });
      return;
    }
    const key = `${peerText(src)}\0${peerText(dst)}`;
    const pair = pairs.get(key) ?? { src, dst };
    pair[side] = conn;
    pairs.set(key, pair);
  };
  for (const connection of base) add(connection, 'before');
  for (const connection of head) add(connection, 'after');

  const changes: PairChange[] = [];
  for (const { src, dst, before, after } of pairs.values()) {
    const change = pairChange(src, dst, before, after);
    if (change !== undefined) changes.push(change);
  }
  for (const group of groups.values()) {
    for (const piece of diffSpans(group.before, group.after)) {
      const range: Peer = { type: 'ipRange', start: bigintToIp(piece.lo), end: bigintToIp(piece.hi) };
      const [src, dst] = group.rangeIsSource ? [range, group.peer] : [group.peer, range];
      const change = pairChange(src, dst, piece.before, piece.after);
      if (change !== undefined) changes.push(change);
    }
  }
  return changes.sort((a, b) => comparePeers(a.src, b.src) || comparePeers(a.dst, b.dst));
}

function pairChange(
  src: Peer,
  dst: Peer,
  before: ConnectionSet | undefined,
  after: ConnectionSet | undefined,
): PairChange | undefined {
  if (sameConn(before, after)) return undefined;
  const type = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  return { type, src, dst, before: before?.toJSON() ?? null, after: after?.toJSON() ?? null };
}

interface Piece {
  lo: bigint;
  hi: bigint;
  before?: ConnectionSet;
  after?: ConnectionSet;
}

/**
 * Both sides' ranges cut at the union of their boundaries; the pieces where the sides differ, with adjacent
 * pieces of equal before and after merged (never across the IPv4/IPv6 border).
 */
function diffSpans(before: Span[], after: Span[]): Piece[] {
  const sides = [sortSpans(before), sortSpans(after)];
  const cuts = [...new Set(sides.flat().flatMap((s) => [s.lo, s.hi + 1n]))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const cursor = [0, 0];
  const connAt = (side: number, point: bigint): ConnectionSet | undefined => {
    const spans = sides[side];
    while (cursor[side] < spans.length && spans[cursor[side]].hi < point) cursor[side]++;
    const span = spans[cursor[side]];
    return span !== undefined && span.lo <= point ? span.conn : undefined;
  };
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i];
    const hi = cuts[i + 1] - 1n;
    const old = connAt(0, lo);
    const current = connAt(1, lo);
    if (sameConn(old, current)) continue;
    const last = pieces[pieces.length - 1];
    const joins =
      last !== undefined &&
      last.hi + 1n === lo &&
      last.hi !== V4_MAX &&
      sameConn(last.before, old) &&
      sameConn(last.after, current);
    if (joins) last.hi = hi;
    else pieces.push({ lo, hi, before: old, after: current });
  }
  return pieces;
}

function sortSpans(spans: Span[]): Span[] {
  return [...spans].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
}

function sameConn(a: ConnectionSet | undefined, b: ConnectionSet | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.equals(b);
}
