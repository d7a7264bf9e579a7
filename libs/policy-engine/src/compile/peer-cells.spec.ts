import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { tagClasses, type RefiningSet } from './class-tags';
import { PeerCells } from './peer-cells';

const set = (size: number, members: number[]) => Bitset.of(size, members);

/** The cells as lists of classes, in order of their lowest class. */
function cellsOf(cells: PeerCells): number[][] {
  const byKey = new Map<string | number, number[]>();
  for (let c = 0; c < cells.size; c++) {
    const key = cells.keyOf(c);
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  return [...byKey.values()];
}

describe('PeerCells', () => {
  it('keeps every class in one cell when no set tells them apart', () => {
    const cells = new PeerCells(4, []);
    expect(cellsOf(cells)).toEqual([[0, 1, 2, 3]]);
    expect([...cells.firsts()]).toEqual([[cells.restKey, 0]]);
  });

  it('puts classes together iff they belong to the same sets', () => {
    // 0 and 5 are in no set; 1 and 4 in both; 2 only in the first; 3 only in the second.
    const cells = new PeerCells(6, [{ classes: set(6, [1, 2, 4]) }, { classes: set(6, [1, 3, 4]) }]);
    expect(cellsOf(cells)).toEqual([[0, 5], [1, 4], [2], [3]]);
    expect([...cells.firsts().values()]).toEqual([0, 1, 2, 3]);
    expect(cells.keyOf(5)).toBe(cells.restKey);
  });

  it('lists the cell of the classes in no set where its lowest class falls', () => {
    const cells = new PeerCells(5, [{ classes: set(5, [0, 3]) }, { classes: set(5, [1]) }]);
    expect(cellsOf(cells)).toEqual([[0, 3], [1], [2, 4]]);
    expect([...cells.firsts().values()]).toEqual([0, 1, 2]);
    expect(cells.lowestInNoSet()).toBe(2);
  });

  it('has no cell of classes in no set when every class is in some set', () => {
    const cells = new PeerCells(3, [{ classes: Bitset.full(3) }, { classes: set(3, [2]) }]);
    expect(cellsOf(cells)).toEqual([[0, 1], [2]]);
    expect(cells.lowestInNoSet()).toBe(-1);
    expect(cells.firsts().has(cells.restKey)).toBe(false);
  });

  it('tells members of a tagged set apart by their tags, and only members', () => {
    const tags = tagClasses(5, (c) => (c % 2 === 0 ? 'http' : 'grpc'));
    const cells = new PeerCells(5, [{ classes: set(5, [0, 1, 2]), tags }]);
    expect(cellsOf(cells)).toEqual([[0, 2], [1], [3, 4]]);
  });

  it('names cells by text when the sets have more choices than a number holds', () => {
    const sets = Array.from({ length: 60 }, (_, i) => ({ classes: set(64, [i, i + 1]) }));
    const cells = new PeerCells(64, sets);
    expect(typeof cells.keyOf(0)).toBe('string');
    expect(cellsOf(cells)).toHaveLength(62);
    expect(cells.firsts().size).toBe(62);
  });

  it('answers an empty list of classes', () => {
    const cells = new PeerCells(0, [{ classes: Bitset.empty(0) }]);
    expect(cells.firsts().size).toBe(0);
    expect(cells.lowestInNoSet()).toBe(-1);
  });

  it('finds exactly the cells that hold classes, each with its lowest class', () => {
    const sizeAndSets = fc.integer({ min: 0, max: 70 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(
          fc.record({
            members: fc.uniqueArray(fc.nat({ max: Math.max(size - 1, 0) }), { maxLength: size }),
            tagged: fc.boolean(),
          }),
          { maxLength: 5 },
        ),
      ),
    );
    fc.assert(
      fc.property(sizeAndSets, ([size, specs]) => {
        const tags = tagClasses(size, (c) => String(c % 3));
        const sets: RefiningSet[] = specs.map(({ members, tagged }) => ({
          classes: set(size, size === 0 ? [] : members),
          ...(tagged ? { tags } : {}),
        }));
        const cells = new PeerCells(size, sets);
        const expected = new Map<string, number>();
        for (let c = 0; c < size; c++) {
          const signature = sets
            .map(({ classes, tags: t }) => (!classes.has(c) ? '-' : t ? `in${t.of[c]}` : 'in'))
            .join(' ');
          if (!expected.has(signature)) expected.set(signature, c);
        }
        expect([...cells.firsts().values()]).toEqual([...expected.values()]);
        for (let a = 0; a < size; a++) {
          for (let b = 0; b < size; b++) {
            const same = cells.keyOf(a) === cells.keyOf(b);
            const sameSignature = sets.every(
              ({ classes, tags: t }) =>
                classes.has(a) === classes.has(b) && (!t || !classes.has(a) || t.of[a] === t.of[b]),
            );
            expect(same).toBe(sameSignature);
          }
        }
      }),
    );
  });
});
