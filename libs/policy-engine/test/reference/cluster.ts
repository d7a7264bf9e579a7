import type {
  AdminPolicyObject,
  K8sObject,
  Labels,
  NetworkPolicyObject,
  NodeObject,
  PodObject,
  Protocol,
} from '../../src/model/objects';

/** The analysis option the reference understands, as in SEMANTICS.md rule 8. */
export interface ReferenceOptions {
  ipBlockMatchesPods: boolean;
}

/** One end of a connection as the policies see it: a pod that policies apply to, or plain addresses. */
export type ReferenceEnd = { kind: 'pod'; pod: PodObject } | { kind: 'address'; addresses: string[] };

export interface Traffic {
  protocol: Protocol;
  port: number;
}

/** The objects of a snapshot, looked up by plain scans every time (no indexes, on purpose). */
export interface ReferenceCluster {
  namespaceLabels(namespace: string): Labels;
  networkPolicies: NetworkPolicyObject[];
  /** AdminNetworkPolicies, BaselineAdminNetworkPolicies and ClusterNetworkPolicies (reference/admin-tiers.ts). */
  adminPolicies: AdminPolicyObject[];
  nodes: NodeObject[];
  pods: PodObject[];
}

/** Reads the objects a NetworkPolicy analysis needs; nothing is precomputed beyond filtering by kind. */
export function referenceCluster(objects: readonly K8sObject[]): ReferenceCluster {
  return {
    namespaceLabels(namespace) {
      const found = objects.find((object) => object.kind === 'Namespace' && object.name === namespace);
      // Every namespace carries its name as a label, uploaded or not.
      return { ...(found?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
    },
    networkPolicies: objects.filter((object) => object.kind === 'NetworkPolicy'),
    adminPolicies: objects.filter(
      (object): object is AdminPolicyObject =>
        object.kind === 'AdminNetworkPolicy' ||
        object.kind === 'BaselineAdminNetworkPolicy' ||
        object.kind === 'ClusterNetworkPolicy',
    ),
    nodes: objects.filter((object) => object.kind === 'Node'),
    // Pods that finished are not running: nothing reaches them and they reach nothing.
    pods: objects.filter(
      (object): object is PodObject =>
        object.kind === 'Pod' && object.phase !== 'Succeeded' && object.phase !== 'Failed',
    ),
  };
}

/**
 * How policies see a pod or an address: a hostNetwork pod uses its node's network, so policies neither select
 * it nor match it by selector; it is just its addresses.
 */
export function endOf(endpoint: PodObject | string): ReferenceEnd {
  if (typeof endpoint === 'string') return { kind: 'address', addresses: [endpoint] };
  return endpoint.hostNetwork ? { kind: 'address', addresses: endpoint.ips } : { kind: 'pod', pod: endpoint };
}
