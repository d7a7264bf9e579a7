import { compareText } from '../model/snapshot-model-types';
import { fieldPath, itemPath } from './field-path';
import { alignLists } from './list-alignment';
import { sameValue } from './same-value';

/** One changed field: its path in API terms and its value before and after (`null` where absent). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface DiffOptions {
  /**
   * Whether the list reached through these field names (list indices left out, e.g.
   * `['spec', 'ingress', 'from']`) is a set, whose order means nothing: reordering it is no change.
   * Lists are ordered unless this says otherwise.
   */
  isSetLike?: (listFields: readonly string[]) => boolean;
}

type JsonRecord = Record<string, unknown>;

/**
 * The structural diff of two JSON values: the fields that differ, each with its path (below `path`, `''` at
 * the root), in a deterministic order (object keys sorted, list positions ascending). A field present on
 * one side only is `null` on the other. Lists are matched by content (see `alignLists`): an inserted item
 * is one change at its new index (`before: null`), a removed item one change at its old index
 * (`after: null`), and an item changed in place is diffed field by field inside it.
 */
export function diffValues(
  before: unknown,
  after: unknown,
  path = '',
  options: DiffOptions = {},
): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, path, [], options, changes);
  return changes;
}

function walk(
  before: unknown,
  after: unknown,
  path: string,
  fields: readonly string[],
  options: DiffOptions,
  changes: FieldChange[],
): void {
  if (before === after || (before == null && after == null)) return;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareText);
    for (const key of keys) {
      walk(own(before, key), own(after, key), fieldPath(path, key), [...fields, key], options, changes);
    }
  } else if (Array.isArray(before) && Array.isArray(after)) {
    walkList(before, after, path, fields, options, changes);
  } else {
    changes.push({ path, before: before ?? null, after: after ?? null });
  }
}

function walkList(
  before: unknown[],
  after: unknown[],
  path: string,
  fields: readonly string[],
  options: DiffOptions,
  changes: FieldChange[],
): void {
  if (sameValue(before, after)) return;
  const ordered = !(options.isSetLike?.(fields) ?? false);
  const { changed, removed, added } = alignLists(before, after, ordered);
  // At one index a removal comes first, then a change in place, then an addition.
  const steps = [
    ...removed.map((index) => ({ index, rank: 0 })),
    ...changed.map((index) => ({ index, rank: 1 })),
    ...added.map((index) => ({ index, rank: 2 })),
  ].sort((x, y) => x.index - y.index || x.rank - y.rank);
  for (const { index, rank } of steps) {
    const at = itemPath(path, index);
    if (rank === 0) changes.push({ path: at, before: before[index] ?? null, after: null });
    else if (rank === 1) walk(before[index], after[index], at, fields, options, changes);
    else changes.push({ path: at, before: null, after: after[index] ?? null });
  }
}

/** A field's own value: a label named `constructor` must not read `Object.prototype.constructor`. */
function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
