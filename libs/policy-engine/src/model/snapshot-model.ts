import type {
  AdminPolicyObject,
  K8sObject,
  NamespaceObject,
  NetworkPolicyObject,
  NodeObject,
  ObjectKind,
  PodObject,
  Warning,
  WorkloadObject,
} from './objects';
import {
  NAMESPACE_NAME_LABEL,
  compareText,
  workloadKey,
  type ModelNamespace,
  type SnapshotMeta,
  type SnapshotModel,
} from './snapshot-model-types';
import { resolveWorkloads } from './snapshot-model-workloads';
import { workloadLabelWarnings } from './snapshot-model-warnings';
import { policySelectorKeys } from './snapshot-model-selector-keys';

export * from './snapshot-model-types';

const TERMINAL_PHASES = new Set(['Succeeded', 'Failed']);

/**
 * Builds the snapshot model of SEMANTICS.md from normalized objects: namespaces (with their automatic name
 * label, including namespaces only mentioned), live pods grouped into top-level workloads, template pods of
 * workload objects without live pods, nodes and policies. Terminal pods are left out with a warning.
 */
export function buildSnapshotModel(objects: K8sObject[], meta: SnapshotMeta = {}): SnapshotModel {
  const warnings: Warning[] = [];
  const namespaceObjects: NamespaceObject[] = [];
  const nodes: NodeObject[] = [];
  const livePods: PodObject[] = [];
  const workloadObjects: WorkloadObject[] = [];
  const networkPolicies: NetworkPolicyObject[] = [];
  const adminPolicies: AdminPolicyObject[] = [];
  for (const o of objects) {
    switch (o.kind) {
      case 'Namespace':
        namespaceObjects.push(o);
        break;
      case 'Node':
        nodes.push(o);
        break;
      case 'Pod':
        if (o.phase !== undefined && TERMINAL_PHASES.has(o.phase)) {
          warnings.push({
            code: 'POD_NOT_RUNNING',
            message: `pod ${o.namespace}/${o.name} is ${o.phase}: left out of the analysis`,
            object: { kind: 'Pod', namespace: o.namespace, name: o.name },
          });
        } else livePods.push(o);
        break;
      case 'NetworkPolicy':
        networkPolicies.push(o);
        break;
      case 'AdminNetworkPolicy':
      case 'BaselineAdminNetworkPolicy':
      case 'ClusterNetworkPolicy':
        adminPolicies.push(o);
        break;
      default:
        workloadObjects.push(o);
    }
  }
  byKey(nodes, (n) => n.name);
  byKey(networkPolicies, (p) => `${p.namespace}/${p.name}`);
  byKey(adminPolicies, (p) => `${p.kind}/${p.name}`);

  const { workloads, pods } = resolveWorkloads(livePods, workloadObjects);
  for (const pod of pods) {
    if (pod.hostNetwork) {
      warnings.push({
        code: 'HOST_NETWORK_POD',
        message: `${pod.template ? 'workload' : 'pod'} ${pod.namespace}/${pod.name} uses the host network: policies do not apply to it and its traffic is its node's address`,
        object: pod.template
          ? { kind: pod.workload.split('/')[1] as ObjectKind, namespace: pod.namespace, name: pod.name }
          : { kind: 'Pod', namespace: pod.namespace, name: pod.name },
      });
    }
  }
  warnings.push(...workloadLabelWarnings(workloads, policySelectorKeys(networkPolicies, adminPolicies)));

  const namespaces = buildNamespaces(namespaceObjects, [...pods, ...workloadObjects, ...networkPolicies]);
  const incompleteReasons = [...(meta.incompleteReasons ?? [])];
  return {
    namespaces,
    workloads,
    pods,
    nodes,
    networkPolicies,
    adminPolicies,
    complete: (meta.complete ?? true) && incompleteReasons.length === 0,
    incompleteReasons,
    warnings: [...(meta.warnings ?? []), ...warnings],
    namespacesByName: new Map(namespaces.map((n) => [n.name, n])),
    workloadsByKey: new Map(workloads.map((w) => [workloadKey(w.namespace, w.kind, w.name), w])),
    podsByKey: new Map(pods.filter((p) => !p.template).map((p) => [`${p.namespace}/${p.name}`, p])),
  };
}

function buildNamespaces(uploaded: NamespaceObject[], mentions: { namespace: string }[]): ModelNamespace[] {
  const byName = new Map<string, ModelNamespace>();
  for (const ns of uploaded) {
    // The API server always sets this label to the name, whatever the manifest says.
    byName.set(ns.name, {
      name: ns.name,
      labels: { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name },
      uploaded: true,
    });
  }
  for (const { namespace } of mentions) {
    if (!byName.has(namespace)) {
      byName.set(namespace, {
        name: namespace,
        labels: { [NAMESPACE_NAME_LABEL]: namespace },
        uploaded: false,
      });
    }
  }
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name));
}

function byKey<T>(items: T[], key: (t: T) => string): void {
  items.sort((a, b) => compareText(key(a), key(b)));
}
