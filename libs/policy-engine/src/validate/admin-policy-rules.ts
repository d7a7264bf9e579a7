/**
 * What differs between the admin policy APIs, as their CRD schemas say (sigs.k8s.io/network-policy-api:
 * `v1alpha1` AdminNetworkPolicy and BaselineAdminNetworkPolicy, `v1alpha2` ClusterNetworkPolicy).
 */
export interface AdminApiRules {
  /** Rules per direction (`MaxItems` of `spec.ingress`/`spec.egress`). */
  maxRules: number;
  /** Peers per rule (`MaxItems` of `from`/`to`). */
  maxPeers: number;
  actions: readonly string[];
  /** The allowing action, the only one a `domainNames` peer may be used with. */
  allowAction: string;
  ingressPeerFields: readonly string[];
  egressPeerFields: readonly string[];
  /** `ports` (v1alpha1: portNumber/portRange/namedPort) or `protocols` (v1alpha2: tcp/udp/sctp/...). */
  portsField: 'ports' | 'protocols';
  /** v1alpha1 `NamespacedPod` requires both selectors; v1alpha2 only `podSelector`. */
  namespaceSelectorRequired: boolean;
  /** v1alpha1 CIDRs may not embed an IPv4 address in IPv6 notation. */
  rejectEmbeddedIPv4: boolean;
}

const V1ALPHA1_BASE = {
  maxRules: 100,
  maxPeers: 100,
  allowAction: 'Allow',
  ingressPeerFields: ['namespaces', 'pods'],
  portsField: 'ports',
  namespaceSelectorRequired: true,
  rejectEmbeddedIPv4: true,
} as const;

/** AdminNetworkPolicy: Allow/Deny/Pass, 100 rules per direction, `domainNames` only to Allow. */
export const ANP_RULES: AdminApiRules = {
  ...V1ALPHA1_BASE,
  actions: ['Allow', 'Deny', 'Pass'],
  egressPeerFields: ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'],
};

/** The baseline has no `Pass` (there is no later admin tier to pass to) and no `domainNames` peers. */
export const BANP_RULES: AdminApiRules = {
  ...V1ALPHA1_BASE,
  actions: ['Allow', 'Deny'],
  egressPeerFields: ['namespaces', 'pods', 'nodes', 'networks'],
};

/** ClusterNetworkPolicy: Accept/Deny/Pass, 25 rules per direction, `protocols` instead of `ports`. */
export const CNP_RULES: AdminApiRules = {
  maxRules: 25,
  maxPeers: 25,
  actions: ['Accept', 'Deny', 'Pass'],
  allowAction: 'Accept',
  ingressPeerFields: ['namespaces', 'pods'],
  egressPeerFields: ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'],
  portsField: 'protocols',
  namespaceSelectorRequired: false,
  rejectEmbeddedIPv4: false,
};

/** Every peer field of any of these APIs. */
export const ALL_PEER_FIELDS: readonly string[] = ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'];

/** Peer kinds that have no container ports, so a named port cannot apply to them. */
export const PEERS_WITHOUT_NAMED_PORTS: readonly string[] = ['nodes', 'networks', 'domainNames'];

/** Rule names are for people and tooling: at most 100 characters. */
export const MAX_RULE_NAME_LENGTH = 100;
/** `networks` and `domainNames` hold at most 25 entries. */
export const MAX_NETWORKS = 25;
/** Priorities run from 0 (first) to 1000. */
export const MAX_PRIORITY = 1000;
