import { childPath } from './field-path';
import type { ReportProblem } from './problem-report';

/**
 * Type checks for decoded JSON/YAML. Each `read*` returns the field's value when it has the expected
 * JSON type, `undefined` when it is absent (or `null`, which the API server treats as absent), and reports
 * a problem (returning `undefined`) when it has another type, so that a wrong type is a problem at
 * that path and never a crash further on.
 */

export type JsonObject = Record<string, unknown>;

/** A mapping: an object that is not null and not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a string`, `a list`, `a mapping`, ... for messages. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'object':
      return 'a mapping';
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}

function wrongType(report: ReportProblem, path: string, expected: string, value: unknown): undefined {
  report(path, `must be ${expected}, not ${describeJsonType(value)}`);
  return undefined;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A mapping field (see above). */
export function readObject(
  parent: JsonObject,
  field: string,
  path: string,
  report: ReportProblem,
): JsonObject | undefined {
  const value = parent[field];
  if (!present(value)) return undefined;
  return isJsonObject(value) ? value : wrongType(report, childPath(path, field), 'a mapping', value);
}

/** A list field (see above). */
export function readArray(
  parent: JsonObject,
  field: string,
  path: string,
  report: ReportProblem,
): unknown[] | undefined {
  const value = parent[field];
  if (!present(value)) return undefined;
  return Array.isArray(value) ? value : wrongType(report, childPath(path, field), 'a list', value);
}

// A NUL character, or half of a UTF-16 surrogate pair without the other (JSON's `"\ud800"`): no field of
// a Kubernetes object means either, and a database cannot store them as text.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string is not text podreach can keep, or undefined when it is. */
export function textError(value: string): string | undefined {
  return NOT_TEXT.test(value) ? 'must not contain NUL characters or unpaired UTF-16 surrogates' : undefined;
}

/** A string field (see above) that is text: NUL characters and unpaired surrogates are a problem too. */
export function readString(
  parent: JsonObject,
  field: string,
  path: string,
  report: ReportProblem,
): string | undefined {
  const value = parent[field];
  if (!present(value)) return undefined;
  if (typeof value !== 'string') return wrongType(report, childPath(path, field), 'a string', value);
  const error = textError(value);
  if (error === undefined) return value;
  report(childPath(path, field), error);
  return undefined;
}

/** An integer field (see above); `80.5` and `"80"` are not integers. */
export function readInteger(
  parent: JsonObject,
  field: string,
  path: string,
  report: ReportProblem,
): number | undefined {
  const value = parent[field];
  if (!present(value)) return undefined;
  return Number.isSafeInteger(value)
    ? (value as number)
    : wrongType(report, childPath(path, field), 'an integer', value);
}

/** A boolean field (see above). */
export function readBoolean(
  parent: JsonObject,
  field: string,
  path: string,
  report: ReportProblem,
): boolean | undefined {
  const value = parent[field];
  if (!present(value)) return undefined;
  return typeof value === 'boolean' ? value : wrongType(report, childPath(path, field), 'a boolean', value);
}

/** Reports `Required value` when the field is absent. Returns whether it is present. */
export function requireField(
  parent: JsonObject,
  field: string,
  path: string,
  report: ReportProblem,
): boolean {
  if (present(parent[field])) return true;
  report(childPath(path, field), 'is required');
  return false;
}

/** Each element of a list that must hold mappings, with its path; wrong elements are reported. */
export function objectElements(
  list: unknown[],
  path: string,
  report: ReportProblem,
): { item: JsonObject; path: string }[] {
  const out: { item: JsonObject; path: string }[] = [];
  list.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (isJsonObject(item)) out.push({ item, path: itemPath });
    else wrongType(report, itemPath, 'a mapping', item);
  });
  return out;
}
