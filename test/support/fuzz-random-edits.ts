import fc from 'fast-check';
import type { Manifest } from './fuzz-fixtures';
import { weirdValue } from './fuzz-values';

/** Random edits for the fuzz tests: drop, retype or duplicate any field of an object, or add one. */

type Step = string | number;

/** Every path to a value inside `value` (not the root itself). */
function pathsIn(value: unknown, prefix: Step[] = [], out: Step[][] = []): Step[][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsIn(item, [...prefix, i], out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsIn(item, [...prefix, key], out);
    }
  }
  return out;
}

/** A random change at the `pick`-th path of an object (modulo their number). */
export interface RandomEdit {
  op: 'drop' | 'retype' | 'duplicate' | 'add';
  pick: number;
  value: unknown;
}

export const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  op: fc.constantFrom<RandomEdit['op']>('drop', 'retype', 'duplicate', 'add'),
  pick: fc.nat(),
  value: weirdValue,
});

/** Applies a random edit in place; the whole object is replaced when it has no fields to pick. */
export function applyRandomEdit(object: Manifest, edit: RandomEdit): unknown {
  const paths = pathsIn(object);
  if (paths.length === 0) return edit.value;
  const path = paths[edit.pick % paths.length];
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, step) => (node as Manifest)[step], object) as Manifest;
  const last = path[path.length - 1];
  if (edit.op === 'drop') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (edit.op === 'retype') {
    parent[last] = edit.value;
  } else if (edit.op === 'duplicate') {
    if (Array.isArray(parent)) parent.push(structuredClone(parent[last as number]));
    else parent[`${last}-copy`] = structuredClone(parent[last]);
  } else {
    const target = parent[last];
    if (Array.isArray(target)) target.push(edit.value);
    else if (typeof target === 'object' && target !== null) (target as Manifest)['fuzz-added'] = edit.value;
    else parent[last] = edit.value;
  }
  return object;
}
