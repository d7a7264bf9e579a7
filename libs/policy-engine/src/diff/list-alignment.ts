import { canonicalJson } from '../parse/canonical-json';
import { factsOf, similarity } from './similarity';

/** How two versions of a list line up: which items are unchanged, changed in place, removed or added. */
export interface ListAlignment {
  /** Positions whose item changed in place: the same index in both lists, to be diffed field by field. */
  changed: number[];
  /** Indices in the old list of items that are gone. */
  removed: number[];
  /** Indices in the new list of items that are new. */
  added: number[];
}

/**
 * Lines up two lists by content. Equal items (by canonical JSON) are matched first: in order for an ordered
 * list (longest common subsequence), regardless of order for a set-like one (multiset). An unmatched old item
 * and an unmatched new item at the same index (and, in an ordered list, between the same matched items) are
 * the same item changed in place, unless either has a strictly more similar unmatched counterpart. Every
 * decision depends on content only, never on which list is the old one, so swapping the lists swaps
 * `removed` and `added` and nothing else.
 */
export function alignLists(
  before: readonly unknown[],
  after: readonly unknown[],
  ordered: boolean,
): ListAlignment {
  const beforeKeys = before.map((item) => canonicalJson(item ?? null));
  const afterKeys = after.map((item) => canonicalJson(item ?? null));
  const matches = ordered ? orderedMatches(beforeKeys, afterKeys) : multisetMatches(beforeKeys, afterKeys);

  const beforeGap = gapsOf(before.length, matches, 0, ordered);
  const afterGap = gapsOf(after.length, matches, 1, ordered);
  for (const [i, j] of matches) {
    beforeGap[i] = -1;
    afterGap[j] = -1;
  }
  const unmatchedBefore = indicesWhere(beforeGap, (gap) => gap >= 0);
  const unmatchedAfter = indicesWhere(afterGap, (gap) => gap >= 0);

  const beforeFacts = new FactCache(before);
  const afterFacts = new FactCache(after);
  const changed = unmatchedBefore.filter((i) => {
    if (i >= after.length || afterGap[i] !== beforeGap[i]) return false;
    const gap = beforeGap[i];
    const score = similarity(beforeFacts.of(i), afterFacts.of(i));
    const betterAfter = unmatchedAfter.some(
      (j) => j !== i && afterGap[j] === gap && similarity(beforeFacts.of(i), afterFacts.of(j)) > score,
    );
    const betterBefore = unmatchedBefore.some(
      (k) => k !== i && beforeGap[k] === gap && similarity(beforeFacts.of(k), afterFacts.of(i)) > score,
    );
    return !betterAfter && !betterBefore;
  });
  const inPlace = new Set(changed);
  return {
    changed,
    removed: unmatchedBefore.filter((i) => !inPlace.has(i)),
    added: unmatchedAfter.filter((j) => !inPlace.has(j)),
  };
}

/**
 * Longest common subsequence of two key lists, as (before, after) index pairs. Ties between skipping an old
 * and a new item are broken by content (the smaller key is skipped), so the answer is the same with the
 * lists swapped.
 */
function orderedMatches(before: string[], after: string[]): [number, number][] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const matches: [number, number][] = [];
  for (let k = 0; k < start; k++) matches.push([k, k]);

  const n = endBefore - start;
  const m = endAfter - start;
  const width = m + 1;
  // suffix[i * width + j]: length of the LCS of before[start + i..] and after[start + j..] (middle part).
  const suffix = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      suffix[i * width + j] =
        before[start + i] === after[start + j]
          ? suffix[(i + 1) * width + j + 1] + 1
          : Math.max(suffix[(i + 1) * width + j], suffix[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const b = before[start + i];
    const a = after[start + j];
    const skipBefore = suffix[(i + 1) * width + j];
    const skipAfter = suffix[i * width + j + 1];
    if (b === a) matches.push([start + i++, start + j++]);
    else if (skipBefore > skipAfter || (skipBefore === skipAfter && b < a)) i++;
    else j++;
  }
  for (let k = 0; k < before.length - endBefore; k++) matches.push([endBefore + k, endAfter + k]);
  return matches;
}

/** Equal keys matched regardless of position: the k-th occurrence in one list with the k-th in the other. */
function multisetMatches(before: string[], after: string[]): [number, number][] {
  const waiting = new Map<string, number[]>();
  after.forEach((key, j) => {
    const queue = waiting.get(key);
    if (queue) queue.push(j);
    else waiting.set(key, [j]);
  });
  const matches: [number, number][] = [];
  before.forEach((key, i) => {
    const j = waiting.get(key)?.shift();
    if (j !== undefined) matches.push([i, j]);
  });
  return matches;
}

/**
 * For each index of one list, the gap it lies in: how many matched items of that list come before it
 * (ordered lists), or 0 for all (set-like lists, where position carries no meaning beyond the index).
 */
function gapsOf(length: number, matches: [number, number][], side: 0 | 1, ordered: boolean): number[] {
  const gaps = new Array<number>(length).fill(0);
  if (!ordered) return gaps;
  const matched = new Uint8Array(length);
  for (const pair of matches) matched[pair[side]] = 1;
  let seen = 0;
  for (let k = 0; k < length; k++) {
    gaps[k] = seen;
    seen += matched[k];
  }
  return gaps;
}

function indicesWhere(values: number[], test: (value: number) => boolean): number[] {
  const indices: number[] = [];
  values.forEach((value, index) => {
    if (test(value)) indices.push(index);
  });
  return indices;
}

/** Facts of list items, computed on first use: most lists need none. */
class FactCache {
  private readonly facts = new Map<number, Set<string>>();

  constructor(private readonly items: readonly unknown[]) {}

  of(index: number): Set<string> {
    let facts = this.facts.get(index);
    if (facts === undefined) {
      facts = factsOf(this.items[index]);
      this.facts.set(index, facts);
    }
    return facts;
  }
}
