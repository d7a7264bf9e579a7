import { createHash } from 'node:crypto';
import type { K8sObject } from '../model/objects';

/**
 * JSON with object keys in sorted order at every level (arrays keep their order), so that two equal
 * values serialize to the same text whatever order their keys were written in. `undefined` fields are
 * left out, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
  }
  return `${out}}`;
}

/**
 * sha256 (hex) of the canonical JSON of a value. A list is hashed element by element, so a snapshot
 * of 200k objects never becomes one giant string.
 */
export function contentHashOf(value: unknown): string {
  const hash = createHash('sha256');
  if (Array.isArray(value)) {
    hash.update('[');
    value.forEach((item, i) => hash.update(`${i > 0 ? ',' : ''}${canonicalJson(item)}`));
    hash.update(']');
  } else {
    hash.update(canonicalJson(value));
  }
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
