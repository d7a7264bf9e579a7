import { describe, expect, it } from 'vitest';
import type { K8sObject, OwnerRef, PodObject, WorkloadObject } from './objects';
import { buildSnapshotModel } from './snapshot-model';

function pod(namespace: string, name: string, extra: Partial<PodObject> = {}): PodObject {
  return {
    kind: 'Pod',
    namespace,
    name,
    labels: { app: name },
    ips: ['10.0.0.1'],
    phase: 'Running',
    hostNetwork: false,
    ports: [],
    ...extra,
  };
}

function workload(
  kind: WorkloadObject['kind'],
  namespace: string,
  name: string,
  extra: Partial<WorkloadObject> = {},
): WorkloadObject {
  return {
    kind,
    namespace,
    name,
    labels: {},
    template: {
      labels: { app: name },
      hostNetwork: false,
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    },
    ...extra,
  };
}

const owned = (kind: string, name: string): { owner: OwnerRef } => ({ owner: { kind, name } });

describe('buildSnapshotModel: live pods grouped into top-level workloads', () => {
  it.each<{ rule: string; objects: K8sObject[]; workload: string }>([
    {
      rule: "a ReplicaSet's pods belong to the Deployment that owns the uploaded ReplicaSet",
      objects: [
        workload('ReplicaSet', 'x', 'web-5d8f', owned('Deployment', 'frontend')),
        pod('x', 'web-5d8f-abc', {
          ...owned('ReplicaSet', 'web-5d8f'),
          labels: { 'pod-template-hash': '5d8f' },
        }),
      ],
      workload: 'x/frontend[Deployment]',
    },
    {
      rule: 'without the ReplicaSet, the Deployment is its name minus the pod-template-hash',
      objects: [
        pod('x', 'web-5d8f-abc', {
          ...owned('ReplicaSet', 'web-5d8f'),
          labels: { 'pod-template-hash': '5d8f' },
        }),
      ],
      workload: 'x/web[Deployment]',
    },
    {
      rule: 'a ReplicaSet whose name does not end in the hash stays a ReplicaSet',
      objects: [
        pod('x', 'cache-1', { ...owned('ReplicaSet', 'cache'), labels: { 'pod-template-hash': '5d8f' } }),
      ],
      workload: 'x/cache[ReplicaSet]',
    },
    {
      rule: 'an uploaded ReplicaSet without owner is the workload',
      objects: [
        workload('ReplicaSet', 'x', 'web-5d8f'),
        pod('x', 'web-5d8f-abc', {
          ...owned('ReplicaSet', 'web-5d8f'),
          labels: { 'pod-template-hash': '5d8f' },
        }),
      ],
      workload: 'x/web-5d8f[ReplicaSet]',
    },
    {
      rule: "a Job's pods belong to the CronJob that owns the uploaded Job",
      objects: [
        workload('Job', 'x', 'backup-2890', owned('CronJob', 'backup')),
        pod('x', 'backup-2890-q', owned('Job', 'backup-2890')),
      ],
      workload: 'x/backup[CronJob]',
    },
    {
      rule: 'a Job that was not uploaded stays a Job',
      objects: [pod('x', 'backup-2890-q', owned('Job', 'backup-2890'))],
      workload: 'x/backup-2890[Job]',
    },
    {
      rule: 'a StatefulSet owns its pods directly',
      objects: [pod('x', 'db-0', owned('StatefulSet', 'db'))],
      workload: 'x/db[StatefulSet]',
    },
    {
      rule: 'a pod without controller is its own workload of kind Pod',
      objects: [pod('x', 'debug')],
      workload: 'x/debug[Pod]',
    },
  ])('$rule', ({ objects, workload: expected }) => {
    const model = buildSnapshotModel(objects);
    expect(model.workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`)).toEqual([expected]);
    expect(model.workloads[0].template).toBe(false);
  });
});

describe('buildSnapshotModel: template pods of workload objects', () => {
  it.each<{ rule: string; objects: K8sObject[]; templates: string[] }>([
    {
      rule: 'a Deployment without pods stands for its template (replicas default 1)',
      objects: [workload('Deployment', 'x', 'web')],
      templates: ['x/web[Deployment]'],
    },
    {
      rule: 'replicas 0 stands for nothing',
      objects: [workload('Deployment', 'x', 'web', { replicas: 0 })],
      templates: [],
    },
    {
      rule: 'DaemonSet, Job and CronJob count as one',
      objects: [
        workload('DaemonSet', 'x', 'agent'),
        workload('Job', 'x', 'once'),
        workload('CronJob', 'x', 'nightly'),
      ],
      templates: ['x/agent[DaemonSet]', 'x/nightly[CronJob]', 'x/once[Job]'],
    },
    {
      rule: 'an owned workload object (old ReplicaSet) adds nothing',
      objects: [
        workload('Deployment', 'x', 'web'),
        workload('ReplicaSet', 'x', 'web-1', owned('Deployment', 'web')),
      ],
      templates: ['x/web[Deployment]'],
    },
    {
      rule: 'a workload with live pods adds no template pod',
      objects: [workload('StatefulSet', 'x', 'db'), pod('x', 'db-0', owned('StatefulSet', 'db'))],
      templates: [],
    },
    {
      rule: 'a CronJob whose only pod completed stands for its template again',
      objects: [
        workload('CronJob', 'x', 'nightly'),
        pod('x', 'nightly-1', { ...owned('CronJob', 'nightly'), phase: 'Succeeded' }),
      ],
      templates: ['x/nightly[CronJob]'],
    },
  ])('$rule', ({ objects, templates }) => {
    const model = buildSnapshotModel(objects);
    const found = model.workloads.filter((w) => w.template).map((w) => `${w.namespace}/${w.name}[${w.kind}]`);
    expect(found).toEqual(templates);
  });

  it('gives a template pod the template labels and ports, no IP, and no pod lookup entry', () => {
    const model = buildSnapshotModel([workload('Deployment', 'x', 'web')]);
    expect(model.pods).toEqual([
      expect.objectContaining({
        namespace: 'x',
        name: 'web',
        labels: { app: 'web' },
        ips: [],
        template: true,
      }),
    ]);
    expect(model.pods[0].ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(model.podsByKey.size).toBe(0);
  });
});

describe('buildSnapshotModel: namespaces, pods left out, warnings', () => {
  it('labels every namespace with its name, including namespaces only mentioned', () => {
    const model = buildSnapshotModel([
      { kind: 'Namespace', name: 'x', labels: { team: 'a', 'kubernetes.io/metadata.name': 'wrong' } },
      pod('y', 'a'),
    ]);
    expect(model.namespaces).toEqual([
      { name: 'x', labels: { team: 'a', 'kubernetes.io/metadata.name': 'x' }, uploaded: true },
      { name: 'y', labels: { 'kubernetes.io/metadata.name': 'y' }, uploaded: false },
    ]);
  });

  it('leaves Succeeded and Failed pods out, with a warning each', () => {
    const model = buildSnapshotModel([
      pod('x', 'a', { phase: 'Succeeded' }),
      pod('x', 'b', { phase: 'Failed' }),
      pod('x', 'c'),
    ]);
    expect(model.pods.map((p) => p.name)).toEqual(['c']);
    expect(model.warnings.map((w) => [w.code, w.object?.name])).toEqual([
      ['POD_NOT_RUNNING', 'a'],
      ['POD_NOT_RUNNING', 'b'],
    ]);
  });

  it('keeps hostNetwork pods, with a warning that policies do not apply to them', () => {
    const model = buildSnapshotModel([pod('x', 'node-agent', { hostNetwork: true })]);
    expect(model.pods[0].hostNetwork).toBe(true);
    expect(model.warnings).toEqual([
      expect.objectContaining({
        code: 'HOST_NETWORK_POD',
        object: { kind: 'Pod', namespace: 'x', name: 'node-agent' },
      }),
    ]);
  });

  const replica = (name: string, labels: Record<string, string>) =>
    pod('x', name, { ...owned('StatefulSet', 'db'), labels: { app: 'db', ...labels } });
  it.each<{ rule: string; objects: K8sObject[]; warns: boolean }>([
    {
      rule: 'pods of one workload with different labels',
      objects: [replica('db-0', { tier: 'a' }), replica('db-1', { tier: 'b' })],
      warns: true,
    },
    {
      rule: 'per-pod controller labels alone',
      objects: [
        replica('db-0', { 'statefulset.kubernetes.io/pod-name': 'db-0', 'controller-revision-hash': '1' }),
        replica('db-1', { 'statefulset.kubernetes.io/pod-name': 'db-1', 'controller-revision-hash': '2' }),
      ],
      warns: false,
    },
    {
      rule: 'per-pod controller labels that a selector uses',
      objects: [
        replica('db-0', { 'statefulset.kubernetes.io/pod-name': 'db-0' }),
        replica('db-1', { 'statefulset.kubernetes.io/pod-name': 'db-1' }),
        {
          kind: 'NetworkPolicy',
          namespace: 'x',
          name: 'primary-only',
          labels: {},
          spec: {
            podSelector: { matchLabels: { 'statefulset.kubernetes.io/pod-name': 'db-0' } },
            policyTypes: ['Ingress'],
          },
        },
      ],
      warns: true,
    },
  ])('warns WORKLOAD_PODS_DIFFER for $rule: $warns', ({ objects, warns }) => {
    const codes = buildSnapshotModel(objects).warnings.map((w) => w.code);
    expect(codes.includes('WORKLOAD_PODS_DIFFER')).toBe(warns);
  });

  it('passes on completeness and earlier warnings', () => {
    const parseWarning = { code: 'SKIPPED_KIND', message: 'skipped 2 Service' };
    const model = buildSnapshotModel([], {
      complete: false,
      incompleteReasons: ['CiliumNetworkPolicy'],
      warnings: [parseWarning],
    });
    expect(model).toMatchObject({
      complete: false,
      incompleteReasons: ['CiliumNetworkPolicy'],
      warnings: [parseWarning],
    });
  });
});
