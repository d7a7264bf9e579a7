import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { ipToBigint, V4_MAX, V6_BASE, V6_MAX } from './ip-address';
import { IpSet } from './ip-set';
import { isPrivate } from './ip-special';

// Small address windows at the start and end of each family, so merges across the IPv4/IPv6 seam and at
// the ends of the line are exercised while a plain set of addresses stays a cheap model.
const WINDOWS = [0n, V4_MAX - 15n, V6_BASE, V6_MAX - 15n];
const address = fc
  .tuple(fc.constantFrom(...WINDOWS), fc.bigInt({ min: 0n, max: 15n }))
  .map(([base, offset]) => base + offset);
const interval = fc
  .tuple(fc.constantFrom(...WINDOWS), fc.bigInt({ min: 0n, max: 15n }), fc.bigInt({ min: 0n, max: 15n }))
  .map(([base, a, b]): [bigint, bigint] => (a <= b ? [base + a, base + b] : [base + b, base + a]));
const ipSet = fc.array(interval, { maxLength: 6 }).map((intervals) => IpSet.fromIntervals(intervals));
const RUNS = { numRuns: 200 };

function toModel(set: IpSet): Set<bigint> {
  const points = new Set<bigint>();
  for (const [lo, hi] of set.intervals()) for (let x = lo; x <= hi; x++) points.add(x);
  return points;
}

const sorted = (points: Set<bigint>) => [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const modelOps = {
  union: (a: Set<bigint>, b: Set<bigint>) => new Set([...a, ...b]),
  intersect: (a: Set<bigint>, b: Set<bigint>) => new Set([...a].filter((x) => b.has(x))),
  subtract: (a: Set<bigint>, b: Set<bigint>) => new Set([...a].filter((x) => !b.has(x))),
};

function expectCanonical(set: IpSet): void {
  const intervals = set.intervals();
  intervals.forEach(([lo, hi], i) => {
    expect(lo <= hi).toBe(true);
    expect(lo <= V4_MAX).toBe(hi <= V4_MAX);
    if (i > 0) {
      const prevHi = intervals[i - 1][1];
      // Ranges never touch, except across the IPv4/IPv6 seam, which is never merged.
      expect(lo > prevHi + 1n || (prevHi === V4_MAX && lo === V6_BASE)).toBe(true);
    }
  });
}

describe('IpSet', () => {
  it.each([
    ['a CIDR', IpSet.fromCidr('10.0.0.0/24'), '10.0.0.0-10.0.0.255'],
    ['a CIDR with host bits', IpSet.fromCidr('10.0.0.77/24'), '10.0.0.0-10.0.0.255'],
    ['one address', IpSet.fromAddress('192.168.0.1'), '192.168.0.1-192.168.0.1'],
    ['/32', IpSet.fromCidr('1.2.3.4/32'), '1.2.3.4-1.2.3.4'],
    ['/0', IpSet.fromCidr('0.0.0.0/0'), '0.0.0.0-255.255.255.255'],
    ['an IPv6 CIDR', IpSet.fromCidr('2001:db8::/32'), '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['/128', IpSet.fromCidr('2001:db8::5/128'), '2001:db8::5-2001:db8::5'],
    ['an IPv4-mapped address', IpSet.fromAddress('::ffff:10.0.0.1'), '10.0.0.1-10.0.0.1'],
    ['a range', IpSet.fromRange('10.0.0.5', '10.0.0.9'), '10.0.0.5-10.0.0.9'],
    ['both families', IpSet.all(), '0.0.0.0-255.255.255.255,::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['nothing', IpSet.empty(), ''],
  ])('prints %s', (_name, set, text) => {
    expect(set.toString()).toBe(text);
  });

  it('cuts a CIDR with excepts into the ranges users expect', () => {
    const block = IpSet.fromCidr('10.0.0.0/16').subtract(IpSet.fromCidr('10.0.1.0/24'));
    expect(block.ranges()).toEqual([
      { start: '10.0.0.0', end: '10.0.0.255' },
      { start: '10.0.2.0', end: '10.0.255.255' },
    ]);
    expect([
      block.contains('10.0.0.9'),
      block.contains('10.0.1.9'),
      block.contains('::ffff:10.0.2.1'),
    ]).toEqual([true, false, true]);
    expect(block.contains('not an address')).toBe(false);
  });

  it('keeps IPv4 and IPv6 apart even where they touch on the line', () => {
    const both = IpSet.allV4().union(IpSet.allV6());
    expect(both.intervals()).toHaveLength(2);
    expect(both.equals(IpSet.all())).toBe(true);
    expect(both.isAll()).toBe(true);
    expect(IpSet.fromCidr('::/0').equals(IpSet.allV6())).toBe(true);
    expect(IpSet.all().subtract(IpSet.allV4()).equals(IpSet.allV6())).toBe(true);
  });

  it.each([
    ['a bad CIDR', () => IpSet.fromCidr('10.0.0.0/33')],
    ['a bad address', () => IpSet.fromAddress('10.0.0.999')],
    ['a reversed range', () => IpSet.fromRange('10.0.0.9', '10.0.0.5')],
    ['a range across families', () => IpSet.fromRange('10.0.0.1', '::1')],
  ])('rejects %s as bad user input', (_name, build) => {
    expect(build).toThrow(EngineError);
  });

  it('reports its cut points', () => {
    const set = IpSet.fromCidr('10.0.0.0/24').union(IpSet.fromCidr('10.0.2.0/24'));
    expect(set.boundaries()).toEqual([
      ipToBigint('10.0.0.0'),
      ipToBigint('10.0.1.0'),
      ipToBigint('10.0.2.0'),
      ipToBigint('10.0.3.0'),
    ]);
  });

  it('cuts the outside address space at every ipBlock boundary', () => {
    const blocks = [IpSet.fromCidr('10.0.0.0/8'), IpSet.fromCidr('10.1.0.0/16')];
    const cuts = blocks.flatMap((b) => b.boundaries());
    expect(IpSet.allV4().pieces(cuts).map(String)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.1.255.255',
      '10.2.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
    ]);
  });

  describe('agrees with a plain set of addresses', () => {
    it.each(['union', 'intersect', 'subtract'] as const)('%s', (op) => {
      fc.assert(
        fc.property(ipSet, ipSet, (a, b) => {
          const result = a[op](b);
          expectCanonical(result);
          expect(sorted(toModel(result))).toEqual(sorted(modelOps[op](toModel(a), toModel(b))));
        }),
        RUNS,
      );
    });

    it('equality is structural and means equal sets', () => {
      fc.assert(
        fc.property(ipSet, ipSet, (a, b) => {
          expect(a.equals(b)).toBe(sorted(toModel(a)).join() === sorted(toModel(b)).join());
          expect(a.equals(b)).toBe(a.toString() === b.toString());
        }),
        RUNS,
      );
    });

    it('membership matches', () => {
      fc.assert(
        fc.property(ipSet, address, (a, x) => {
          expect(a.containsValue(x)).toBe(toModel(a).has(x));
        }),
        RUNS,
      );
    });
  });

  it('obeys De Morgan and absorption laws', () => {
    fc.assert(
      fc.property(ipSet, ipSet, (a, b) => {
        const all = IpSet.all();
        expect(all.subtract(a.union(b)).equals(all.subtract(a).intersect(all.subtract(b)))).toBe(true);
        expect(all.subtract(a.intersect(b)).equals(all.subtract(a).union(all.subtract(b)))).toBe(true);
        expect(a.union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.intersect(a.union(b)).equals(a)).toBe(true);
        expect(a.union(a.complement()).isAll()).toBe(true);
      }),
      RUNS,
    );
  });

  it('cuts into maximal pieces that cover the set and straddle no cut', () => {
    fc.assert(
      fc.property(ipSet, fc.array(address, { maxLength: 6 }), (a, cuts) => {
        const pieces = a.pieces(cuts);
        expect(pieces.reduce((acc, p) => acc.union(p), IpSet.empty()).equals(a)).toBe(true);
        pieces.forEach((piece, i) => {
          const [[lo, hi]] = piece.intervals();
          expect(piece.intervals()).toHaveLength(1);
          expect(cuts.some((c) => c > lo && c <= hi)).toBe(false);
          // A piece ends where the set ends or right before a cut: nothing smaller than needed.
          const next = pieces[i + 1]?.intervals()[0][0];
          if (next === hi + 1n) expect(cuts.includes(next) || hi === V4_MAX).toBe(true);
        });
      }),
      RUNS,
    );
  });
});

describe('isPrivate', () => {
  it.each([
    ['10.0.0.0', '10.255.255.255', true],
    ['172.16.0.0', '172.31.255.255', true],
    ['192.168.1.0', '192.168.1.255', true],
    ['100.64.0.0', '100.127.255.255', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['169.254.0.0', '169.254.255.255', true],
    ['fd00::', 'fdff::', true],
    ['fe80::1', 'fe80::1', true],
    ['::1', '::1', true],
    ['8.8.8.8', '8.8.8.8', false],
    ['10.0.0.0', '11.0.0.0', false],
    ['172.15.255.255', '172.16.0.0', false],
    ['2001:4860::', '2001:4860::ffff', false],
  ])('%s-%s private: %s', (start, end, expected) => {
    expect(isPrivate({ start, end })).toBe(expected);
  });

  it('judges sets as a whole', () => {
    expect(isPrivate(IpSet.all())).toBe(false);
    expect(isPrivate(IpSet.fromCidr('10.0.0.0/8').union(IpSet.fromCidr('fc00::/7')))).toBe(true);
  });
});
