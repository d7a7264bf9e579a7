import fc from 'fast-check';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures';
import {
  describeResponse,
  expectStillServing,
  FUZZ_ENV,
  FUZZ_SEED,
  FUZZ_TIMEOUT_MS,
  fuzzParameters,
} from './support/fuzz-checks';
import { abusiveQuery, damagedQuery, randomQuery, type GraphqlPools } from './support/fuzz-graphql';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

/**
 * Random GraphQL requests over stored snapshots: whatever the query, its arguments or its variables,
 * the answer is never a 5xx, and every error carries `extensions.code` (never INTERNAL). On failure
 * fast-check prints the seed and path: replay with FUZZ_SEED=<seed>.
 */
let t: TestApp;
let pools: GraphqlPools;

async function store(file: string, cluster: string): Promise<string> {
  const res = await upload(t, `cluster=${cluster}`, fixture(file), { contentType: 'application/yaml' });
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  t = await startTestApp({ env: FUZZ_ENV });
  const clusters = [uniqueCluster('gqlfuzz'), uniqueCluster('gqlfuzz')];
  const ids = [
    await store('reachability/cluster.yaml', clusters[0]),
    await store('diff/base.yaml', clusters[1]),
    await store('diff/head.yaml', clusters[1]),
  ];
  pools = {
    ids,
    clusters,
    strings: [
      ...['shop', 'payments', 'monitoring', 'billing', 'web', 'db', 'api', 'debug', 'web-7d9f-a', 'db-0'],
      ...['Deployment', 'StatefulSet', 'pod', 'Pod', 'ReplicaSet', 'shop/web', 'payments/db', 'payments/api'],
      ...[
        'shop/Deployment/web',
        'payments/StatefulSet/db',
        'payments/Pod/debug',
        '10.1.0.1',
        '10.2.0.1',
        '::1',
      ],
      ...[
        'app=web',
        'app in (db,web)',
        '!app',
        'app notin (',
        'a=b=c',
        'app',
        'b2Zmc2V0',
        'bzE',
        'bzk5OTk5OTk5OQ',
      ],
      ...['kind: Namespace\napiVersion: v1\nmetadata: {name: x}', '[[[[', '{"kind": 1}', '---\n---', 'null'],
      ...ids,
    ],
  };
});

afterAll(async () => {
  await t?.close();
});

/** POSTs a GraphQL request body as JSON. */
function post(body: unknown) {
  return t.http().post('/graphql').set('content-type', 'application/json').send(JSON.stringify(body));
}

/** Never a 5xx; a JSON answer's errors each carry a code, and no error is the service's fault. */
function expectGraphqlAnswer(res: Response, query: unknown): void {
  const context = `${describeResponse(res)}\nfor ${JSON.stringify(query).slice(0, 1500)}`;
  expect(res.status < 500, context).toBe(true);
  expect(res.headers['content-type'], context).toMatch(/^application\/(graphql-response\+)?json/);
  const errors: { extensions?: { code?: unknown } }[] = res.body?.errors ?? [];
  if (res.status >= 400) expect(errors.length + (res.body?.error ? 1 : 0), context).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error.extensions?.code, context).toBe('string');
    expect(error.extensions?.code, context).not.toBe('INTERNAL');
  }
}

describe(`fuzzed GraphQL (seed ${FUZZ_SEED})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('random valid queries over the schema with random argument values', async () => {
    let executed = 0;
    const runs = 150;
    await fc.assert(
      fc.asyncProperty(randomQuery(pools, 'valid'), async (query) => {
        const res = await post({ query });
        expectGraphqlAnswer(res, query);
        // Apollo answers 200 once an operation ran, whatever its resolvers threw.
        if (res.status === 200) executed += 1;
      }),
      fuzzParameters(runs),
    );
    // A fuzzer whose queries mostly failed validation would hardly reach a resolver.
    expect(executed).toBeGreaterThan(fuzzParameters(runs).numRuns! / 2);
    await expectStillServing(t);
  });

  it('sloppy queries: unknown fields and arguments, wrong types, numbers out of range', async () => {
    await fc.assert(
      fc.asyncProperty(randomQuery(pools, 'sloppy'), async (query) => {
        expectGraphqlAnswer(await post({ query }), query);
      }),
      fuzzParameters(60),
    );
    await expectStillServing(t);
  });

  it('deep nesting, many aliases, fragment cycles, huge pages, other operation types', async () => {
    await fc.assert(
      fc.asyncProperty(abusiveQuery(pools), async (query) => {
        expectGraphqlAnswer(await post({ query }), query);
      }),
      fuzzParameters(40),
    );
    await expectStillServing(t);
  });

  it('queries damaged until they no longer parse', async () => {
    await fc.assert(
      fc.asyncProperty(damagedQuery(randomQuery(pools, 'valid')), async (query) => {
        expectGraphqlAnswer(await post({ query }), query);
      }),
      fuzzParameters(60),
    );
    await expectStillServing(t);
  });

  it('variables of every type and none', async () => {
    const query = `query Fuzz($id: ID!, $first: Int, $after: String, $protocol: Protocol, $port: Int, $text: String!,
      $deletions: [WhatIfDeletionInput!]!, $manifests: String!, $flag: Boolean!) {
      snapshot(id: $id) {
        workloads(first: $first, after: $after, labelSelector: $after) { nodes { name kind } }
        whoCanReach(namespace: $text, name: $text, kind: $after, protocol: $protocol, port: $port, ipBlockMatchesPods: $flag) {
          isolated
        }
        check(from: $text, to: $text, port: $port) { allowed }
      }
      whatIf(snapshot: $id, manifests: $manifests, deletions: $deletions) { summary { added removed } }
    }`;
    const word = fc.constantFrom(...pools.strings);
    const weird = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(2 ** 31, -1, 1e308, 0.5, '', null));
    // Each variable mostly of its type, so that many requests get past variable coercion.
    const typed = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary }, weird);
    const variables = fc.record(
      {
        id: typed(fc.constantFrom(...pools.ids)),
        first: typed(fc.integer({ min: -1, max: 1001 })),
        after: typed(word),
        protocol: typed(fc.constantFrom('TCP', 'UDP', 'SCTP')),
        port: typed(fc.integer({ min: -1, max: 65_536 })),
        text: typed(word),
        deletions: typed(fc.array(fc.record({ kind: word, name: word, namespace: word }), { maxLength: 2 })),
        manifests: typed(
          fc.constantFrom('', 'kind: Namespace\nmetadata: {name: shop}', '[[[', '{"kind": 1}'),
        ),
        flag: typed(fc.boolean()),
        extra: weird,
      },
      { requiredKeys: ['id', 'text', 'deletions', 'manifests', 'flag'] },
    );
    let executed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 9, arbitrary: variables }, fc.jsonValue({ maxDepth: 1 })),
        async (values) => {
          const res = await post({ query, variables: values });
          expectGraphqlAnswer(res, values);
          if (res.status === 200) executed += 1;
        },
      ),
      fuzzParameters(60),
    );
    expect(executed).toBeGreaterThan(fuzzParameters(60).numRuns! / 4);
    await expectStillServing(t);
  });

  it.each([
    { what: 'a subscription', body: { query: 'subscription { clusters { totalCount } }' } },
    { what: 'a mutation', body: { query: 'mutation { clusters { totalCount } }' } },
    {
      what: 'an operation name for an anonymous query',
      body: { query: '{ clusters { totalCount } }', operationName: 'x' },
    },
    {
      what: 'a variable of the wrong type',
      body: { query: 'query($n: Int) { clusters(first: $n) { totalCount } }', variables: { n: 'x' } },
    },
    {
      what: 'a missing required variable',
      body: { query: 'query($n: Int!) { clusters(first: $n) { totalCount } }' },
    },
  ])('$what is a request error (400), not a fault', async ({ body }) => {
    const res = await post(body);
    expectGraphqlAnswer(res, body);
    expect(res.status, describeResponse(res)).toBe(400);
  });

  it('request bodies that are not a GraphQL request, other media types, GET', async () => {
    const someQuery = fc.constant('{ clusters { totalCount } }');
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record({ query: fc.jsonValue({ maxDepth: 1 }) }),
      fc.record({ query: someQuery, operationName: fc.jsonValue({ maxDepth: 1 }) }),
      fc.record({ query: someQuery, extensions: fc.jsonValue({ maxDepth: 2 }) }),
      fc.array(fc.record({ query: someQuery }), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (request) => {
        expectGraphqlAnswer(await post(request), request);
      }),
      fuzzParameters(40),
    );
    const mediaType = fc.constantFrom(
      'text/plain',
      'application/graphql',
      'application/x-www-form-urlencoded',
    );
    await fc.assert(
      fc.asyncProperty(mediaType, fc.string({ unit: 'binary', maxLength: 80 }), async (contentType, text) => {
        const res = await t.http().post('/graphql').set('content-type', contentType).send(text);
        expectGraphqlAnswer(res, text);
      }),
      fuzzParameters(20),
    );
    await fc.assert(
      fc.asyncProperty(randomQuery(pools, 'valid'), async (query) => {
        const res = await t.http().get('/graphql').query({ query }).set('apollo-require-preflight', 'true');
        expectGraphqlAnswer(res, query);
      }),
      fuzzParameters(20),
    );
    await expectStillServing(t);
  });
});
