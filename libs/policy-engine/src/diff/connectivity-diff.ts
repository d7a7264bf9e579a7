import type { Connection, ConnectionSetJson, Peer } from '../evaluate/answers';
import { ipToBigint } from '../sets';
import { ChangeList } from './change-list';
import { ConnectionSetCache } from './connection-set-cache';
import { PeerTexts } from './peer-texts';
import type { Span } from './span-diff';

/** A pair whose connections differ, before attribution and exposure are added. */
export interface PairChange {
  type: 'added' | 'removed' | 'changed';
  src: Peer;
  dst: Peer;
  before: ConnectionSetJson | null;
  after: ConnectionSetJson | null;
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
 * Sorted by source, then destination. `sets` reads and writes the connection sets (changes share the JSON
 * object of equal sets, as connectivity answers do).
 */
export function diffConnections(
  base: readonly Connection[],
  head: readonly Connection[],
  sets: ConnectionSetCache = new ConnectionSetCache(),
): PairChange[] {
  const peers = new PeerTexts();
  const addresses = new Map<string, bigint>();
  const address = (ip: string): bigint => {
    let value = addresses.get(ip);
    if (value === undefined) {
      value = ipToBigint(ip);
      addresses.set(ip, value);
    }
    return value;
  };
  // Per side, the connections between in-cluster peers by source and destination id (the last one wins).
  const sides = {
    before: new Map<number, Map<number, Connection>>(),
    after: new Map<number, Map<number, Connection>>(),
  };
  const groups = new Map<number, RangeGroup>();
  const add = (connection: Connection, side: 'before' | 'after') => {
    const { src, dst } = connection;
    if (src.type === 'ipRange' || dst.type === 'ipRange') {
      const rangeIsSource = src.type === 'ipRange';
      const [range, peer] = rangeIsSource ? [src, dst] : [dst, src];
      if (range.type !== 'ipRange') return;
      const key = rangeIsSource ? -1 - peers.id(peer) : peers.id(peer);
      let group = groups.get(key);
      if (group === undefined) {
        group = { peer, rangeIsSource, before: [], after: [] };
        groups.set(key, group);
      }
      const conn = sets.fromJSON(connection.conn);
      group[side].push({ lo: address(range.start), hi: address(range.end), conn });
      return;
    }
    const srcId = peers.id(src);
    let pairs = sides[side].get(srcId);
    if (pairs === undefined) {
      pairs = new Map();
      sides[side].set(srcId, pairs);
    }
    pairs.set(peers.id(dst), connection);
  };
  for (const connection of base) add(connection, 'before');
  for (const connection of head) add(connection, 'after');

  const changes = new ChangeList(sets, peers);
  // A pair both sides have is named by the base's peers, as it was seen there first.
  for (const [srcId, pairs] of sides.before) {
    const current = sides.after.get(srcId);
    for (const [dstId, old] of pairs) {
      const now = current?.get(dstId);
      // One answer shares a JSON object among equal sets; across answers the sets are compared.
      if (now?.conn === old.conn) continue;
      changes.pair(
        old.src,
        old.dst,
        sets.fromJSON(old.conn),
        now === undefined ? undefined : sets.fromJSON(now.conn),
      );
    }
  }
  for (const [srcId, pairs] of sides.after) {
    const known = sides.before.get(srcId);
    for (const [dstId, now] of pairs) {
      if (known?.has(dstId) !== true) changes.pair(now.src, now.dst, undefined, sets.fromJSON(now.conn));
    }
  }
  for (const group of groups.values()) {
    changes.ranges(group.peer, group.rangeIsSource, group.before, group.after);
  }
  return changes.sorted();
}
