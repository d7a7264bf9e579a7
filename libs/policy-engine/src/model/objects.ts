/**
 * The normalized Kubernetes objects podreach stores and analyses.
 *
 * Parsing keeps only what the analysis needs (names, labels, owners, pod IPs, phase, node, hostNetwork,
 * container ports, node addresses, policy specs) and applies the API server's defaults, so that a
 * `kubectl get -o json` dump and the manifests it was applied from normalize to the same object.
 * Everything here is plain JSON: it is what the database holds and what a content hash covers.
 */

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

export type Labels = Readonly<Record<string, string>>;

export const WORKLOAD_KINDS = [
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const ADMIN_POLICY_KINDS = [
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
] as const;
export type AdminPolicyKind = (typeof ADMIN_POLICY_KINDS)[number];

export type ObjectKind = 'Namespace' | 'Node' | 'Pod' | WorkloadKind | 'NetworkPolicy' | AdminPolicyKind;

/** Identity of an object inside one snapshot: (kind, namespace, name) is unique. */
export interface ObjectRef {
  kind: ObjectKind;
  namespace?: string;
  name: string;
}

/** The controller owner reference of a pod or workload (`ownerReferences[].controller == true`). */
export interface OwnerRef {
  kind: string;
  name: string;
}

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

export interface NamespaceObject {
  kind: 'Namespace';
  name: string;
  labels: Labels;
}

export interface NodeAddress {
  type: string;
  address: string;
}

export interface NodeObject {
  kind: 'Node';
  name: string;
  labels: Labels;
  addresses: NodeAddress[];
}

export interface PodObject {
  kind: 'Pod';
  namespace: string;
  name: string;
  labels: Labels;
  owner?: OwnerRef;
  /** `status.podIPs` (or `status.podIP`), IPv4 and IPv6, as written. */
  ips: string[];
  phase?: string;
  nodeName?: string;
  hostNetwork: boolean;
  ports: ContainerPort[];
}

/** The part of a workload's pod template the analysis needs. */
export interface PodTemplate {
  labels: Labels;
  hostNetwork: boolean;
  ports: ContainerPort[];
}

export interface WorkloadObject {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  labels: Labels;
  owner?: OwnerRef;
  /** `spec.replicas` where the kind has it (default 1); absent for DaemonSet, Job and CronJob. */
  replicas?: number;
  template: PodTemplate;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** A label selector as the API writes it; `{}` selects everything. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface IPBlock {
  /** Normalized to its network address (`10.0.0.1/24` becomes `10.0.0.0/24`, with a warning). */
  cidr: string;
  except?: string[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface NetworkPolicyPort {
  /** Defaulted to TCP, as the API server does. */
  protocol: Protocol;
  /** A number, a named container port, or absent (all ports of the protocol). */
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyIngressRule {
  ports?: NetworkPolicyPort[];
  from?: NetworkPolicyPeer[];
}

export interface NetworkPolicyEgressRule {
  ports?: NetworkPolicyPort[];
  to?: NetworkPolicyPeer[];
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicySpec {
  /** Always present after normalization: an absent selector means `{}` (every pod of the namespace). */
  podSelector: LabelSelector;
  /**
   * Always present after normalization, defaulted as the API server does: `[Ingress]`, plus `Egress`
   * when `spec.egress` has at least one rule.
   */
  policyTypes: PolicyType[];
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
}

export interface NetworkPolicyObject {
  kind: 'NetworkPolicy';
  namespace: string;
  name: string;
  labels: Labels;
  spec: NetworkPolicySpec;
}

/**
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy (v1alpha2):
 * cluster-scoped; the spec is kept as the API defines it and evaluated by the admin tiers.
 */
export interface AdminPolicyObject {
  kind: AdminPolicyKind;
  apiVersion: string;
  name: string;
  labels: Labels;
  spec: Record<string, unknown>;
}

export type WorkloadObjectKind = WorkloadObject['kind'];

export type K8sObject =
  NamespaceObject | NodeObject | PodObject | WorkloadObject | NetworkPolicyObject | AdminPolicyObject;

/** A problem found while validating an upload, with the field path in API terms. */
export interface ValidationProblem {
  /** Which document of the upload: a file name in an archive, `document 3` of a YAML stream, `body`. */
  document: string;
  kind?: string;
  namespace?: string;
  name?: string;
  /** e.g. `spec.ingress[0].ports[1].endPort`. */
  path: string;
  message: string;
}

/** A warning that does not stop an upload or an analysis. `code` is stable; `message` is for people. */
export interface Warning {
  code: string;
  message: string;
  object?: ObjectRef;
}

/** Stable key of an object: `Kind/namespace/name` or `Kind/name` for cluster-scoped kinds. */
export function objectKey(ref: ObjectRef): string {
  return ref.namespace === undefined ? `${ref.kind}/${ref.name}` : `${ref.kind}/${ref.namespace}/${ref.name}`;
}
