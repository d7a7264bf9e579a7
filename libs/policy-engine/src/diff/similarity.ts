/**
 * How alike two JSON values are, for deciding whether a list item that changed in place should be shown
 * field by field. A value is seen as the set of its facts (each container with its path, each leaf with
 * its path and value; list positions left out, as lists are matched by content) and two values are as
 * alike as the share of facts they have in common (Jaccard index, 0..1, symmetric).
 */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const fact of a) if (b.has(fact)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 1 : common / union;
}

/** The facts of a value, as `similarity` compares them. */
export function factsOf(value: unknown): Set<string> {
  const facts = new Set<string>();
  collect(value, '', facts);
  return facts;
}

function collect(value: unknown, prefix: string, facts: Set<string>): void {
  if (Array.isArray(value)) {
    facts.add(`${prefix}[]`);
    for (const item of value) collect(item, `${prefix}[*]`, facts);
  } else if (value !== null && typeof value === 'object') {
    facts.add(`${prefix}{}`);
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) collect(child, `${prefix}.${JSON.stringify(key)}`, facts);
    }
  } else {
    facts.add(`${prefix}?`);
    facts.add(`${prefix}=${JSON.stringify(value ?? null)}`);
  }
}
