import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzip, tarOf } from './support/archives';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

interface Form {
  form: string;
  contentType: string;
  contentEncoding?: string;
  body: () => Promise<string | Buffer>;
  counts: Record<string, number>;
}

const LIST_COUNTS = { Namespace: 1, Deployment: 1, ReplicaSet: 1, Pod: 2, StatefulSet: 1, NetworkPolicy: 1 };
const MANIFEST_COUNTS = { Namespace: 1, Deployment: 1, NetworkPolicy: 1 };

const forms: Form[] = [
  {
    form: 'a kubectl List as JSON',
    contentType: 'application/json',
    body: async () => fixture('cluster-list.json'),
    counts: LIST_COUNTS,
  },
  {
    form: 'a typed PodList whose items have no kind',
    contentType: 'application/json',
    body: async () => fixture('pod-list.json'),
    counts: { Pod: 2 },
  },
  {
    form: 'multi-document YAML',
    contentType: 'application/yaml',
    body: async () => fixture('manifests.yaml'),
    counts: MANIFEST_COUNTS,
  },
  {
    form: 'YAML as text/yaml',
    contentType: 'text/yaml',
    body: async () => fixture('manifests.yaml'),
    counts: MANIFEST_COUNTS,
  },
  {
    form: 'a single object',
    contentType: 'application/json',
    body: async () => JSON.stringify(JSON.parse(fixture('cluster-list.json')).items[3]),
    counts: { Pod: 1 },
  },
  {
    form: 'a JSON array of objects',
    contentType: 'application/json',
    body: async () => JSON.stringify(JSON.parse(fixture('cluster-list.json')).items),
    counts: LIST_COUNTS,
  },
  {
    form: 'JSON with Content-Encoding: gzip',
    contentType: 'application/json',
    contentEncoding: 'gzip',
    body: async () => gzip(fixture('cluster-list.json')),
    counts: LIST_COUNTS,
  },
  {
    form: 'a tar of a manifest folder',
    contentType: 'application/x-tar',
    body: () =>
      tarOf({
        'k8s/manifests.yaml': fixture('manifests.yaml'),
        'k8s/pods.json': fixture('pod-list.json'),
        'k8s/README.md': '# not a manifest',
      }),
    counts: { ...MANIFEST_COUNTS, Pod: 2 },
  },
  {
    form: 'a gzipped tar',
    contentType: 'application/gzip',
    body: async () => gzip(await tarOf({ 'manifests.yml': fixture('manifests.yaml') })),
    counts: MANIFEST_COUNTS,
  },
];

describe('POST /api/v1/snapshots accepts every input form', () => {
  it.each(forms)('$form', async ({ contentType, contentEncoding, body, counts }) => {
    const cluster = uniqueCluster();
    const res = await upload(t, `cluster=${cluster}&label=v1`, await body(), {
      contentType,
      contentEncoding,
    });

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ cluster, label: 'v1', duplicate: false, complete: true });
    expect(res.body.counts).toEqual(counts);
    expect(res.body.objectCount).toBe(
      Object.values(res.body.counts as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    const stored = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM snapshot_objects WHERE snapshot_id = $1::uuid',
      res.body.id,
    );
    expect(stored[0].n).toBe(res.body.objectCount);
  });
});
