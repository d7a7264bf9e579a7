import { createHash } from 'node:crypto';
import type { K8sObject } from '../model/objects';

/**
 * JSON with object keys in sorted order at every level (arrays keep their order), so that two equal
 * values serialize to the same text whatever order their keys were written in. `undefined` fields are
 * left out, as `JSON.stringify` does.
 *
 * A value whose keys already are in that order (as the normalizers build objects) is handed to the
 * native `JSON.stringify`, several times faster than writing it here; the check cannot change the text.
 */
export function canonicalJson(value: unknown): string {
  return isInCanonicalOrder(value) ? (JSON.stringify(value) ?? 'null') : writeCanonicalJson(value);
}

/**
 * Whether `JSON.stringify` writes `value` as `canonicalJson` would: plain objects and arrays only (no
 * `toJSON`, which it would call), no values it leaves out or cannot write but `canonicalJson` writes as
 * `null`, and each object's keys in strictly ascending order. Integer-like keys fail the last test when
 * they are not in text order, since JavaScript lists them first, in numeric order.
 */
function isInCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
  }
  if (Array.isArray(value)) {
    for (const item of value) if (!isInCanonicalOrder(item)) return false;
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  for (const key of Object.keys(record)) {
    if ((previous !== undefined && previous >= key) || !isInCanonicalOrder(record[key])) return false;
    previous = key;
  }
  return true;
}

function writeCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + writeCanonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${writeCanonicalJson(record[key])}`;
  }
  return `${out}}`;
}

/**
 * sha256 (hex) of the canonical JSON of a value. A list is hashed element by element, so a snapshot
 * of 200k objects never becomes one giant string.
 */
export function contentHashOf(value: unknown): string {
  if (Array.isArray(value)) return contentHashOfList(value.map((item) => canonicalJson(item)));
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** `contentHashOf` a list, given the canonical JSON of each of its elements. */
export function contentHashOfList(canonicalTexts: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update('[');
  canonicalTexts.forEach((text, i) => hash.update(i > 0 ? `,${text}` : text));
  hash.update(']');
  return hash.digest('hex');
}

/** A text whose plain order is the canonical order of objects: by kind, namespace (none first), name. */
function sortKey(object: K8sObject): string {
  return `${object.kind}\u0000${'namespace' in object ? object.namespace : ''}\u0000${object.name}`;
}

/** Objects in canonical order: by kind, namespace (cluster-scoped first), name. */
export function inCanonicalOrder(objects: Iterable<K8sObject>): K8sObject[] {
  return [...objects]
    .map((object) => ({ key: sortKey(object), object }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.object);
}
