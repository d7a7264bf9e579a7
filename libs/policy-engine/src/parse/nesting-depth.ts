/**
 * Deepest nesting of arrays and objects an upload may have. Kubernetes objects nest a few dozen levels at
 * most; much deeper input would overflow the stack of recursive code downstream (`JSON.stringify` fails
 * near 5000 levels, the builder's flattening of nested lists far sooner).
 */
export const MAX_NESTING_DEPTH = 1000;

/**
 * Whether parsed JSON or YAML nests arrays and objects deeper than `max` levels (`[]` is one level, a
 * scalar none). Walks with its own stack, so that measuring never overflows the call stack it protects;
 * two flat stacks rather than one of pairs, as this runs over every value of large uploads (about a
 * tenth of the time `JSON.parse` took to make them).
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const values: unknown[] = [];
  const depths: number[] = [];
  const visit = (child: unknown, depth: number) => {
    if (typeof child === 'object' && child !== null) {
      values.push(child);
      depths.push(depth);
    }
  };
  visit(value, 1);
  while (values.length > 0) {
    const item = values.pop() as Record<string, unknown> | unknown[];
    const depth = depths.pop()!;
    if (depth > max) return true;
    if (Array.isArray(item)) for (const child of item) visit(child, depth + 1);
    else for (const key in item) visit(item[key], depth + 1);
  }
  return false;
}
