import type { ConnectionSet } from '../sets';
import { V4_MAX } from '../sets/ip-address';

/** An outside range of one side, on the combined address line of `sets/ip-address.ts`, with its set. */
export interface Span {
  lo: bigint;
  hi: bigint;
  conn: ConnectionSet;
}

/** A range where the sides differ: what each allowed there (`undefined`: nothing). */
export interface Piece {
  lo: bigint;
  hi: bigint;
  before?: ConnectionSet;
  after?: ConnectionSet;
}

/**
 * Both sides' ranges cut at the union of their boundaries; the pieces where the sides differ, with adjacent
 * pieces of equal before and after merged (never across the IPv4/IPv6 border). How each side splits its
 * ranges does not matter: only what each address gets does.
 */
export function diffSpans(before: readonly Span[], after: readonly Span[]): Piece[] {
  const sides = [sortSpans(before), sortSpans(after)];
  if (sameSpans(sides[0], sides[1])) return [];
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

/** Whether two sets are equal, `undefined` standing for no connection. */
export function sameConn(a: ConnectionSet | undefined, b: ConnectionSet | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || a.equals(b);
}

function sortSpans(spans: readonly Span[]): Span[] {
  return [...spans].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
}

/** The common case, answered without cutting: both sides split the line alike and allow the same. */
function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => s.lo === b[i].lo && s.hi === b[i].hi && sameConn(s.conn, b[i].conn))
  );
}
