import fc from 'fast-check';

/**
 * Random REST requests for the fuzz tests: every route of the API with random values for each of its
 * path and query parameters (values of the snapshots under test, so that requests get past the lookups,
 * mixed with random text, unicode, huge numbers, repeated parameters and broken percent-escapes).
 */

/** Values worth trying, beyond random text, for the parameters of the stored snapshots. */
export interface RestPools {
  /** Ids of stored snapshots. */
  ids: string[];
  /** Namespaces, names, kinds, references, selectors of those snapshots. */
  words: string[];
}

/** One route: its method and path (`:param` for path parameters) and the query parameters it reads. */
export interface Route {
  method: 'get' | 'delete' | 'put';
  path: string;
  query: string[];
}

const ANALYSIS = ['protocol', 'port', 'ipBlockMatchesPods', 'granularity'];

/** Every route that takes parameters, uploads and what-if aside (their bodies have their own tests). */
export const ROUTES: readonly Route[] = [
  { method: 'get', path: '/api/v1/snapshots', query: ['cluster', 'limit', 'cursor'] },
  { method: 'get', path: '/api/v1/snapshots/:id', query: [] },
  { method: 'delete', path: '/api/v1/snapshots/:id', query: [] },
  { method: 'get', path: '/api/v1/clusters', query: [] },
  { method: 'get', path: '/api/v1/clusters/:name/retention', query: [] },
  { method: 'get', path: '/api/v1/snapshots/:id/check', query: ['from', 'to', ...ANALYSIS] },
  { method: 'get', path: '/api/v1/snapshots/:id/connectivity', query: ['format', ...ANALYSIS] },
  { method: 'get', path: '/api/v1/snapshots/:id/workloads', query: ['namespace', 'selector'] },
  { method: 'get', path: '/api/v1/snapshots/:id/workloads/:namespace/:kind/:name', query: [] },
  { method: 'get', path: '/api/v1/snapshots/:id/workloads/:namespace/:kind/:name/ingress', query: ANALYSIS },
  { method: 'get', path: '/api/v1/snapshots/:id/workloads/:namespace/:kind/:name/egress', query: ANALYSIS },
  { method: 'get', path: '/api/v1/snapshots/:id/pods/:namespace/:name', query: [] },
  { method: 'get', path: '/api/v1/snapshots/:id/pods/:namespace/:name/ingress', query: ANALYSIS },
  { method: 'get', path: '/api/v1/snapshots/:id/pods/:namespace/:name/egress', query: ANALYSIS },
  { method: 'get', path: '/api/v1/diff', query: ['base', 'head', 'format', 'ipBlockMatchesPods'] },
  { method: 'delete', path: '/api/v1/keys/:id', query: [] },
  { method: 'get', path: '/healthz', query: [] },
  { method: 'get', path: '/readyz', query: [] },
];

/** Text a parameter may be given: valid-looking values, edge cases and random strings. */
function parameterValue(pools: RestPools, name: string): fc.Arbitrary<string> {
  const typed: Record<string, string[]> = {
    port: ['1', '80', '65535', '0', '65536', '-1', '8080.5', '1e3', '0x50', '99999999999999999999', ' 80'],
    protocol: ['TCP', 'udp', 'Sctp', 'ICMP', 'tcp ', ''],
    ipBlockMatchesPods: ['true', 'false', 'TRUE', '1', 'yes', ''],
    granularity: ['pod', 'workload', 'Pod', 'node'],
    format: ['json', 'txt', 'md', 'csv', 'dot', 'JSON', 'xml', 'md;'],
    limit: ['1', '500', '501', '0', '-1', '1.5', '99999999999999999999', '1e2'],
    cursor: ['czE', 'czk5OTk5OTk5OTk5OTk5OTk5OTk5', 'czkyMjMzNzIwMzY4NTQ3NzU4MDg', 'eA', '===', '%%'],
  };
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ...(Object.hasOwn(typed, name) ? typed[name] : []),
        ...pools.words,
        ...pools.ids,
      ),
    },
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom(
      '',
      ' ',
      '..',
      '.',
      '/',
      '\\',
      '\u0000',
      '😀',
      'é'.repeat(3000),
      'a'.repeat(300),
      '__proto__',
      'constructor',
    ),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  );
}

/** Broken or surprising escapes, sent as they are instead of a percent-encoded value. */
const rawEscape = fc.constantFrom(
  ...['%', '%zz', '%E0%A4%A', '%00', '%2F', '%2e%2e', '%C0%AF', '%FF%FE', '%ED%A0%80', '%u0041', '+', '%20'],
);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encoded UTF-8 (a lone surrogate has none: `%ED%A0%80` above stands for it). */
const encode = (text: string) => encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));

/** A request: the route's path with every parameter filled in, and a query string of its parameters. */
export function routeRequest(
  pools: RestPools,
  routes: readonly Route[] = ROUTES,
): fc.Arbitrary<{ route: Route; url: string }> {
  return fc.constantFrom(...routes).chain((route) => {
    const names = route.path.match(/:\w+/g) ?? [];
    const pathValues = fc.tuple(
      ...names.map((name) =>
        fc.oneof({ weight: 5, arbitrary: parameterValue(pools, name.slice(1)).map(encode) }, rawEscape),
      ),
    );
    const queryNames = [...route.query, 'unknown', 'limit', '__proto__'];
    const queryPart = fc.array(
      fc.tuple(
        fc.constantFrom(...queryNames),
        fc.oneof(
          {
            weight: 5,
            arbitrary: fc
              .constantFrom(...queryNames)
              .chain((name) => parameterValue(pools, name))
              .map(encode),
          },
          rawEscape,
        ),
      ),
      { maxLength: 6 },
    );
    return fc.tuple(pathValues, queryPart).map(([values, query]) => {
      let path = route.path;
      names.forEach((name, i) => {
        path = path.replace(name, values[i]);
      });
      const search = query.map(([name, value]) => `${name}=${value}`).join('&');
      return { route, url: search === '' ? path : `${path}?${search}` };
    });
  });
}
