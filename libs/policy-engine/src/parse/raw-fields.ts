import { isJsonObject, type JsonObject } from '../validate';

/**
 * Typed reads of fields that validation has already checked. Each returns `undefined` for an absent or
 * mistyped field, so normalization stays total even on input it was never meant to see.
 */

/** A mapping field. */
export function objectField(parent: JsonObject | undefined, field: string): JsonObject | undefined {
  const value = parent?.[field];
  return isJsonObject(value) ? value : undefined;
}

/** A list field. */
export function arrayField(parent: JsonObject | undefined, field: string): unknown[] | undefined {
  const value = parent?.[field];
  return Array.isArray(value) ? value : undefined;
}

/** The mappings of a list, skipping anything else. */
export function objectsIn(list: unknown[] | undefined): JsonObject[] {
  return (list ?? []).filter(isJsonObject);
}

/** A string field. */
export function stringField(parent: JsonObject | undefined, field: string): string | undefined {
  const value = parent?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** An integer field. */
export function integerField(parent: JsonObject | undefined, field: string): number | undefined {
  const value = parent?.[field];
  return Number.isSafeInteger(value) ? (value as number) : undefined;
}

/** A boolean field. */
export function booleanField(parent: JsonObject | undefined, field: string): boolean | undefined {
  const value = parent?.[field];
  return typeof value === 'boolean' ? value : undefined;
}

/** A string map (labels, matchLabels) with keys in sorted order, so equal maps serialize equally. */
export function stringMap(value: unknown): Record<string, string> {
  if (!isJsonObject(value)) return {};
  const out: Record<string, string> = {};
  for (const key of Object.keys(value).sort()) {
    const entry = value[key];
    if (typeof entry === 'string') out[key] = entry;
  }
  return out;
}
