import { describe, expect, it } from 'vitest';
import { namespace, networkPolicy, pod, workload } from '../../test/builders';
import type { K8sObject, Labels, WorkloadObject } from '../model/objects';
import { diffLabels, type LabelChange } from './label-diff';

const rsOwner = { kind: 'ReplicaSet', name: 'web-7d9' };
const webPod = (name: string, labels: Labels) => pod('shop', name, { labels, owner: rsOwner });
const replicaSet = workload('ReplicaSet', 'shop', 'web-7d9', { kind: 'Deployment', name: 'web' });
const deployment = (labels: Labels, replicas?: number): WorkloadObject => ({
  ...workload('Deployment', 'shop', 'web'),
  ...(replicas !== undefined && { replicas }),
  template: { labels, hostNetwork: false, ports: [] },
});
const web = (fields: LabelChange['fields'], change: LabelChange['change'] = 'modified'): LabelChange => ({
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  change,
  fields,
});
const shop = (fields: LabelChange['fields'], change: LabelChange['change'] = 'modified'): LabelChange => ({
  kind: 'Namespace',
  name: 'shop',
  change,
  fields,
});
const nameLabel = 'labels["kubernetes.io/metadata.name"]';

describe('diffLabels', () => {
  it.each<[string, K8sObject[], K8sObject[], LabelChange[]]>([
    [
      'unchanged snapshots have no changes',
      [namespace('shop', { team: 'a' })],
      [namespace('shop', { team: 'a' })],
      [],
    ],
    [
      'a namespace label changed',
      [namespace('shop', { team: 'a' })],
      [namespace('shop', { team: 'b' })],
      [shop([{ path: 'labels.team', before: 'a', after: 'b' }])],
    ],
    [
      'a namespace label with a prefixed key added',
      [namespace('shop')],
      [namespace('shop', { 'env.example.com/tier': 'prod' })],
      [shop([{ path: 'labels["env.example.com/tier"]', before: null, after: 'prod' }])],
    ],
    [
      'an added namespace lists its labels, the automatic name label too',
      [],
      [namespace('shop', { team: 'a' })],
      [
        shop(
          [
            { path: nameLabel, before: null, after: 'shop' },
            { path: 'labels.team', before: null, after: 'a' },
          ],
          'added',
        ),
      ],
    ],
    [
      'a removed namespace lists its labels',
      [namespace('shop')],
      [],
      [shop([{ path: nameLabel, before: 'shop', after: null }], 'removed')],
    ],
    [
      'a namespace first only mentioned, then uploaded with labels',
      [networkPolicy('shop', 'deny', {})],
      [networkPolicy('shop', 'deny', {}), namespace('shop', { team: 'a' })],
      [shop([{ path: 'labels.team', before: null, after: 'a' }])],
    ],
    [
      'a workload template label changed',
      [namespace('shop'), deployment({ app: 'web', tier: 'front' })],
      [namespace('shop'), deployment({ app: 'web', tier: 'back' })],
      [web([{ path: 'labels.tier', before: 'front', after: 'back' }])],
    ],
    [
      'live pods are grouped into their Deployment',
      [
        namespace('shop'),
        replicaSet,
        webPod('web-7d9-a', { app: 'web' }),
        webPod('web-7d9-b', { app: 'web' }),
      ],
      [
        namespace('shop'),
        replicaSet,
        webPod('web-7d9-a', { app: 'api' }),
        webPod('web-7d9-b', { app: 'api' }),
      ],
      [web([{ path: 'labels.app', before: 'web', after: 'api' }])],
    ],
    [
      'pods of one workload that disagree list their values',
      [
        namespace('shop'),
        replicaSet,
        webPod('web-7d9-a', { app: 'web' }),
        webPod('web-7d9-b', { app: 'web' }),
      ],
      [
        namespace('shop'),
        replicaSet,
        webPod('web-7d9-a', { app: 'web', team: 'a' }),
        webPod('web-7d9-b', { app: 'web' }),
      ],
      [web([{ path: 'labels.team', before: null, after: [null, 'a'] }])],
    ],
    [
      'a rollout that only changes pod-template-hash is no change',
      [namespace('shop'), replicaSet, webPod('web-7d9-a', { app: 'web', 'pod-template-hash': '7d9' })],
      [namespace('shop'), replicaSet, webPod('web-7d9-a', { app: 'web', 'pod-template-hash': '5f2' })],
      [],
    ],
    [
      'a manifest tree and the cluster it was applied to have the same labels',
      [namespace('shop'), deployment({ app: 'web' })],
      [
        namespace('shop'),
        pod('shop', 'web-7d9-x', { labels: { app: 'web', 'pod-template-hash': '7d9' }, owner: rsOwner }),
      ],
      [],
    ],
    [
      'a bare pod is its own workload of kind Pod',
      [namespace('shop'), pod('shop', 'debug', { labels: { app: 'debug' } })],
      [namespace('shop'), pod('shop', 'debug', { labels: { app: 'tools' } })],
      [
        {
          kind: 'Pod',
          namespace: 'shop',
          name: 'debug',
          change: 'modified',
          fields: [{ path: 'labels.app', before: 'debug', after: 'tools' }],
        },
      ],
    ],
    [
      'an added workload lists its labels',
      [namespace('shop')],
      [namespace('shop'), deployment({ app: 'web' })],
      [web([{ path: 'labels.app', before: null, after: 'web' }], 'added')],
    ],
    [
      'a workload scaled to zero runs no pods and is removed',
      [namespace('shop'), deployment({ app: 'web' })],
      [namespace('shop'), deployment({ app: 'web' }, 0)],
      [web([{ path: 'labels.app', before: 'web', after: null }], 'removed')],
    ],
  ])('%s', (_name, base, head, expected) => {
    expect(diffLabels(base, head)).toEqual(expected);
  });

  it('reports a controller label when a pod selector uses it', () => {
    const pinned = networkPolicy('shop', 'pin', {
      podSelector: { matchLabels: { 'pod-template-hash': '7d9' } },
    });
    const base = [namespace('shop'), pinned, replicaSet, webPod('web-7d9-a', { 'pod-template-hash': '7d9' })];
    const head = [namespace('shop'), pinned, replicaSet, webPod('web-7d9-a', { 'pod-template-hash': '5f2' })];
    expect(diffLabels(base, head)).toEqual([
      web([{ path: 'labels["pod-template-hash"]', before: '7d9', after: '5f2' }]),
    ]);
  });

  it('lists namespaces first, then workloads by namespace, name and kind', () => {
    const head: K8sObject[] = [
      namespace('zeta'),
      namespace('alpha'),
      pod('alpha', 'web', { labels: { a: '1' } }),
      {
        ...workload('StatefulSet', 'alpha', 'db'),
        template: { labels: { a: '1' }, hostNetwork: false, ports: [] },
      },
      {
        ...workload('Deployment', 'alpha', 'web'),
        template: { labels: { a: '1' }, hostNetwork: false, ports: [] },
      },
    ];
    expect(diffLabels([], head).map((c) => `${c.kind}/${c.namespace ?? ''}/${c.name}`)).toEqual([
      'Namespace//alpha',
      'Namespace//zeta',
      'StatefulSet/alpha/db',
      'Deployment/alpha/web',
      'Pod/alpha/web',
    ]);
  });
});
