import { Bitset } from './bitset';
import type { RefiningSet } from './class-tags';

/** Names a cell: a number while every set's choices multiply below 2^53, else a text. */
export type CellKey = number | string;

/**
 * The cells of some peer sets over `size` classes: two classes share a cell iff they belong to the same sets
 * (with the same tag, for sets that have tags). Rules that tell peers apart only by such membership give every
 * class of a cell one verdict. A class's cell is computed from the sets when asked for, so that a row of
 * verdicts keeps the rules' sets and one verdict per cell, not an entry per class.
 */
export class PeerCells {
  /** The classes in some set; undefined when there are no sets. */
  private readonly union: Bitset | undefined;
  /** Per set, how many choices a class has: out, or in (one per tag). */
  private readonly choices: number[];
  private readonly numeric: boolean;
  /** The one set, when there is one and it has no tags (most rows): a class's key is whether it is a member. */
  private readonly single: Bitset | undefined;

  constructor(
    readonly size: number,
    private readonly sets: readonly RefiningSet[],
  ) {
    this.choices = sets.map(({ tags }) => (tags === undefined ? 2 : tags.count + 1));
    this.numeric = this.choices.reduce((product, n) => product * n, 1) <= Number.MAX_SAFE_INTEGER;
    this.single = sets.length === 1 && sets[0].tags === undefined ? sets[0].classes : undefined;
    if (sets.length === 1) this.union = sets[0].classes;
    else if (sets.length > 1) {
      const union = sets[0].classes.clone();
      for (let i = 1; i < sets.length; i++) union.orInPlace(sets[i].classes);
      this.union = union;
    }
  }

  /** The key of the cell of every class in no set. */
  get restKey(): CellKey {
    return this.numeric ? 0 : this.sets.map(() => 0).join(',');
  }

  /** The key of the cell of class `c`. */
  keyOf(c: number): CellKey {
    if (this.single !== undefined) return this.single.has(c) ? 1 : 0;
    const { sets } = this;
    if (this.numeric) {
      let key = 0;
      let scale = 1;
      for (let i = 0; i < sets.length; i++) {
        const { classes, tags } = sets[i];
        if (classes.has(c)) key += (tags === undefined ? 1 : 1 + tags.of[c]) * scale;
        scale *= this.choices[i];
      }
      return key;
    }
    return sets
      .map(({ classes, tags }) => (!classes.has(c) ? 0 : tags === undefined ? 1 : 1 + tags.of[c]))
      .join(',');
  }

  /** Each cell that holds some class, with its lowest class, in order of those classes. */
  firsts(): Map<CellKey, number> {
    const firsts = new Map<CellKey, number>();
    const rest = this.lowestInNoSet();
    const restKey = this.restKey;
    this.forEachInSome((c, key) => {
      if (rest >= 0 && rest < c && !firsts.has(restKey)) firsts.set(restKey, rest);
      if (!firsts.has(key)) firsts.set(key, c);
    });
    if (rest >= 0 && !firsts.has(restKey)) firsts.set(restKey, rest);
    return firsts;
  }

  /** Calls `fn` for every class in some set, ascending, with the key of its cell. */
  forEachInSome(fn: (c: number, key: CellKey) => void): void {
    const { union } = this;
    if (union === undefined) return;
    if (this.single !== undefined) union.forEach((c) => fn(c, 1));
    else union.forEach((c) => fn(c, this.keyOf(c)));
  }

  /** The lowest class in no set; -1 when every class is in some set. */
  lowestInNoSet(): number {
    return this.union === undefined ? (this.size > 0 ? 0 : -1) : this.union.lowestMissing();
  }
}
