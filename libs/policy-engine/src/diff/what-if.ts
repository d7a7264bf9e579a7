import { EngineError } from '../errors';
import {
  ADMIN_POLICY_KINDS,
  WORKLOAD_KINDS,
  objectKey,
  type K8sObject,
  type ObjectKind,
  type ObjectRef,
  type WorkloadObject,
} from '../model/objects';
import { buildSnapshotModel, workloadKey, type SnapshotMeta } from '../model/snapshot-model';
import { buildSnapshotContent } from '../parse/build-snapshot-content';
import type { DiffAnswer, DiffSnapshotRef } from './diff-answer';
import { sameValue } from './same-value';
import { diffSnapshots, type SnapshotDiffOptions } from './snapshot-diff';

/** An object to delete: kinds as the API spells them; `namespace` defaults to `default` for namespaced kinds. */
export interface WhatIfDeletion {
  kind: string;
  namespace?: string;
  name: string;
}

const CLUSTER_SCOPED: readonly string[] = ['Namespace', 'Node', ...ADMIN_POLICY_KINDS];
const KINDS: readonly string[] = [...CLUSTER_SCOPED, 'Pod', 'NetworkPolicy', ...WORKLOAD_KINDS];

/**
 * The objects of `baseObjects` after a proposed change: `deletions` are removed from the base first (each must
 * exist in the snapshot's objects or, for a namespace or workload that is only implied, in its model; else
 * `NOT_FOUND`), then every object of `manifestsText` (YAML or JSON, parsed and validated as an
 * upload is: `PARSE_ERROR` or `ValidationError`) replaces the object with the same kind, namespace and name, or
 * is added. Kubernetes cascades, and so does this: a deleted namespace takes its objects with it, and a deleted
 * top-level workload its live pods. A workload object that the manifests add or change stands for pods of its
 * new template: its live pods are dropped, since after the rollout they would run the new template.
 */
export function applyWhatIf(
  baseObjects: K8sObject[],
  manifestsText: string,
  deletions: WhatIfDeletion[] = [],
): K8sObject[] {
  const manifests =
    manifestsText.trim() === ''
      ? []
      : buildSnapshotContent([{ name: 'manifests', text: manifestsText }]).objects;
  const byKey = new Map(baseObjects.map((object) => [objectKey(refOf(object)), object]));
  const model = buildSnapshotModel(baseObjects);
  const livePodsOf = (workload: { namespace: string; kind: string; name: string }) =>
    (model.workloadsByKey.get(workloadKey(workload.namespace, workload.kind, workload.name))?.pods ?? [])
      .filter((pod) => !pod.template)
      .map((pod) => objectKey({ kind: 'Pod', namespace: pod.namespace, name: pod.name }));

  for (const deletion of deletions) {
    const ref = deletionRef(deletion);
    const key = objectKey(ref);
    const known =
      byKey.has(key) ||
      (ref.kind === 'Namespace' && model.namespacesByName.has(ref.name)) ||
      livePodsOf({ namespace: ref.namespace ?? '', kind: ref.kind, name: ref.name }).length > 0;
    if (!known) {
      throw new EngineError('NOT_FOUND', `cannot delete ${key}: the snapshot has no such object`, {
        deletion,
      });
    }
    byKey.delete(key);
    if (ref.kind === 'Namespace') {
      for (const [other, object] of byKey) if (namespaceOf(object) === ref.name) byKey.delete(other);
    } else if (ref.namespace !== undefined && isWorkloadKind(ref.kind)) {
      for (const pod of livePodsOf({ namespace: ref.namespace, kind: ref.kind, name: ref.name }))
        byKey.delete(pod);
    }
  }
  for (const object of manifests) {
    const key = objectKey(refOf(object));
    const old = byKey.get(key);
    if (isWorkload(object) && object.owner === undefined && !sameValue(old, object)) {
      for (const pod of livePodsOf(object)) byKey.delete(pod);
    }
    byKey.set(key, object);
  }
  return [...byKey.values()];
}

/** What a what-if asks: manifests to apply (YAML or JSON text) and objects to delete. */
export interface WhatIfInput {
  manifests: string;
  deletions?: WhatIfDeletion[];
}

/**
 * The diff a proposed change would make, computed without storing anything: the base against
 * `applyWhatIf(base objects, manifests, deletions)`, answered with `whatIf: true` and `head: null`.
 */
export function whatIf(
  base: DiffSnapshotRef & { objects: K8sObject[]; meta?: SnapshotMeta },
  input: WhatIfInput,
  options: Omit<SnapshotDiffOptions, 'whatIf'> = {},
): DiffAnswer {
  const objects = applyWhatIf(base.objects, input.manifests, input.deletions ?? []);
  return diffSnapshots(
    base,
    { id: `${base.id} (what-if)`, objects, meta: base.meta },
    { ...options, whatIf: true },
  );
}

function deletionRef(deletion: WhatIfDeletion): ObjectRef {
  if (!KINDS.includes(deletion.kind)) {
    throw new EngineError(
      'BAD_USER_INPUT',
      `cannot delete kind "${deletion.kind}": expected one of ${KINDS.join(', ')}`,
      {
        deletion,
      },
    );
  }
  const kind = deletion.kind as ObjectKind;
  return CLUSTER_SCOPED.includes(kind)
    ? { kind, name: deletion.name }
    : { kind, namespace: deletion.namespace ?? 'default', name: deletion.name };
}

function refOf(object: K8sObject): ObjectRef {
  return 'namespace' in object
    ? { kind: object.kind, namespace: object.namespace, name: object.name }
    : { kind: object.kind, name: object.name };
}

function namespaceOf(object: K8sObject): string | undefined {
  return 'namespace' in object ? object.namespace : undefined;
}

function isWorkloadKind(kind: string): boolean {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

function isWorkload(object: K8sObject): object is WorkloadObject {
  return isWorkloadKind(object.kind);
}
