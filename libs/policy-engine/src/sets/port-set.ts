import { EngineError } from '../errors';
import {
  boundsContain,
  boundsEqual,
  boundsFromPairs,
  boundsToPairs,
  intersectBounds,
  subtractBounds,
  unionBounds,
  type Bounds,
  type IntervalLine,
} from './interval-set';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

const PORT_LINE: IntervalLine<number> = { succ: (x) => x + 1, pred: (x) => x - 1 };

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
    throw new EngineError(
      'BAD_USER_INPUT',
      `port must be an integer in ${MIN_PORT}-${MAX_PORT}, got ${port}`,
    );
  }
}

function checkRange(lo: number, hi: number): void {
  checkPort(lo);
  checkPort(hi);
  if (lo > hi) throw new EngineError('BAD_USER_INPUT', `port range ${lo}-${hi} is reversed`);
}

/** An immutable, canonical set of ports in 1..65535: sorted, disjoint, non-adjacent ranges. */
export class PortSet {
  private static readonly EMPTY = new PortSet([]);
  private static readonly ALL = new PortSet([MIN_PORT, MAX_PORT]);

  private constructor(private readonly bounds: Bounds<number>) {}

  private static wrap(bounds: Bounds<number>): PortSet {
    if (bounds.length === 0) return PortSet.EMPTY;
    if (boundsEqual(bounds, PortSet.ALL.bounds)) return PortSet.ALL;
    return new PortSet(bounds);
  }

  static empty(): PortSet {
    return PortSet.EMPTY;
  }

  static all(): PortSet {
    return PortSet.ALL;
  }

  /** The inclusive range `lo..hi`; throws BAD_USER_INPUT outside 1..65535 or when `lo > hi`. */
  static range(lo: number, hi: number): PortSet {
    checkRange(lo, hi);
    return PortSet.wrap([lo, hi]);
  }

  /** The single port `port`. */
  static of(port: number): PortSet {
    return PortSet.range(port, port);
  }

  /** Canonicalizes inclusive ranges given in any order, overlapping or touching. */
  static fromRanges(ranges: readonly (readonly [number, number])[]): PortSet {
    for (const [lo, hi] of ranges) checkRange(lo, hi);
    return PortSet.wrap(boundsFromPairs(ranges, PORT_LINE));
  }

  union(other: PortSet): PortSet {
    if (this.isEmpty() || other.isAll()) return other;
    if (other.isEmpty() || this.isAll()) return this;
    return PortSet.wrap(unionBounds(this.bounds, other.bounds, PORT_LINE));
  }

  intersect(other: PortSet): PortSet {
    if (this.isAll() || other.isEmpty()) return other;
    if (other.isAll() || this.isEmpty()) return this;
    return PortSet.wrap(intersectBounds(this.bounds, other.bounds));
  }

  subtract(other: PortSet): PortSet {
    if (this.isEmpty() || other.isEmpty()) return this;
    return PortSet.wrap(subtractBounds(this.bounds, other.bounds, PORT_LINE));
  }

  /** Every port of 1..65535 not in this set. */
  complement(): PortSet {
    return PortSet.ALL.subtract(this);
  }

  equals(other: PortSet): boolean {
    return boundsEqual(this.bounds, other.bounds);
  }

  isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  isAll(): boolean {
    return this === PortSet.ALL;
  }

  has(port: number): boolean {
    return boundsContain(this.bounds, port);
  }

  /** The ranges as fresh `[lo, hi]` pairs, in order. */
  ranges(): [number, number][] {
    return boundsToPairs(this.bounds);
  }

  /** How many ports the set holds. */
  size(): number {
    let n = 0;
    for (let i = 0; i < this.bounds.length; i += 2) n += this.bounds[i + 1] - this.bounds[i] + 1;
    return n;
  }

  /** `80,8000-8080`; `''` when empty. */
  toString(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.bounds.length; i += 2) {
      const lo = this.bounds[i];
      const hi = this.bounds[i + 1];
      parts.push(lo === hi ? String(lo) : `${lo}-${hi}`);
    }
    return parts.join(',');
  }
}
