import type { ObjectKind } from '../model/objects';

/** What the builder does with an object of a given kind and apiVersion. */
export type KindClass =
  | { type: 'understood'; kind: ObjectKind; apiVersion: string }
  /** A policy of another network plugin: traffic it blocks is not seen, so the snapshot is incomplete. */
  | { type: 'foreign'; label: string }
  | { type: 'skipped' };

/** The API group of each understood kind, and the version assumed when an object does not say. */
const UNDERSTOOD: Record<ObjectKind, { groups: readonly string[]; defaultVersion: string }> = {
  Namespace: { groups: [''], defaultVersion: 'v1' },
  Node: { groups: [''], defaultVersion: 'v1' },
  Pod: { groups: [''], defaultVersion: 'v1' },
  ReplicationController: { groups: [''], defaultVersion: 'v1' },
  // `extensions` served these kinds before Kubernetes 1.16; the objects are the same.
  Deployment: { groups: ['apps', 'extensions'], defaultVersion: 'apps/v1' },
  ReplicaSet: { groups: ['apps', 'extensions'], defaultVersion: 'apps/v1' },
  DaemonSet: { groups: ['apps', 'extensions'], defaultVersion: 'apps/v1' },
  StatefulSet: { groups: ['apps'], defaultVersion: 'apps/v1' },
  Job: { groups: ['batch'], defaultVersion: 'batch/v1' },
  CronJob: { groups: ['batch'], defaultVersion: 'batch/v1' },
  NetworkPolicy: { groups: ['networking.k8s.io', 'extensions'], defaultVersion: 'networking.k8s.io/v1' },
  AdminNetworkPolicy: {
    groups: ['policy.networking.k8s.io'],
    defaultVersion: 'policy.networking.k8s.io/v1alpha1',
  },
  BaselineAdminNetworkPolicy: {
    groups: ['policy.networking.k8s.io'],
    defaultVersion: 'policy.networking.k8s.io/v1alpha1',
  },
  ClusterNetworkPolicy: {
    groups: ['policy.networking.k8s.io'],
    defaultVersion: 'policy.networking.k8s.io/v1alpha2',
  },
};

/** Policy kinds of other engines, by API group. A kind listed as `*` counts whatever its name. */
const FOREIGN_POLICY_KINDS: Record<string, readonly string[]> = {
  'cilium.io': ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
  'crd.projectcalico.org': [
    'NetworkPolicy',
    'GlobalNetworkPolicy',
    'StagedNetworkPolicy',
    'StagedGlobalNetworkPolicy',
    'StagedKubernetesNetworkPolicy',
  ],
  'projectcalico.org': [
    'NetworkPolicy',
    'GlobalNetworkPolicy',
    'StagedNetworkPolicy',
    'StagedGlobalNetworkPolicy',
    'StagedKubernetesNetworkPolicy',
  ],
  'crd.antrea.io': [
    'NetworkPolicy',
    'ClusterNetworkPolicy',
    'AntreaNetworkPolicy',
    'AntreaClusterNetworkPolicy',
  ],
  'security.antrea.tanzu.vmware.com': ['NetworkPolicy', 'ClusterNetworkPolicy'],
};

/** The group of an apiVersion: `apps/v1` -> `apps`, `v1` -> `` (the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function isUnderstoodKind(kind: string): kind is ObjectKind {
  return Object.hasOwn(UNDERSTOOD, kind);
}

/**
 * Classifies an object by kind and apiVersion. The group decides where a name is shared: Calico's
 * `NetworkPolicy` (`crd.projectcalico.org/v1`) is a foreign policy, not a Kubernetes one. An object
 * without apiVersion is taken to be the Kubernetes kind of that name.
 */
export function classifyKind(kind: string, apiVersion: string | undefined): KindClass {
  const group = apiVersion === undefined ? undefined : apiGroup(apiVersion);
  if (group !== undefined && FOREIGN_POLICY_KINDS[group]?.includes(kind)) {
    return { type: 'foreign', label: foreignLabel(kind, group, apiVersion!) };
  }
  // Cilium's kind names are unique, so they are recognised even without an apiVersion.
  if (group === undefined && FOREIGN_POLICY_KINDS['cilium.io'].includes(kind))
    return { type: 'foreign', label: kind };
  if (isUnderstoodKind(kind)) {
    const known = UNDERSTOOD[kind];
    if (group === undefined) return { type: 'understood', kind, apiVersion: known.defaultVersion };
    if (known.groups.includes(group)) return { type: 'understood', kind, apiVersion: apiVersion! };
  }
  return { type: 'skipped' };
}

/** `CiliumNetworkPolicy`, or `NetworkPolicy (crd.projectcalico.org/v1)` where the kind name alone misleads. */
function foreignLabel(kind: string, group: string, apiVersion: string): string {
  return kind.startsWith('Cilium') || (kind.startsWith('Antrea') && group === 'crd.antrea.io')
    ? kind
    : `${kind} (${apiVersion})`;
}

/** `PodList` -> `Pod`; `List` and other names -> undefined. */
export function itemKindOfList(listKind: string | undefined): string | undefined {
  return listKind !== undefined && listKind.length > 'List'.length && listKind.endsWith('List')
    ? listKind.slice(0, -'List'.length)
    : undefined;
}
