/**
 * Field paths in the API's own terms, as the API server prints them: `spec.ingress[0].ports[1].endPort`,
 * `metadata.labels["app.kubernetes.io/name"]`. A key that is a plain identifier is written with a dot,
 * any other key is bracket-quoted so that the path can be read back without ambiguity.
 */

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `parent.field`, or `field` at the root. */
export function childPath(parent: string, field: string): string {
  return parent === '' ? field : `${parent}.${field}`;
}

/** `parent[index]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** `parent.key` for identifiers, else `parent["key"]` (for map keys such as label names). */
export function keyPath(parent: string, key: string): string {
  return PLAIN_IDENTIFIER.test(key) ? childPath(parent, key) : `${parent}[${JSON.stringify(key)}]`;
}
