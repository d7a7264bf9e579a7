import type { OwnerRef, PodObject, WorkloadObject } from './objects';
import { compareText, workloadKey, type ModelPod, type ModelWorkload } from './snapshot-model-types';

/** The label a Deployment's ReplicaSet adds to its pods and appends to its own name. */
const POD_TEMPLATE_HASH = 'pod-template-hash';

/** Kinds whose objects run a single pod at a time when they have no replica count. */
const SINGLE_RUN_KINDS = new Set(['DaemonSet', 'Job', 'CronJob']);

/**
 * Groups live pods into top-level workloads and adds template pods for workload objects that stand for pods
 * of their own (SEMANTICS.md "Workloads").
 */
export function resolveWorkloads(
  livePods: PodObject[],
  workloadObjects: WorkloadObject[],
): { workloads: ModelWorkload[]; pods: ModelPod[] } {
  const objectsByKey = new Map(workloadObjects.map((w) => [workloadKey(w.namespace, w.kind, w.name), w]));
  const workloads = new Map<string, ModelWorkload>();
  const pods: ModelPod[] = [];

  for (const pod of livePods) {
    const top = topLevelOwner(pod, objectsByKey);
    const key = workloadKey(pod.namespace, top.kind, top.name);
    const modelPod: ModelPod = {
      namespace: pod.namespace,
      name: pod.name,
      labels: pod.labels,
      ips: pod.ips,
      nodeName: pod.nodeName,
      hostNetwork: pod.hostNetwork,
      ports: pod.ports,
      template: false,
      workload: key,
    };
    workloadFor(workloads, key, pod.namespace, top).pods.push(modelPod);
    pods.push(modelPod);
  }

  for (const object of workloadObjects) {
    const key = workloadKey(object.namespace, object.kind, object.name);
    if (object.owner !== undefined || workloads.has(key) || replicasOf(object) <= 0) continue;
    const pod: ModelPod = {
      namespace: object.namespace,
      name: object.name,
      labels: object.template.labels,
      ips: [],
      hostNetwork: object.template.hostNetwork,
      ports: object.template.ports,
      template: true,
      workload: key,
    };
    workloads.set(key, {
      namespace: object.namespace,
      name: object.name,
      kind: object.kind,
      pods: [pod],
      template: true,
    });
    pods.push(pod);
  }

  for (const w of workloads.values()) w.pods.sort((a, b) => compareText(a.name, b.name));
  pods.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
  const sorted = [...workloads.values()].sort(
    (a, b) =>
      compareText(a.namespace, b.namespace) || compareText(a.name, b.name) || compareText(a.kind, b.kind),
  );
  return { workloads: sorted, pods };
}

function workloadFor(
  workloads: Map<string, ModelWorkload>,
  key: string,
  namespace: string,
  top: OwnerRef,
): ModelWorkload {
  let w = workloads.get(key);
  if (w === undefined) {
    w = { namespace, name: top.name, kind: top.kind, pods: [], template: false };
    workloads.set(key, w);
  }
  return w;
}

/**
 * The top-level controller of a live pod: its controller owner, followed upward through uploaded workload
 * objects (ReplicaSet -> Deployment, Job -> CronJob). A ReplicaSet that was not uploaded is taken to belong to
 * the Deployment named by its name minus the pod's `pod-template-hash`, as the Deployment controller names it.
 */
function topLevelOwner(pod: PodObject, objects: ReadonlyMap<string, WorkloadObject>): OwnerRef {
  if (pod.owner === undefined) return { kind: 'Pod', name: pod.name };
  let current: OwnerRef = pod.owner;
  const seen = new Set<string>();
  for (;;) {
    const key = workloadKey(pod.namespace, current.kind, current.name);
    if (seen.has(key)) return current;
    seen.add(key);
    const object = objects.get(key);
    if (object === undefined) return seen.size === 1 ? ownerOfMissingReplicaSet(pod, current) : current;
    if (object.owner === undefined) return current;
    current = object.owner;
  }
}

function ownerOfMissingReplicaSet(pod: PodObject, owner: OwnerRef): OwnerRef {
  const hash = pod.labels[POD_TEMPLATE_HASH];
  const suffix = `-${hash}`;
  if (
    owner.kind === 'ReplicaSet' &&
    hash &&
    owner.name.endsWith(suffix) &&
    owner.name.length > suffix.length
  ) {
    return { kind: 'Deployment', name: owner.name.slice(0, -suffix.length) };
  }
  return owner;
}

/** Pods a workload object stands for: `replicas` (default 1); DaemonSet, Job and CronJob count as 1. */
function replicasOf(object: WorkloadObject): number {
  if (SINGLE_RUN_KINDS.has(object.kind)) return 1;
  return object.replicas ?? 1;
}
