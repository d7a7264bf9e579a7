/**
 * Canonical sets of integers as flat arrays of inclusive bounds `[lo0, hi0, lo1, hi1, ...]`: sorted, disjoint
 * and non-adjacent, so two sets are equal exactly when their arrays are. Every operation is one linear merge
 * over the two arrays. Ports (numbers) and addresses (bigints) share these functions.
 */

/** What the interval functions need to know about the number line they work on. */
export interface IntervalLine<T extends number | bigint> {
  succ(x: T): T;
  pred(x: T): T;
  /**
   * A value after which intervals are never merged even when adjacent (the last IPv4 address, so that
   * IPv4 and IPv6 ranges stay apart); absent when the whole line merges freely.
   */
  barrier?: T;
}

/** Flat canonical bounds: `[lo0, hi0, lo1, hi1, ...]`. */
export type Bounds<T extends number | bigint> = readonly T[];

/** Appends `[lo, hi]` (whose `lo` is not below the last interval's start), merging when it overlaps or touches. */
function pushMerged<T extends number | bigint>(out: T[], lo: T, hi: T, line: IntervalLine<T>): void {
  const n = out.length;
  if (n > 0) {
    const lastHi = out[n - 1];
    if (lo <= lastHi || (lo === line.succ(lastHi) && lastHi !== line.barrier)) {
      if (hi > lastHi) out[n - 1] = hi;
      return;
    }
  }
  out.push(lo, hi);
}

/** Canonical bounds of arbitrary inclusive intervals (any order, overlapping or touching). */
export function boundsFromPairs<T extends number | bigint>(
  pairs: readonly (readonly [T, T])[],
  line: IntervalLine<T>,
): T[] {
  const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: T[] = [];
  for (const [lo, hi] of sorted) pushMerged(out, lo, hi, line);
  return out;
}

/** Union of two canonical bound arrays. */
export function unionBounds<T extends number | bigint>(
  a: Bounds<T>,
  b: Bounds<T>,
  line: IntervalLine<T>,
): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) {
      pushMerged(out, a[i], a[i + 1], line);
      i += 2;
    } else {
      pushMerged(out, b[j], b[j + 1], line);
      j += 2;
    }
  }
  return out;
}

/** Intersection of two canonical bound arrays; the result is canonical without further merging. */
export function intersectBounds<T extends number | bigint>(a: Bounds<T>, b: Bounds<T>): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i] > b[j] ? a[i] : b[j];
    const hi = a[i + 1] < b[j + 1] ? a[i + 1] : b[j + 1];
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

/** `a` minus `b` for canonical bound arrays. */
export function subtractBounds<T extends number | bigint>(
  a: Bounds<T>,
  b: Bounds<T>,
  line: IntervalLine<T>,
): T[] {
  const out: T[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    const hi = a[i + 1];
    let cur = a[i];
    let covered = false;
    while (j < b.length && b[j + 1] < cur) j += 2;
    while (j < b.length && b[j] <= hi) {
      if (b[j] > cur) out.push(cur, line.pred(b[j]));
      if (b[j + 1] >= hi) {
        // b[j] may reach into the next interval of `a`: keep it for that one.
        covered = true;
        break;
      }
      cur = line.succ(b[j + 1]);
      j += 2;
    }
    if (!covered) out.push(cur, hi);
  }
  return out;
}

/** Structural equality, which is set equality for canonical bounds. */
export function boundsEqual<T extends number | bigint>(a: Bounds<T>, b: Bounds<T>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether `x` lies in one of the intervals (binary search). */
export function boundsContain<T extends number | bigint>(bounds: Bounds<T>, x: T): boolean {
  let lo = 0;
  let hi = bounds.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (x < bounds[2 * mid]) hi = mid - 1;
    else if (x > bounds[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The intervals as `[lo, hi]` pairs (fresh arrays). */
export function boundsToPairs<T extends number | bigint>(bounds: Bounds<T>): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i < bounds.length; i += 2) pairs.push([bounds[i], bounds[i + 1]]);
  return pairs;
}
