import type { Bitset } from './bitset';

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
