/**
 * Whether two JSON values are equal: the same scalars, lists equal item by item, objects with equal fields
 * whatever their key order. A field that is `undefined` or `null` counts as absent, as in `diffValues`.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const aIsList = Array.isArray(a);
  if (aIsList !== Array.isArray(b)) return false;
  if (aIsList) return sameList(a as unknown[], b as unknown[]);
  return sameRecord(a as Record<string, unknown>, b as Record<string, unknown>);
}

function sameList(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let fields = 0;
  for (const key of Object.keys(a)) {
    const value = a[key];
    if (value == null) continue;
    if (!sameValue(value, Object.hasOwn(b, key) ? b[key] : undefined)) return false;
    fields++;
  }
  const keys = Object.keys(b);
  if (keys.length === fields) return true;
  for (const key of keys) if (b[key] != null) fields--;
  return fields === 0;
}
