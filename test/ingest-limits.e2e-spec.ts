import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzip } from './support/archives';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

const KiB = 1024;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    env: {
      PODREACH_MAX_UPLOAD_BYTES: String(64 * KiB),
      PODREACH_MAX_JSON_BYTES: String(128 * KiB),
      PODREACH_MAX_YAML_BYTES: String(16 * KiB),
      PODREACH_MAX_WORKLOADS_AND_PODS: '4',
      PODREACH_MAX_POLICIES: '1',
      PODREACH_MAX_BODY_BYTES: String(KiB),
    },
  });
});

afterAll(async () => {
  await t?.close();
});

/** A pod list padded with white space to at least `bytes`: valid JSON of any size. */
function paddedJson(bytes: number): string {
  return fixture('pod-list.json').replace('{', `{${' '.repeat(bytes)}`);
}

const twoPolicies = JSON.stringify(
  ['a', 'b'].map((name) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: 'shop' },
    spec: { podSelector: {} },
  })),
);

describe('each limit answers 413 with a message and stores nothing', () => {
  it.each([
    {
      limit: 'bytes on the wire',
      body: () => paddedJson(70 * KiB),
      options: {},
      message: 'PODREACH_MAX_UPLOAD_BYTES',
    },
    {
      limit: 'JSON after decompression (a gzip bomb)',
      body: () => gzip(paddedJson(200 * KiB)),
      options: { contentEncoding: 'gzip' },
      message: 'PODREACH_MAX_JSON_BYTES',
    },
    {
      limit: 'YAML',
      body: () => `# ${'x'.repeat(20 * KiB)}\n${fixture('manifests.yaml')}`,
      options: { contentType: 'application/yaml' },
      message: 'PODREACH_MAX_YAML_BYTES',
    },
    {
      limit: 'pods and workloads per snapshot',
      body: () => fixture('cluster-list.json'),
      options: {},
      message: 'more than 4',
    },
    { limit: 'policies per snapshot', body: () => twoPolicies, options: {}, message: 'more than 1' },
  ])('$limit', async ({ body, options, message }) => {
    const cluster = uniqueCluster();
    const res = await upload(t, `cluster=${cluster}`, body(), options);

    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('LIMIT_EXCEEDED');
    expect(res.body.error.message).toContain(message);
    const stored = await t.sql('SELECT id FROM snapshots WHERE cluster = $1', cluster);
    expect(stored).toEqual([]);
  });
});

describe('request bodies', () => {
  it('an upload is streamed, not held to the limit of ordinary JSON bodies', async () => {
    const body = paddedJson(8 * KiB);
    expect(body.length).toBeGreaterThan(t.config.bodyLimitBytes);

    const res = await upload(t, `cluster=${uniqueCluster()}`, body);
    expect(res.status).toBe(201);
  });

  it('other routes parse JSON within the body limit', async () => {
    const res = await t
      .http()
      .put(`/api/v1/clusters/${uniqueCluster()}/retention`)
      .send({ keepNewest: 3, padding: 'x'.repeat(2 * KiB) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('LIMIT_EXCEEDED');
  });

  it('a malformed JSON body is a 400 PARSE_ERROR in the one error shape', async () => {
    const res = await t
      .http()
      .put(`/api/v1/clusters/${uniqueCluster()}/retention`)
      .set('content-type', 'application/json')
      .send('{"keepNewest": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'PARSE_ERROR', message: expect.any(String), details: {} } });
  });

  it('other routes refuse media types other than JSON with 415', async () => {
    const res = await t
      .http()
      .put(`/api/v1/clusters/${uniqueCluster()}/retention`)
      .set('content-type', 'application/yaml')
      .send('keepNewest: 3');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
