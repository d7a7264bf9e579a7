/**
 * Reachability matrices as the Kubernetes e2e network-policy suite prints them: one row per source, one
 * column per destination, `.` allowed, `X` denied, `-` not asked (address to address). Expected matrices are
 * written as a default plus exceptions, e.g. `{ allow: false, except: ['x/* -> x/a', '10.9.9.9 -> *'] }`.
 */

/** Pairs keyed `src -> dst`, each allowed or not. */
export type Reachability = Map<string, boolean>;

/** A default for every pair plus the pairs that differ; a pod always reaches itself whatever the default. */
export interface Expectation {
  allow: boolean;
  /**
   * Pairs `from -> to` whose answer is the opposite of the default. Each side is a comma-separated list of
   * `*` (every endpoint), `x/a` (one pod), a star for the pod (`x/` then `*`: every pod of namespace x) or
   * for the namespace (pod a of every namespace), or an outside address.
   */
  except?: string[];
}

function isAddress(endpoint: string): boolean {
  return !endpoint.includes('/');
}

function sideMatches(side: string, endpoint: string): boolean {
  return side.split(',').some((item) => {
    const pattern = item.trim();
    if (pattern === '*') return true;
    if (isAddress(pattern) || isAddress(endpoint)) return pattern === endpoint;
    const [ns, name] = pattern.split('/');
    const [endpointNs, endpointName] = endpoint.split('/');
    return (ns === '*' || ns === endpointNs) && (name === '*' || name === endpointName);
  });
}

/** Address-to-address pairs are left out: no policy of the cluster decides them. */
function pairKeys(endpoints: readonly string[]): string[] {
  return endpoints.flatMap((src) =>
    endpoints.filter((dst) => !(isAddress(src) && isAddress(dst))).map((dst) => `${src} -> ${dst}`),
  );
}

/** Expands an expectation over the endpoints; an exception that matches no pair is a typo and throws. */
export function expectedReachability(endpoints: readonly string[], expectation: Expectation): Reachability {
  const matrix: Reachability = new Map(pairKeys(endpoints).map((key) => [key, expectation.allow]));
  for (const exception of expectation.except ?? []) {
    const [from, to] = exception.split('->');
    if (to === undefined) throw new Error(`exception is not \`from -> to\`: ${exception}`);
    const keys = [...matrix.keys()].filter((key) => {
      const [src, dst] = key.split(' -> ');
      return sideMatches(from, src) && sideMatches(to, dst);
    });
    if (keys.length === 0) throw new Error(`exception matches no pair: ${exception}`);
    for (const key of keys) matrix.set(key, !expectation.allow);
  }
  for (const endpoint of endpoints.filter((e) => !isAddress(e)))
    matrix.set(`${endpoint} -> ${endpoint}`, true);
  return matrix;
}

/** Prints a matrix as a grid: rows are sources, columns destinations. */
export function renderGrid(endpoints: readonly string[], matrix: Reachability): string {
  const width = Math.max(...endpoints.map((endpoint) => endpoint.length));
  const cell = (text: string) => text.padEnd(width);
  const rows = endpoints.map((src) =>
    [
      cell(src),
      ...endpoints.map((dst) => {
        const allowed = matrix.get(`${src} -> ${dst}`);
        if (allowed === undefined) return cell('-');
        return cell(allowed ? '.' : 'X');
      }),
    ].join(' '),
  );
  return [[cell('-'), ...endpoints.map(cell)].join(' '), ...rows].map((line) => line.trimEnd()).join('\n');
}
