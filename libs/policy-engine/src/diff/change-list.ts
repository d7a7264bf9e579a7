import type { Peer } from '../evaluate/answers';
import { compareTexts } from '../evaluate/peer-text';
import { bigintToIp, type ConnectionSet } from '../sets';
import type { ConnectionSetCache } from './connection-set-cache';
import type { PairChange } from './connectivity-diff';
import type { PeerTexts } from './peer-texts';
import { diffSpans, sameConn, type Span } from './span-diff';

/**
 * The changes of a connectivity diff as they are found, in any order, and at the end sorted by source, then
 * destination text. Connection sets become JSON through `sets`, so changes share one object per set.
 */
export class ChangeList {
  private readonly entries: { change: PairChange; src: string; dst: string }[] = [];

  constructor(
    private readonly sets: ConnectionSetCache,
    private readonly texts: PeerTexts,
  ) {}

  /** Records a pair of in-cluster peers if its sets differ (`undefined`: nothing allowed). */
  pair(src: Peer, dst: Peer, before: ConnectionSet | undefined, after: ConnectionSet | undefined): void {
    if (sameConn(before, after)) return;
    const type = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const json = (conn: ConnectionSet | undefined) => (conn === undefined ? null : this.sets.toJSON(conn));
    this.entries.push({
      change: { type, src, dst, before: json(before), after: json(after) },
      src: this.texts.of(src),
      dst: this.texts.of(dst),
    });
  }

  /**
   * Records the outside ranges toward (egress) or, with `rangeIsSource`, from (ingress) one in-cluster peer
   * where the sides differ, cut at the boundaries of both sides.
   */
  ranges(peer: Peer, rangeIsSource: boolean, before: readonly Span[], after: readonly Span[]): void {
    for (const piece of diffSpans(before, after)) {
      const range: Peer = { type: 'ipRange', start: bigintToIp(piece.lo), end: bigintToIp(piece.hi) };
      const [src, dst] = rangeIsSource ? [range, peer] : [peer, range];
      this.pair(src, dst, piece.before, piece.after);
    }
  }

  /** Every change recorded, by source text, then destination text. */
  sorted(): PairChange[] {
    this.entries.sort((a, b) => compareTexts(a.src, b.src) || compareTexts(a.dst, b.dst));
    return this.entries.map((entry) => entry.change);
  }
}
