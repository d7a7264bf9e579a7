import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { MAX_PORT, PortSet } from './port-set';

// Ranges near both ends of 1..65535, so merges at the edges of the space are exercised, kept short so the
// plain-set model stays cheap.
const windowRange = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
    .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
const port = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: MAX_PORT - 40, max: MAX_PORT }));
const range = fc.oneof(windowRange(1, 40), windowRange(MAX_PORT - 40, MAX_PORT));
const portSet = fc.array(range, { maxLength: 6 }).map((ranges) => PortSet.fromRanges(ranges));
const RUNS = { numRuns: 200 };

function toModel(set: PortSet): Set<number> {
  const ports = new Set<number>();
  for (const [lo, hi] of set.ranges()) for (let p = lo; p <= hi; p++) ports.add(p);
  return ports;
}

// Node 20 has no Set.prototype.union & co.
const modelUnion = <T>(a: Set<T>, b: Set<T>) => new Set([...a, ...b]);
const modelIntersect = <T>(a: Set<T>, b: Set<T>) => new Set([...a].filter((x) => b.has(x)));
const modelSubtract = <T>(a: Set<T>, b: Set<T>) => new Set([...a].filter((x) => !b.has(x)));

function fromModel(ports: Set<number>): PortSet {
  return PortSet.fromRanges([...ports].map((p): [number, number] => [p, p]));
}

function expectCanonical(set: PortSet): void {
  const ranges = set.ranges();
  ranges.forEach(([lo, hi], i) => {
    expect(lo).toBeGreaterThanOrEqual(1);
    expect(hi).toBeLessThanOrEqual(MAX_PORT);
    expect(lo).toBeLessThanOrEqual(hi);
    if (i > 0) expect(lo).toBeGreaterThan(ranges[i - 1][1] + 1);
  });
}

describe('PortSet', () => {
  it.each([
    ['empty', PortSet.empty(), ''],
    ['one port', PortSet.of(80), '80'],
    ['a range', PortSet.range(8000, 8080), '8000-8080'],
    ['every port', PortSet.all(), '1-65535'],
    [
      'unsorted, overlapping and touching input',
      PortSet.fromRanges([
        [8050, 8080],
        [80, 80],
        [8000, 8049],
        [8010, 8020],
      ]),
      '80,8000-8080',
    ],
    ['a range of one port', PortSet.range(443, 443), '443'],
  ])('prints %s as "%s"', (_name, set, text) => {
    expect(set.toString()).toBe(text);
  });

  it('answers membership, size and the all/empty questions', () => {
    const set = PortSet.fromRanges([
      [80, 80],
      [8000, 8080],
    ]);
    expect([set.has(80), set.has(81), set.has(8000), set.has(8080), set.has(8081)]).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(set.size()).toBe(82);
    expect(PortSet.all().size()).toBe(65535);
    expect(
      PortSet.fromRanges([
        [1, 100],
        [101, 65535],
      ]).isAll(),
    ).toBe(true);
    expect(PortSet.of(1).subtract(PortSet.of(1)).isEmpty()).toBe(true);
    expect(PortSet.of(80).complement().toString()).toBe('1-79,81-65535');
  });

  it('hands out copies of its ranges', () => {
    const set = PortSet.range(1, 10);
    set.ranges()[0][1] = 99;
    expect(set.toString()).toBe('1-10');
  });

  it.each([
    ['port 0', () => PortSet.of(0)],
    ['port 65536', () => PortSet.of(65536)],
    ['a fractional port', () => PortSet.of(80.5)],
    ['a reversed range', () => PortSet.range(90, 80)],
    ['a range past the last port', () => PortSet.fromRanges([[1, 70000]])],
  ])('rejects %s as bad user input', (_name, build) => {
    expect(build).toThrow(EngineError);
    expect(build).toThrow(/port/);
  });

  describe('agrees with a plain set of ports', () => {
    const ops = [
      ['union', (a: PortSet, b: PortSet) => a.union(b), modelUnion],
      ['intersect', (a: PortSet, b: PortSet) => a.intersect(b), modelIntersect],
      ['subtract', (a: PortSet, b: PortSet) => a.subtract(b), modelSubtract],
    ] as const;

    it.each(ops)('%s', (_name, op, modelOp) => {
      fc.assert(
        fc.property(portSet, portSet, (a, b) => {
          const result = op(a, b);
          expectCanonical(result);
          expect(toModel(result)).toEqual(modelOp(toModel(a), toModel(b)));
        }),
        RUNS,
      );
    });

    it('equality is structural and means equal sets', () => {
      fc.assert(
        fc.property(portSet, portSet, (a, b) => {
          const sameSet =
            modelUnion(toModel(a), toModel(b)).size === toModel(a).size &&
            toModel(a).size === toModel(b).size;
          expect(a.equals(b)).toBe(sameSet);
          expect(fromModel(toModel(a)).equals(a)).toBe(true);
          expect(a.equals(b)).toBe(a.toString() === b.toString());
        }),
        RUNS,
      );
    });

    it('membership and size match', () => {
      fc.assert(
        fc.property(portSet, port, (a, p) => {
          expect(a.has(p)).toBe(toModel(a).has(p));
          expect(a.size()).toBe(toModel(a).size);
        }),
        RUNS,
      );
    });
  });

  it('obeys De Morgan, absorption and complement laws', () => {
    fc.assert(
      fc.property(portSet, portSet, (a, b) => {
        const all = PortSet.all();
        expect(all.subtract(a.union(b)).equals(all.subtract(a).intersect(all.subtract(b)))).toBe(true);
        expect(all.subtract(a.intersect(b)).equals(all.subtract(a).union(all.subtract(b)))).toBe(true);
        expect(a.union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.intersect(a.union(b)).equals(a)).toBe(true);
        expect(a.union(a.complement()).isAll()).toBe(true);
        expect(a.intersect(a.complement()).isEmpty()).toBe(true);
        expect(a.subtract(b).equals(a.intersect(b.complement()))).toBe(true);
      }),
      RUNS,
    );
  });
});
