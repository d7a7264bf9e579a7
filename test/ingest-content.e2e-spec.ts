import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '@podreach/policy-engine';
import { SnapshotsService } from '../apps/api/src/snapshots/snapshots.service';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('what an upload stores', () => {
  it('keeps the fields the analysis needs and nothing else: no env, annotations or Secret data', async () => {
    const res = await upload(t, `cluster=${uniqueCluster()}`, fixture('cluster-list.json'));
    expect(res.status).toBe(201);

    const rows = await t.sql<{ kind: string; namespace: string; name: string; text: string }>(
      `SELECT kind, namespace, name, object::text AS text FROM snapshot_objects WHERE snapshot_id = $1::uuid`,
      res.body.id,
    );
    const everything =
      JSON.stringify(rows) +
      JSON.stringify(await t.sql('SELECT row_to_json(s)::text AS row FROM snapshots s'));
    for (const secret of [
      'env-value-must-not-be-stored',
      'annotation-must-not-be-stored',
      'secret-value-must-not-be-stored',
      'c2VjcmV0LXZhbHVlLW11c3Qtbm90LWJlLXN0b3JlZA==',
      'configmap-value-must-not-be-stored',
      'managedFields',
      'kube-controller-manager',
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(rows.map((row) => row.kind)).not.toContain('Secret');

    const pod = JSON.parse(rows.find((row) => row.name === 'web-7d9f-abcde')!.text);
    expect(pod).toMatchObject({
      kind: 'Pod',
      namespace: 'shop',
      labels: { app: 'web', 'pod-template-hash': '7d9f' },
      owner: { kind: 'ReplicaSet', name: 'web-7d9f' },
      ips: ['10.0.0.5'],
      phase: 'Running',
      nodeName: 'node-1',
      hostNetwork: false,
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    });
  });

  it('reports skipped kinds with a warning and keeps their contents out', async () => {
    const res = await upload(t, `cluster=${uniqueCluster()}`, fixture('cluster-list.json'));
    expect(res.body.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ConfigMap', count: 1 }),
        expect.objectContaining({ kind: 'Secret', count: 1 }),
      ]),
    );
    expect(res.body.complete).toBe(true);
  });

  it('marks a snapshot with policies of another engine incomplete, and says why', async () => {
    const res = await upload(t, `cluster=${uniqueCluster()}`, fixture('foreign-policy.yaml'), {
      contentType: 'application/yaml',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ complete: false, foreignPolicyKinds: ['CiliumNetworkPolicy'] });
    expect(res.body.incompleteReasons.join(' ')).toContain('CiliumNetworkPolicy');

    const got = await t.http().get(`/api/v1/snapshots/${res.body.id}`);
    expect(got.body).toMatchObject({ complete: false, foreignPolicyKinds: ['CiliumNetworkPolicy'] });
  });
});

describe('uploads that are refused store nothing', () => {
  const count = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM snapshots'))[0].n;

  it('422 lists every validation problem with its document and field path', async () => {
    const before = await count();
    const res = await upload(t, `cluster=${uniqueCluster()}`, fixture('invalid-policy.yaml'), {
      contentType: 'application/yaml',
    });

    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const problems = res.body.error.details.problems as { path: string; kind: string; name: string }[];
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        'spec.ingress[0].ports[0].protocol',
        'spec.ingress[0].ports[1].endPort',
        'spec.egress[0].to[0].ipBlock.except[0]',
      ]),
    );
    for (const problem of problems) {
      expect(problem).toMatchObject({ kind: 'NetworkPolicy', namespace: 'shop', name: 'broken' });
      expect(problem).toHaveProperty('document');
      expect(problem).toHaveProperty('message');
    }
    expect(await count()).toBe(before);
  });

  it('422 for two objects with the same kind, namespace and name', async () => {
    const pod = JSON.parse(fixture('cluster-list.json')).items[3];
    const res = await upload(t, `cluster=${uniqueCluster()}`, JSON.stringify([pod, pod]));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    { what: 'broken JSON', contentType: 'application/json', body: '{"kind": "List", "items": [' },
    { what: 'broken YAML', contentType: 'application/yaml', body: 'kind: Pod\nmetadata: {name: [\n' },
    { what: 'gzip that is not', contentType: 'application/gzip', body: 'plain text' },
  ])('400 PARSE_ERROR for $what', async ({ contentType, body }) => {
    const before = await count();
    const res = await upload(t, `cluster=${uniqueCluster()}`, body, { contentType });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PARSE_ERROR');
    expect(await count()).toBe(before);
  });

  it.each([
    { what: 'no cluster', query: 'label=x' },
    { what: 'a cluster name with a slash', query: 'cluster=a%2Fb' },
    { what: 'a label with control characters', query: `cluster=ok&label=${encodeURIComponent('a\nb')}` },
  ])('400 BAD_USER_INPUT for $what', async ({ query }) => {
    const res = await upload(t, query, fixture('pod-list.json'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a media type it cannot read', async () => {
    const res = await upload(t, `cluster=${uniqueCluster()}`, 'hello', { contentType: 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the same upload twice', () => {
  it('returns the stored snapshot with 200 and duplicate: true', async () => {
    const cluster = uniqueCluster();
    const first = await upload(t, `cluster=${cluster}&label=abc123`, fixture('cluster-list.json'));
    const again = await upload(t, `cluster=${cluster}&label=abc123`, fixture('cluster-list.json'));

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
  });

  it('is a new snapshot under another label or cluster, or with other content', async () => {
    const cluster = uniqueCluster();
    const first = await upload(t, `cluster=${cluster}&label=a`, fixture('cluster-list.json'));
    const otherLabel = await upload(t, `cluster=${cluster}&label=b`, fixture('cluster-list.json'));
    const otherCluster = await upload(t, `cluster=${uniqueCluster()}&label=a`, fixture('cluster-list.json'));
    const otherContent = await upload(t, `cluster=${cluster}&label=a`, fixture('pod-list.json'));

    for (const res of [otherLabel, otherCluster, otherContent]) {
      expect(res.status).toBe(201);
      expect(res.body.id).not.toBe(first.body.id);
    }
  });

  it('is recognized whatever the form: YAML of the same objects as JSON', async () => {
    const cluster = uniqueCluster();
    const json = await upload(t, `cluster=${cluster}`, fixture('pod-list.json'));
    const items = (JSON.parse(fixture('pod-list.json')).items as object[]).map((item) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      ...item,
    }));
    const yaml = items.map((item) => stringify(item)).join('---\n');
    const again = await upload(t, `cluster=${cluster}`, yaml, { contentType: 'application/yaml' });
    expect(again.body).toMatchObject({ id: json.body.id, duplicate: true });
  });
});

describe('Idempotency-Key', () => {
  it('a retry with the same key and content gets the same snapshot', async () => {
    const cluster = uniqueCluster();
    const key = `key-${cluster}`;
    const first = await upload(t, `cluster=${cluster}`, fixture('pod-list.json'), { idempotencyKey: key });
    const retry = await upload(t, `cluster=${cluster}`, fixture('pod-list.json'), { idempotencyKey: key });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: first.body.id, duplicate: true });
  });

  it('409 when the key was used for another upload, which is then not stored', async () => {
    const cluster = uniqueCluster();
    const key = `key-${cluster}`;
    await upload(t, `cluster=${cluster}`, fixture('pod-list.json'), { idempotencyKey: key });
    const reused = await upload(t, `cluster=${cluster}`, fixture('cluster-list.json'), {
      idempotencyKey: key,
    });

    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('CONFLICT');
    const list = await t.http().get(`/api/v1/snapshots?cluster=${cluster}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('concurrent retries with one key store one snapshot', async () => {
    const cluster = uniqueCluster();
    const key = `key-${cluster}`;
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        upload(t, `cluster=${cluster}`, fixture('cluster-list.json'), { idempotencyKey: key }),
      ),
    );

    expect(new Set(results.map((res) => res.body.id)).size).toBe(1);
    expect(results.map((res) => res.status).sort()).toEqual([200, 200, 201]);
  });
});

describe('loading a snapshot back', () => {
  it('gives the analysis exactly the objects the engine normalized, in canonical order', async () => {
    const body = fixture('cluster-list.json');
    const res = await upload(t, `cluster=${uniqueCluster()}`, body);
    const builder = new SnapshotBuilder();
    builder.addDocument(JSON.parse(body), 'body');
    const expected = builder.finish();

    const { objects } = await t.app.get(SnapshotsService).objectTexts(res.body.id);
    expect(objects.map((text) => JSON.parse(text) as unknown)).toEqual(expected.objects);
    expect(res.body.contentHash).toBe(expected.contentHash);
  });
});
