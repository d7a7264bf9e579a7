import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';

describe('Bitset', () => {
  it.each([1, 31, 32, 33, 100])('full(%i) holds exactly 0..n-1', (n) => {
    const full = Bitset.full(n);
    expect(full.count()).toBe(n);
    expect(full.toArray()).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(full.equals(Bitset.of(n, full.toArray()))).toBe(true);
  });

  it('combines sets like sets of numbers', () => {
    const a = Bitset.of(70, [0, 5, 31, 32, 69]);
    const b = Bitset.of(70, [5, 32, 40]);
    expect(a.and(b).toArray()).toEqual([5, 32]);
    expect(a.or(b).toArray()).toEqual([0, 5, 31, 32, 40, 69]);
    expect(a.andNot(b).toArray()).toEqual([0, 31, 69]);
    expect(a.intersects(b)).toBe(true);
    expect(a.andNot(b).intersects(b)).toBe(false);
    expect(Bitset.empty(70).isEmpty()).toBe(true);
    expect(a.has(31) && !a.has(30)).toBe(true);
  });

  it('leaves the original alone when combining', () => {
    const a = Bitset.of(10, [1]);
    a.or(Bitset.of(10, [2]));
    expect(a.toArray()).toEqual([1]);
  });

  it.each([
    [0, [], -1],
    [5, [], 0],
    [5, [0, 1, 3], 2],
    [32, Array.from({ length: 32 }, (_, i) => i), -1],
    [33, Array.from({ length: 32 }, (_, i) => i), 32],
    [40, [0, 1, 2], 3],
  ])('lowestMissing of %i classes holding %j is %i', (size, members, lowest) => {
    expect(Bitset.of(size, members).lowestMissing()).toBe(lowest);
  });
});
