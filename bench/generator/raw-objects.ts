/**
 * The raw Kubernetes shapes the generator emits: what `kubectl get -o json` prints, trimmed to the fields
 * real dumps always carry (managed fields are left out, as kubectl does by default).
 */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
  blockOwnerDeletion: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generateName?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface RawObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

export interface RawContainerPort {
  name?: string;
  containerPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export interface RawLabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}

export interface RawPolicyPeer {
  podSelector?: RawLabelSelector;
  namespaceSelector?: RawLabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface RawPolicyPort {
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port?: number | string;
  endPort?: number;
}

export interface RawNetworkPolicySpec {
  podSelector: RawLabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: { from?: RawPolicyPeer[]; ports?: RawPolicyPort[] }[];
  egress?: { to?: RawPolicyPeer[]; ports?: RawPolicyPort[] }[];
}

export interface RawNetworkPolicy extends RawObject {
  kind: 'NetworkPolicy';
  metadata: ObjectMeta & { namespace: string };
  spec: RawNetworkPolicySpec;
}

export function isNetworkPolicy(object: RawObject): object is RawNetworkPolicy {
  return object.kind === 'NetworkPolicy';
}
