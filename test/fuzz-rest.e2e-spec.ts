import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures';
import {
  describeResponse,
  expectStillServing,
  expectSuccessOrClientError,
  FUZZ_ENV,
  FUZZ_SEED,
  FUZZ_TIMEOUT_MS,
  fuzzParameters,
} from './support/fuzz-checks';
import { randomCase, targetedCase } from './support/fuzz-manifests';
import { expandTokens, weirdValue } from './support/fuzz-values';
import { ROUTES, routeRequest, type RestPools } from './support/fuzz-rest';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

/**
 * Random path and query parameters for every route, and random bodies for the routes that read one:
 * never a 5xx, every error in the one error shape, and the service keeps serving. On failure fast-check
 * prints the seed and path: replay with FUZZ_SEED=<seed>.
 */
let t: TestApp;
let pools: RestPools;
let clusters: string[];

async function store(file: string, cluster: string): Promise<string> {
  const res = await upload(t, `cluster=${cluster}&label=fuzz`, fixture(file), {
    contentType: 'application/yaml',
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  t = await startTestApp({ env: FUZZ_ENV });
  clusters = [uniqueCluster('restfuzz'), uniqueCluster('restfuzz')];
  const ids = [
    await store('reachability/cluster.yaml', clusters[0]),
    await store('diff/base.yaml', clusters[1]),
    await store('diff/head.yaml', clusters[1]),
  ];
  pools = {
    ids,
    words: [
      ...['shop', 'payments', 'monitoring', 'billing', 'web', 'db', 'api', 'debug', 'web-7d9f-a', 'db-0'],
      ...['Deployment', 'deployment', 'StatefulSet', 'Pod', 'ReplicaSet', 'Namespace', 'NetworkPolicy'],
      ...['shop/web', 'payments/db', 'payments/api', 'shop/Deployment/web', 'payments/Pod/debug', 'a/b/c/d'],
      ...[
        '10.1.0.1',
        '10.2.0.1',
        '::1',
        '0.0.0.0',
        '10.1.0.0/16',
        '256.1.1.1',
        'fe80::1%eth0',
        '::ffff:10.1.0.1',
      ],
      ...['app=web', 'app in (db,web)', '!app', 'app notin (', 'a=b=c', 'app', 'x/y/z=1', 'app>1', 'a,,b'],
      ...clusters,
    ],
  };
});

afterAll(async () => {
  await t?.close();
});

const send = (method: 'get' | 'delete' | 'put' | 'post', url: string) => t.http()[method](url);

describe(`fuzzed REST parameters (seed ${FUZZ_SEED})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('every route with random path and query parameters', async () => {
    const routes = ROUTES.filter((route) => route.method === 'get');
    await fc.assert(
      fc.asyncProperty(routeRequest(pools, routes), async ({ route, url }) => {
        expectSuccessOrClientError(await send(route.method, url));
      }),
      fuzzParameters(250),
    );
    await expectStillServing(t);
  });

  it('path parameters as long as Kubernetes and cluster names may be, and longer', async () => {
    const longest = `c${'-'.repeat(251)}c`;
    const retention = await t.http().get(`/api/v1/clusters/${longest}/retention`);
    expect(retention.status, describeResponse(retention)).toBe(200);
    const pod = await t.http().get(`/api/v1/snapshots/${pools.ids[0]}/pods/shop/${'p'.repeat(253)}`);
    expect(pod.body.error?.code, describeResponse(pod)).toBe('NOT_FOUND');
    const tooLong = await t.http().get(`/api/v1/snapshots/${pools.ids[0]}/pods/shop/${'p'.repeat(800)}`);
    expectSuccessOrClientError(tooLong);
    expect(tooLong.status).toBe(414);
  });

  it('deletions of random ids, which never name a stored snapshot', async () => {
    const routes = ROUTES.filter((route) => route.method === 'delete');
    await fc.assert(
      fc.asyncProperty(routeRequest({ ...pools, ids: [] }, routes), async ({ route, url }) => {
        const res = await send(route.method, url);
        expectSuccessOrClientError(res);
        expect(res.status, describeResponse(res)).not.toBe(204);
      }),
      fuzzParameters(40),
    );
    for (const id of pools.ids) expect((await t.http().get(`/api/v1/snapshots/${id}`)).status).toBe(200);
  });

  it('retention settings with random names and bodies', async () => {
    const body = fc.oneof(
      fc.record({ keepNewest: fc.oneof(weirdValue, fc.integer({ min: 1, max: 3 })) }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const name = fc.oneof(
      fc.constantFrom(...clusters.map((c) => `${c}-other`)),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(name, body, async (cluster, value) => {
        const url = `/api/v1/clusters/${encodeURIComponent(cluster.replace(/[\ud800-\udfff]/g, ''))}/retention`;
        const res = await send('put', url)
          .set('content-type', 'application/json')
          .send(expandTokens(JSON.stringify(value) ?? ''));
        expectSuccessOrClientError(res);
      }),
      fuzzParameters(40),
    );
    await expectStillServing(t);
  });

  it('API keys asked for with random names, scopes, clusters and expiry times', async () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), weirdValue);
    // Mostly grants that pass every other check, so that odd names and times reach the database.
    const grant = fc.record(
      {
        name: fc.oneof(fc.constantFrom('ci', 'a\ud800', 'b\udc00c', '😀', ' x ', 'x'.repeat(100)), text),
        scopes: fc.oneof(
          { weight: 3, arbitrary: fc.subarray(['read', 'write', 'admin'], { minLength: 1 }) },
          weirdValue,
        ),
        clusters: fc.oneof(
          fc.constant(null),
          fc.array(fc.oneof(fc.constantFrom(...clusters), text), { maxLength: 3 }),
        ),
        expiresAt: fc.oneof(
          fc.constantFrom(
            '2999-01-01T00:00:00Z',
            '2999-02-30',
            '9999-12-31T23:59:59.999999999+14:00',
            '2999-01-01T24:00Z',
          ),
          text,
        ),
      },
      { requiredKeys: ['scopes'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(grant, weirdValue), async (body) => {
        const res = await send('post', '/api/v1/keys')
          .set('content-type', 'application/json')
          .send(expandTokens(JSON.stringify(body) ?? ''));
        expectSuccessOrClientError(res);
      }),
      fuzzParameters(40),
    );
    await expectStillServing(t);
  });

  it('what-if with random and mutated manifests, deletions and media types', async () => {
    const manifests = fc
      .oneof(targetedCase, randomCase)
      .map((c) => c.objects.map((o) => expandTokens(stringify(o, { lineWidth: 0 }))).join('---\n'));
    const deletion = fc.oneof(
      fc.record({
        kind: fc.constantFrom(...pools.words),
        namespace: fc.constantFrom(...pools.words),
        name: fc.constantFrom(...pools.words),
      }),
      weirdValue,
    );
    const request = fc.oneof(
      fc.record({ type: fc.constant('application/yaml'), body: manifests }),
      fc.record({
        type: fc.constant('application/json'),
        body: fc
          .record(
            {
              manifests: fc.oneof(manifests, weirdValue),
              deletions: fc.oneof(fc.array(deletion, { maxLength: 3 }), weirdValue),
            },
            { requiredKeys: [] },
          )
          .map((value) => expandTokens(JSON.stringify(value))),
      }),
      fc.record({
        type: fc.constantFrom('text/plain', 'application/json', 'application/yaml', ''),
        body: fc.string({ unit: 'binary', maxLength: 200 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        request,
        fc.constantFrom(...pools.ids),
        fc.constantFrom('', '?format=md', '?format=csv&ipBlockMatchesPods=true', '?format=%'),
        async ({ type, body }, id, query) => {
          const res = await send('post', `/api/v1/snapshots/${id}/what-if${query}`)
            .set('content-type', type)
            .send(body);
          expectSuccessOrClientError(res);
        },
      ),
      fuzzParameters(60),
    );
    await expectStillServing(t);
  });
});
