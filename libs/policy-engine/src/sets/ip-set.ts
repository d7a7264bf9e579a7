import { EngineError } from '../errors';
import { bigintToIp, parseCidrRange, parseIp, V4_MAX, V6_BASE, V6_MAX } from './ip-address';
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

export { bigintToIp, ipToBigint, isValidIp, parseCidr, type ParsedCidr } from './ip-address';

// The last IPv4 address and the first IPv6 address are neighbours on the line but never one range.
const IP_LINE: IntervalLine<bigint> = { succ: (x) => x + 1n, pred: (x) => x - 1n, barrier: V4_MAX };

function badInput(message: string): never {
  throw new EngineError('BAD_USER_INPUT', message);
}

/**
 * An immutable, canonical set of IPv4 and IPv6 addresses: sorted, disjoint, non-adjacent ranges on the
 * combined line of `ip-address.ts`. A range never spans both families.
 */
export class IpSet {
  private static readonly EMPTY = new IpSet([]);
  private static readonly ALL_V4 = new IpSet([0n, V4_MAX]);
  private static readonly ALL_V6 = new IpSet([V6_BASE, V6_MAX]);
  private static readonly ALL = new IpSet([0n, V4_MAX, V6_BASE, V6_MAX]);

  private constructor(private readonly bounds: Bounds<bigint>) {}

  private static wrap(bounds: Bounds<bigint>): IpSet {
    return bounds.length === 0 ? IpSet.EMPTY : new IpSet(bounds);
  }

  static empty(): IpSet {
    return IpSet.EMPTY;
  }

  /** Every IPv4 and every IPv6 address. */
  static all(): IpSet {
    return IpSet.ALL;
  }

  static allV4(): IpSet {
    return IpSet.ALL_V4;
  }

  static allV6(): IpSet {
    return IpSet.ALL_V6;
  }

  /** The addresses of a CIDR; host bits are allowed and dropped (`10.0.0.1/24` is `10.0.0.0/24`). */
  static fromCidr(cidr: string): IpSet {
    const range = parseCidrRange(cidr);
    if (range === null) badInput(`invalid CIDR "${cidr}"`);
    return new IpSet([range.first, range.last]);
  }

  static fromAddress(ip: string): IpSet {
    const value = parseIp(ip);
    if (value === null) badInput(`invalid IP address "${ip}"`);
    return new IpSet([value, value]);
  }

  /** The inclusive range `startIp..endIp`; both ends must be of one family and in order. */
  static fromRange(startIp: string, endIp: string): IpSet {
    const start = parseIp(startIp);
    const end = parseIp(endIp);
    if (start === null) badInput(`invalid IP address "${startIp}"`);
    if (end === null) badInput(`invalid IP address "${endIp}"`);
    if (start > V4_MAX !== end > V4_MAX) badInput(`range ${startIp}-${endIp} mixes IPv4 and IPv6`);
    if (start > end) badInput(`range ${startIp}-${endIp} is reversed`);
    return new IpSet([start, end]);
  }

  /** The set of inclusive `[start, end]` ranges on the combined line (any order, overlapping or touching). */
  static fromIntervals(intervals: readonly (readonly [bigint, bigint])[]): IpSet {
    for (const [lo, hi] of intervals) {
      if (lo < 0n || hi > V6_MAX || lo > hi || (lo <= V4_MAX && hi > V4_MAX)) {
        throw new RangeError(`[${lo}, ${hi}] is not a range of one address family`);
      }
    }
    return IpSet.wrap(boundsFromPairs(intervals, IP_LINE));
  }

  union(other: IpSet): IpSet {
    if (this.isEmpty()) return other;
    if (other.isEmpty()) return this;
    return IpSet.wrap(unionBounds(this.bounds, other.bounds, IP_LINE));
  }

  intersect(other: IpSet): IpSet {
    return IpSet.wrap(intersectBounds(this.bounds, other.bounds));
  }

  subtract(other: IpSet): IpSet {
    if (this.isEmpty() || other.isEmpty()) return this;
    return IpSet.wrap(subtractBounds(this.bounds, other.bounds, IP_LINE));
  }

  /** Every address of both families not in this set. */
  complement(): IpSet {
    return IpSet.ALL.subtract(this);
  }

  equals(other: IpSet): boolean {
    return boundsEqual(this.bounds, other.bounds);
  }

  isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  isAll(): boolean {
    return boundsEqual(this.bounds, IpSet.ALL.bounds);
  }

  /** Whether the address is in the set; an invalid address is in no set. */
  contains(ip: string): boolean {
    const value = parseIp(ip);
    return value !== null && boundsContain(this.bounds, value);
  }

  /** Whether a point of the combined line (see `ipToBigint`) is in the set. */
  containsValue(value: bigint): boolean {
    return boundsContain(this.bounds, value);
  }

  /** The ranges in order, with both ends in short form. */
  ranges(): { start: string; end: string }[] {
    const out: { start: string; end: string }[] = [];
    for (let i = 0; i < this.bounds.length; i += 2) {
      out.push({ start: bigintToIp(this.bounds[i]), end: bigintToIp(this.bounds[i + 1]) });
    }
    return out;
  }

  /** The ranges as `[start, end]` points of the combined line. */
  intervals(): [bigint, bigint][] {
    return boundsToPairs(this.bounds);
  }

  /**
   * The cut points of the set, sorted: the start of each range and the address after its end. Cutting
   * another set at them (`pieces`) separates what lies inside this set from what lies outside.
   */
  boundaries(): bigint[] {
    return this.bounds.map((b, i) => (i % 2 === 0 ? b : b + 1n));
  }

  /**
   * Cuts the set at the given cut points (each the first address of a new piece) into maximal pieces, one
   * range each, in address order. Unsorted or repeated cuts are fine.
   */
  pieces(cuts: readonly bigint[]): IpSet[] {
    const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out: IpSet[] = [];
    let c = 0;
    for (let i = 0; i < this.bounds.length; i += 2) {
      let lo = this.bounds[i];
      const hi = this.bounds[i + 1];
      while (c < sorted.length && sorted[c] <= lo) c++;
      while (c < sorted.length && sorted[c] <= hi) {
        out.push(new IpSet([lo, sorted[c] - 1n]));
        lo = sorted[c];
        while (c < sorted.length && sorted[c] <= lo) c++;
      }
      out.push(new IpSet([lo, hi]));
    }
    return out;
  }

  /** Ranges as `start-end` joined by `,`; `''` when empty. */
  toString(): string {
    return this.ranges()
      .map((r) => `${r.start}-${r.end}`)
      .join(',');
  }
}
