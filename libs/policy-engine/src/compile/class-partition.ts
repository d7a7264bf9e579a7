import { Bitset } from './bitset';

/** A number per class (`of[class]`, in 0..count-1): classes with equal numbers share some property. */
export interface ClassTags {
  of: Int32Array;
  count: number;
}

/**
 * The classes one rule may match. With `tags`, members are also told apart by their tag: the rule allows a
 * different set toward classes with different named container ports.
 */
export interface RefiningSet {
  classes: Bitset;
  tags?: ClassTags;
}

/**
 * Classes split into parts, numbered in the order of their lowest class. Stored by the classes some set
 * holds, so that its size follows the rules rather than the number of classes.
 */
export interface ClassPartition {
  /** The number of classes. */
  size: number;
  /** The classes some set holds, ascending. */
  named: Int32Array;
  /** The part of each class of `named`. */
  partOfNamed: Int32Array;
  /** The lowest class of each part: one class that stands for all of them. */
  firsts: number[];
  /** The part of every class in no set; -1 when every class is in some set. */
  rest: number;
}

/**
 * Splits `size` classes into the coarsest parts in which two classes share a part iff they belong to the
 * same sets (with the same tag, for sets that have tags). Rules that tell peers apart only by such membership
 * then need one evaluation per part rather than one per class. Costs the members of every set, not a pass
 * over every class.
 */
export function partitionClasses(size: number, sets: readonly RefiningSet[]): ClassPartition {
  // Part 0 starts with every class; a class leaves it for good once some set holds it.
  const partOf = new Int32Array(size);
  const union = Bitset.empty(size);
  let parts = 1;
  const split = new Map<number, number>();
  for (const { classes, tags } of sets) {
    union.orInPlace(classes);
    split.clear();
    classes.forEach((c) => {
      // Each part splits into its members inside this set (one new part per tag) and those outside.
      const key = tags === undefined ? partOf[c] : partOf[c] * tags.count + tags.of[c];
      let part = split.get(key);
      if (part === undefined) {
        part = parts++;
        split.set(key, part);
      }
      partOf[c] = part;
    });
  }
  // Parts emptied by a split leave gaps: number the parts again, densely, in order of their lowest class.
  let lowestInNoSet = 0;
  while (lowestInNoSet < size && union.has(lowestInNoSet)) lowestInNoSet++;
  const renumbered = new Int32Array(parts).fill(-1);
  const firsts: number[] = [];
  const numberOf = (part: number, c: number): number => {
    if (renumbered[part] < 0) {
      renumbered[part] = firsts.length;
      firsts.push(c);
    }
    return renumbered[part];
  };
  const named = Int32Array.from(union.toArray());
  const partOfNamed = new Int32Array(named.length);
  named.forEach((c, i) => {
    if (c > lowestInNoSet) numberOf(0, lowestInNoSet);
    partOfNamed[i] = numberOf(partOf[c], c);
  });
  if (lowestInNoSet < size) numberOf(0, lowestInNoSet);
  return { size, named, partOfNamed, firsts, rest: renumbered[0] };
}

/** Numbers `size` classes by a text key: classes with equal keys get equal tags, in order of first use. */
export function tagClasses(size: number, keyOf: (c: number) => string): ClassTags {
  const of = new Int32Array(size);
  const tags = new Map<string, number>();
  for (let c = 0; c < size; c++) {
    const key = keyOf(c);
    let tag = tags.get(key);
    if (tag === undefined) {
      tag = tags.size;
      tags.set(key, tag);
    }
    of[c] = tag;
  }
  return { of, count: tags.size };
}
