/** Field names that can be written after a dot; every other key is bracket-quoted. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The path of field `key` of the value at `parent`, in API terms: `spec.podSelector`, or
 * `spec.podSelector.matchLabels["app.kubernetes.io/name"]` for a key that is not a plain identifier
 * (quoted as a JSON string, so any key reads back unambiguously). `parent` is `''` at the root.
 */
export function fieldPath(parent: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path of item `index` of the list at `parent`: `spec.ingress[1]`. */
export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}
