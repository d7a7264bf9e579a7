import { describe, expect, it } from 'vitest';
import {
  buildSnapshotContent,
  MAX_LISTED_PROBLEMS,
  SnapshotBuilder,
  ValidationError,
  type SnapshotContent,
} from '@podreach/policy-engine';

const webPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: '10.0.0.5' },
};
const denyAll = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny-all', namespace: 'shop' },
  spec: { podSelector: {} },
};
const withoutType = ({ kind: _kind, apiVersion: _apiVersion, ...rest }: Record<string, unknown>) => rest;

function build(files: Record<string, string>): SnapshotContent {
  return buildSnapshotContent(Object.entries(files).map(([name, text]) => ({ name, text })));
}

function problemsOf(files: Record<string, string>): ValidationError['problems'] {
  try {
    build(files);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected validation problems');
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('SnapshotBuilder input forms', () => {
  const expected = build({ 'pod.json': json(webPod), 'policy.json': json(denyAll) });

  it.each([
    ['a kubectl List', { 'dump.json': json({ apiVersion: 'v1', kind: 'List', items: [webPod, denyAll] }) }],
    [
      'typed lists whose items have no kind',
      {
        'pods.json': json({ apiVersion: 'v1', kind: 'PodList', items: [withoutType(webPod)] }),
        'policies.json': json({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicyList',
          items: [withoutType(denyAll)],
        }),
      },
    ],
    ['a JSON array of objects', { 'objects.json': json([webPod, denyAll]) }],
    ['a JSON array holding a list', { 'objects.json': json([{ kind: 'List', items: [webPod] }, denyAll]) }],
    [
      'multi-document YAML with empty documents',
      { 'all.yaml': `---\n${json(webPod)}\n---\n---\n${json(denyAll)}\n---\n` },
    ],
  ])('reads %s like single objects', (_, files) => {
    const content = build(files);
    expect(content.objects).toEqual(expected.objects);
    expect(content.contentHash).toBe(expected.contentHash);
  });

  it('takes the item kind from the list for objects streamed one by one', () => {
    const builder = new SnapshotBuilder();
    builder.addObject(withoutType(webPod), 'body items[0]', 'PodList');
    expect(builder.finish().objects).toEqual(expected.objects.filter((o) => o.kind === 'Pod'));
  });

  it('returns objects in canonical order (kind, namespace, name) with counts per kind', () => {
    const pod = (name: string, namespace: string) => ({ ...webPod, metadata: { name, namespace } });
    const content = build({
      'x.json': json([
        pod('b', 'shop'),
        denyAll,
        pod('a', 'shop'),
        pod('z', 'admin'),
        { kind: 'Namespace', metadata: { name: 'shop' } },
      ]),
    });
    expect(
      content.objects.map((o) => `${o.kind}/${'namespace' in o ? o.namespace + '/' : ''}${o.name}`),
    ).toEqual(['Namespace/shop', 'NetworkPolicy/shop/deny-all', 'Pod/admin/z', 'Pod/shop/a', 'Pod/shop/b']);
    expect(content.counts).toEqual({ Namespace: 1, NetworkPolicy: 1, Pod: 3 });
  });

  it('stores pods that have finished: the model decides what they mean', () => {
    const done = {
      ...webPod,
      metadata: { name: 'job-1', namespace: 'shop' },
      status: { phase: 'Succeeded' },
    };
    const failed = { ...webPod, metadata: { name: 'job-2', namespace: 'shop' }, status: { phase: 'Failed' } };
    expect(build({ 'pods.json': json([done, failed]) }).counts).toEqual({ Pod: 2 });
  });
});

describe('what is kept and what is not', () => {
  const secretPod = {
    ...webPod,
    metadata: {
      ...webPod.metadata,
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'annotation-secret' },
      managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:metadata': {} } }],
      uid: 'c0ffee',
    },
    spec: {
      containers: [{ name: 'web', env: [{ name: 'DB_PASSWORD', value: 'env-secret-value' }], ports: [] }],
      volumes: [{ name: 'v', secret: { secretName: 'db' } }],
    },
    status: { ...webPod.status, conditions: [{ type: 'Ready', message: 'status-secret' }] },
  };
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop' },
    data: { password: 'c2VjcmV0LWRhdGE=' },
  };
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg' },
    data: { key: 'config-secret' },
  };
  const content = build({
    'dump.json': json({ kind: 'List', items: [secretPod, secret, configMap, configMap] }),
  });

  it.each([
    'env-secret-value',
    'c2VjcmV0LWRhdGE=',
    'config-secret',
    'annotation-secret',
    'status-secret',
    'managedFields',
    'c0ffee',
    'DB_PASSWORD',
  ])('leaves %j out of everything it returns', (text) => {
    expect(JSON.stringify(content)).not.toContain(text);
  });

  it('skips other kinds with one warning per kind and a count', () => {
    expect(content.skipped).toEqual([
      { kind: 'ConfigMap', apiVersion: 'v1', count: 2 },
      { kind: 'Secret', apiVersion: 'v1', count: 1 },
    ]);
    expect(content.warnings.filter((w) => w.code === 'SKIPPED_KIND').map((w) => w.message)).toEqual([
      'skipped 2 ConfigMap (v1) object(s): podreach does not use this kind, and keeps none of its contents',
      'skipped 1 Secret (v1) object(s): podreach does not use this kind, and keeps none of its contents',
    ]);
    expect(content.complete).toBe(true);
  });

  it('skips a known kind name in another API group', () => {
    const custom = { apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'x' } };
    const result = build({ 'custom.json': json(custom) });
    expect(result.objects).toEqual([]);
    expect(result.skipped).toEqual([{ kind: 'Deployment', apiVersion: 'example.com/v1', count: 1 }]);
  });
});

describe('policies of other network plugins', () => {
  const foreign = (apiVersion: string, kind: string) => ({
    apiVersion,
    kind,
    metadata: { name: 'p', namespace: 'shop' },
    spec: { anything: true },
  });

  it.each([
    ['cilium.io/v2', 'CiliumNetworkPolicy', 'CiliumNetworkPolicy'],
    ['cilium.io/v2', 'CiliumClusterwideNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
    ['crd.projectcalico.org/v1', 'NetworkPolicy', 'NetworkPolicy (crd.projectcalico.org/v1)'],
    ['projectcalico.org/v3', 'GlobalNetworkPolicy', 'GlobalNetworkPolicy (projectcalico.org/v3)'],
    ['projectcalico.org/v3', 'StagedNetworkPolicy', 'StagedNetworkPolicy (projectcalico.org/v3)'],
    ['crd.antrea.io/v1beta1', 'NetworkPolicy', 'NetworkPolicy (crd.antrea.io/v1beta1)'],
    ['crd.antrea.io/v1beta1', 'ClusterNetworkPolicy', 'ClusterNetworkPolicy (crd.antrea.io/v1beta1)'],
  ])('skips %s %s and marks the snapshot incomplete', (apiVersion, kind, label) => {
    const content = build({ 'dump.json': json([foreign(apiVersion, kind), denyAll]) });
    expect(content.objects.map((o) => o.kind)).toEqual(['NetworkPolicy']);
    expect(content.foreignPolicyKinds).toEqual([label]);
    expect(content.complete).toBe(false);
    expect(content.incompleteReasons).toEqual([
      `1 ${label} object(s) were skipped: podreach does not evaluate this network plugin's policies, so traffic they block is not seen`,
    ]);
    expect(content.warnings.map((w) => w.code)).toEqual(['FOREIGN_POLICY_KIND']);
    expect(JSON.stringify(content)).not.toContain('anything');
  });
});

describe('problems with the upload as a whole', () => {
  it('reports values that are not objects, and objects without kind or name, at their list position', () => {
    const list = {
      kind: 'List',
      items: [webPod, 'web-2', { metadata: { name: 'x' } }, { kind: 'Pod', metadata: {} }, { kind: 7 }],
    };
    expect(problemsOf({ 'dump.json': json(list) })).toEqual([
      {
        document: 'dump.json items[1]',
        path: '',
        message: 'must be a Kubernetes object (a mapping), not a string',
      },
      {
        document: 'dump.json items[2]',
        name: 'x',
        path: 'kind',
        message: 'is required: every object needs a kind',
      },
      {
        document: 'dump.json items[3]',
        kind: 'Pod',
        namespace: 'default',
        path: 'metadata.name',
        message: 'is required',
      },
      { document: 'dump.json items[4]', path: 'kind', message: 'must be a string, not an integer' },
    ]);
  });

  it('reports an object of a generic List without kind', () => {
    expect(problemsOf({ 'dump.json': json({ kind: 'List', items: [withoutType(webPod)] }) })).toEqual([
      {
        document: 'dump.json items[0]',
        name: 'web-1',
        path: 'kind',
        message: 'is required: every object needs a kind',
      },
    ]);
  });

  it('names YAML documents by position in problems', () => {
    const text = `kind: Namespace\nmetadata: {name: shop}\n---\nkind: Namespace\nmetadata: {name: Shop}\n`;
    expect(problemsOf({ 'ns.yaml': text })[0]).toMatchObject({
      document: 'ns.yaml document 2',
      kind: 'Namespace',
      name: 'Shop',
    });
  });

  it.each([
    [
      'in two files',
      { 'a.json': json(webPod), 'b.json': json(webPod) },
      'b.json',
      'Pod/shop/web-1',
      'a.json',
    ],
    [
      'written with and without the default namespace',
      {
        'a.json': json({ ...webPod, metadata: { name: 'web-1' } }),
        'b.json': json({ ...webPod, metadata: { name: 'web-1', namespace: 'default' } }),
      },
      'b.json',
      'Pod/default/web-1',
      'a.json',
    ],
    [
      'twice in one list',
      { 'dump.json': json({ kind: 'List', items: [denyAll, denyAll] }) },
      'dump.json items[1]',
      'NetworkPolicy/shop/deny-all',
      'dump.json items[0]',
    ],
  ])('rejects the same kind/namespace/name %s', (_, files, document, key, earlier) => {
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({
        document,
        path: 'metadata.name',
        message: `duplicate ${key}: also in ${earlier}`,
      }),
    ]);
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const builder = new SnapshotBuilder();
    builder.addDocument(
      { kind: 'List', items: Array.from({ length: MAX_LISTED_PROBLEMS + 5 }, () => 42) },
      'body',
    );
    let problems: ValidationError['problems'] = [];
    try {
      builder.finish();
    } catch (error) {
      problems = (error as ValidationError).problems;
    }
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(problems[MAX_LISTED_PROBLEMS]).toEqual({
      document: `body items[${MAX_LISTED_PROBLEMS - 1}]`,
      path: '',
      message: '5 more problem(s) not listed: fix the ones above and upload again',
    });
  });

  it.each([
    ['a NUL in a pod phase', { ...webPod, status: { phase: 'Running\u0000' } }, 'status.phase'],
    ['an unpaired surrogate in a node name', { ...webPod, spec: { nodeName: 'n\ud800' } }, 'spec.nodeName'],
    ['a NUL in the kind of a skipped object', { kind: 'ConfigMap\u0000', metadata: { name: 'c' } }, 'kind'],
    [
      'a lone low surrogate in an apiVersion',
      { ...denyAll, apiVersion: 'crd.projectcalico.org/\udc00' },
      'apiVersion',
    ],
  ])('rejects %s: no field means it, and a database cannot store it as text', (_, object, path) => {
    // JSON text carries both as escapes, which JSON.parse turns into the characters themselves.
    expect(problemsOf({ 'x.json': JSON.stringify(object) })).toEqual([
      expect.objectContaining({
        path,
        message: 'must not contain NUL characters or unpaired UTF-16 surrogates',
      }),
    ]);
  });

  it('accepts any other text, surrogate pairs (emoji) included, where it is not checked further', () => {
    const pod = { ...webPod, status: { phase: 'Läuft 🏃' }, spec: { nodeName: 'node-1' } };
    expect(build({ 'x.json': json(pod) }).objects).toHaveLength(1);
  });

  it('accepts one name in two namespaces or for two kinds', () => {
    const other = { ...webPod, metadata: { name: 'web-1', namespace: 'admin' } };
    const policy = { ...denyAll, metadata: { name: 'web-1', namespace: 'shop' } };
    expect(build({ 'x.json': json([webPod, other, policy]) }).objects).toHaveLength(3);
  });
});

describe('count limits', () => {
  const pod = (i: number) => ({ ...webPod, metadata: { name: `web-${i}`, namespace: 'shop' } });
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { template: {} },
  };

  it.each([
    [
      'pods and workloads',
      { maxWorkloadsAndPods: 2 },
      [pod(1), deployment, pod(2)],
      'maxWorkloadsAndPods',
      2,
    ],
    [
      'policies',
      { maxPolicies: 1 },
      [denyAll, { ...denyAll, metadata: { name: 'other' } }],
      'maxPolicies',
      1,
    ],
  ])('stops at the object that passes the limit of %s', (what, limits, objects, limit, value) => {
    const builder = new SnapshotBuilder(limits);
    objects.slice(0, -1).forEach((object, i) => builder.addObject(object, `body items[${i}]`));
    expect(() => builder.addObject(objects[objects.length - 1], 'body items[last]')).toThrow(
      expect.objectContaining({
        name: 'EngineError',
        code: 'LIMIT_EXCEEDED',
        message: `the upload has more than ${value} ${what}, the most one snapshot may hold`,
        details: { limit, value },
      }),
    );
  });

  it('does not count namespaces, nodes or skipped kinds', () => {
    const builder = new SnapshotBuilder({ maxWorkloadsAndPods: 1, maxPolicies: 0 });
    builder.addDocument(
      [
        pod(1),
        { kind: 'Namespace', metadata: { name: 'shop' } },
        { kind: 'Service', metadata: { name: 's' } },
      ],
      'body',
    );
    expect(builder.finish().counts).toEqual({ Namespace: 1, Pod: 1 });
  });
});

describe('objects taken while the upload is still arriving', () => {
  const pod = (i: number, namespace = 'shop') => ({ ...webPod, metadata: { name: `web-${i}`, namespace } });

  it('hands out each added object once, in batches of at least the size asked for', () => {
    const builder = new SnapshotBuilder();
    builder.addObject(pod(3), 'a');
    builder.addObject({ kind: 'ConfigMap', metadata: { name: 'skipped' } }, 'b');
    expect(builder.takeAdded(2)).toEqual([]);
    builder.addObject(pod(1), 'c');
    const first = builder.takeAdded(2);
    expect(first).toHaveLength(2);
    expect(builder.takeAdded()).toEqual([]);
    builder.addDocument([pod(2), denyAll], 'd');
    const rest = builder.takeAdded();
    expect(rest).toHaveLength(2);

    const content = builder.finish();
    // The same texts as finish returns, so that what is stored is what the hash covers.
    expect([...first, ...rest].sort()).toEqual([...content.objectsJson].sort());
    expect(content.objectsJson.map((text) => JSON.parse(text).name)).toEqual([
      'deny-all',
      'web-1',
      'web-2',
      'web-3',
    ]);
  });

  it('finishes with the same content, order and hash as a builder whose objects were never taken', () => {
    const objects = [pod(2, 'b'), denyAll, pod(1, 'a'), { kind: 'Namespace', metadata: { name: 'a' } }];
    const taking = new SnapshotBuilder();
    const plain = new SnapshotBuilder();
    objects.forEach((object, i) => {
      taking.addObject(object, `items[${i}]`);
      taking.takeAdded();
      plain.addObject(object, `items[${i}]`);
    });
    expect(taking.finish()).toEqual(plain.finish());
  });

  it('hands out nothing more once a problem was found, duplicates included', () => {
    const builder = new SnapshotBuilder();
    builder.addObject(pod(1), 'a');
    builder.addObject(pod(1), 'b');
    builder.addObject(pod(2), 'c');
    expect(builder.takeAdded()).toEqual([]);
    expect(() => builder.finish()).toThrow(ValidationError);
  });
});
