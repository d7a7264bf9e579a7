import type {
  AdminPolicyObject,
  ContainerPort,
  Labels,
  NetworkPolicyObject,
  NodeObject,
  Warning,
} from './objects';

/** The label every namespace carries, set by the API server. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface ModelNamespace {
  name: string;
  /** Uploaded labels plus `kubernetes.io/metadata.name`. */
  labels: Labels;
  /** False when the namespace is only mentioned by other objects. */
  uploaded: boolean;
}

/** A pod the analysis sees: a live pod, or the template pod of a workload object without live pods. */
export interface ModelPod {
  namespace: string;
  /** The pod name; for a template pod, its workload's name. */
  name: string;
  labels: Labels;
  ips: string[];
  nodeName?: string;
  hostNetwork: boolean;
  ports: ContainerPort[];
  /** True for a template pod (no IP; it stands for the pods its workload will run). */
  template: boolean;
  /** Key of the top-level workload (see `workloadKey`). */
  workload: string;
}

/** A workload as users know it: the top-level controller, or a bare pod (kind `Pod`). */
export interface ModelWorkload {
  namespace: string;
  name: string;
  kind: string;
  /** Sorted by name. A template workload has exactly one (template) pod. */
  pods: ModelPod[];
  template: boolean;
}

export interface SnapshotModel {
  /** Sorted by name. */
  namespaces: ModelNamespace[];
  /** Sorted by namespace, name, kind. */
  workloads: ModelWorkload[];
  /** Live and template pods the analysis sees (terminal pods left out), sorted by namespace, name. */
  pods: ModelPod[];
  nodes: NodeObject[];
  networkPolicies: NetworkPolicyObject[];
  adminPolicies: AdminPolicyObject[];
  complete: boolean;
  incompleteReasons: string[];
  /** Warnings about the snapshot's objects (the analysis adds those that need compiled selectors). */
  warnings: Warning[];
  namespacesByName: ReadonlyMap<string, ModelNamespace>;
  workloadsByKey: ReadonlyMap<string, ModelWorkload>;
  /** Live pods by `namespace/name` (template pods are reached through their workload). */
  podsByKey: ReadonlyMap<string, ModelPod>;
}

export interface SnapshotMeta {
  complete?: boolean;
  incompleteReasons?: string[];
  /** Warnings found earlier (parsing); they are passed on in every answer. */
  warnings?: Warning[];
}

/** Stable key of a workload: `namespace/Kind/name`. */
export function workloadKey(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

/** Plain code-unit order, the same on every runtime and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
