import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { partitionClasses, tagClasses, type ClassPartition } from './class-partition';

const set = (size: number, members: number[]) => Bitset.of(size, members);

/** The parts as lists of classes, in part order. */
function parts({ size, named, partOfNamed, rest }: ClassPartition): number[][] {
  const out: number[][] = [];
  for (let c = 0; c < size; c++) {
    const i = named.indexOf(c);
    (out[i < 0 ? rest : partOfNamed[i]] ??= []).push(c);
  }
  return out;
}

describe('partitionClasses', () => {
  it('keeps every class in one part when no set tells them apart', () => {
    const partition = partitionClasses(4, []);
    expect(parts(partition)).toEqual([[0, 1, 2, 3]]);
    expect(partition).toMatchObject({ named: new Int32Array(0), firsts: [0], rest: 0 });
  });

  it('puts classes together iff they belong to the same sets', () => {
    // 0 and 5 are in no set; 1 and 4 in both; 2 only in the first; 3 only in the second.
    const partition = partitionClasses(6, [{ classes: set(6, [1, 2, 4]) }, { classes: set(6, [1, 3, 4]) }]);
    expect(parts(partition)).toEqual([[0, 5], [1, 4], [2], [3]]);
    expect(partition.named).toEqual(Int32Array.from([1, 2, 3, 4]));
    expect(partition.firsts).toEqual([0, 1, 2, 3]);
    expect(partition.rest).toBe(0);
  });

  it('numbers the classes in no set in order of their lowest class', () => {
    const partition = partitionClasses(5, [{ classes: set(5, [0, 3]) }, { classes: set(5, [1]) }]);
    expect(parts(partition)).toEqual([[0, 3], [1], [2, 4]]);
    expect(partition.firsts).toEqual([0, 1, 2]);
    expect(partition.rest).toBe(2);
  });

  it('numbers parts densely when a set takes a whole part', () => {
    const partition = partitionClasses(3, [{ classes: set(3, [0, 1]) }, { classes: set(3, [0, 1]) }]);
    expect(parts(partition)).toEqual([[0, 1], [2]]);
    expect(partition.rest).toBe(1);
  });

  it('has no rest part when every class is in some set', () => {
    const partition = partitionClasses(3, [{ classes: Bitset.full(3) }, { classes: set(3, [2]) }]);
    expect(parts(partition)).toEqual([[0, 1], [2]]);
    expect(partition.rest).toBe(-1);
  });

  it('tells members of a tagged set apart by their tags, and only members', () => {
    const tags = tagClasses(5, (c) => (c % 2 === 0 ? 'http' : 'grpc'));
    const partition = partitionClasses(5, [{ classes: set(5, [0, 1, 2]), tags }]);
    expect(parts(partition)).toEqual([[0, 2], [1], [3, 4]]);
    expect(partition.rest).toBe(2);
  });

  it('answers an empty list of classes', () => {
    expect(partitionClasses(0, [{ classes: Bitset.empty(0) }])).toEqual({
      size: 0,
      named: new Int32Array(0),
      partOfNamed: new Int32Array(0),
      firsts: [],
      rest: -1,
    });
  });
});

describe('tagClasses', () => {
  it('gives equal keys equal tags, numbered in order of first use', () => {
    const keys = ['b', 'a', 'b', 'c', 'a'];
    const tags = tagClasses(keys.length, (c) => keys[c]);
    expect([...tags.of]).toEqual([0, 1, 0, 2, 1]);
    expect(tags.count).toBe(3);
  });
});
