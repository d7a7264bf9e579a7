/**
 * Admin policies written once and built for either API version: `v1alpha1` (AdminNetworkPolicy and the
 * BaselineAdminNetworkPolicy `default`) or `v1alpha2` (ClusterNetworkPolicy in the Admin or Baseline tier).
 * The objects have the normalized shape (`spec` kept as the API writes it).
 */
import type { AdminPolicyObject, LabelSelector, Protocol } from '../../src/model/objects';

export type ApiVersion = 'v1alpha1' | 'v1alpha2';
export const API_VERSIONS: readonly ApiVersion[] = ['v1alpha1', 'v1alpha2'];

export type AdminAction = 'Allow' | 'Deny' | 'Pass';

export type PeerInput =
  | { namespaces: LabelSelector }
  | { pods: { namespaceSelector: LabelSelector; podSelector: LabelSelector } }
  | { nodes: LabelSelector }
  | { networks: string[] }
  /** A peer of a newer API (no field this version knows): evaluated fail-closed. */
  | { unknown: true };

export type PortInput =
  | { protocol: Protocol; port: number }
  | { protocol: Protocol; start: number; end: number }
  | { named: string };

export interface RuleInput {
  name?: string;
  action: AdminAction;
  peers: PeerInput[];
  ports?: PortInput[];
}

export interface AdminPolicyInput {
  name: string;
  priority: number;
  subject:
    | { namespaces: LabelSelector }
    | { pods: { namespaceSelector: LabelSelector; podSelector: LabelSelector } };
  ingress?: RuleInput[];
  egress?: RuleInput[];
}

function peerOf(peer: PeerInput): Record<string, unknown> {
  return 'unknown' in peer ? { serviceAccounts: {} } : { ...peer };
}

function portOf(version: ApiVersion, port: PortInput): Record<string, unknown> {
  if ('named' in port)
    return version === 'v1alpha1' ? { namedPort: port.named } : { destinationNamedPort: port.named };
  const protocol = port.protocol;
  if (version === 'v1alpha1') {
    return 'port' in port
      ? { portNumber: { protocol, port: port.port } }
      : { portRange: { protocol, start: port.start, end: port.end } };
  }
  const destinationPort =
    'port' in port ? { number: port.port } : { range: { start: port.start, end: port.end } };
  return { [protocol.toLowerCase()]: { destinationPort } };
}

function ruleOf(version: ApiVersion, direction: 'from' | 'to', rule: RuleInput): Record<string, unknown> {
  const action = version === 'v1alpha2' && rule.action === 'Allow' ? 'Accept' : rule.action;
  const portsField = version === 'v1alpha1' ? 'ports' : 'protocols';
  return {
    ...(rule.name !== undefined && { name: rule.name }),
    action,
    [direction]: rule.peers.map(peerOf),
    ...(rule.ports && { [portsField]: rule.ports.map((port) => portOf(version, port)) }),
  };
}

function specOf(version: ApiVersion, input: AdminPolicyInput): Record<string, unknown> {
  return {
    subject: input.subject,
    ...(input.ingress && { ingress: input.ingress.map((rule) => ruleOf(version, 'from', rule)) }),
    ...(input.egress && { egress: input.egress.map((rule) => ruleOf(version, 'to', rule)) }),
  };
}

/** An admin-tier policy: an AdminNetworkPolicy, or a ClusterNetworkPolicy with `tier: Admin`. */
export function adminPolicy(version: ApiVersion, input: AdminPolicyInput): AdminPolicyObject {
  if (version === 'v1alpha1') {
    return {
      kind: 'AdminNetworkPolicy',
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      name: input.name,
      labels: {},
      spec: { priority: input.priority, ...specOf(version, input) },
    };
  }
  return clusterNetworkPolicy('Admin', input);
}

/**
 * A baseline-tier policy: the BaselineAdminNetworkPolicy `default` (no priority; one per cluster), or a
 * ClusterNetworkPolicy with `tier: Baseline`.
 */
export function baselinePolicy(version: ApiVersion, input: AdminPolicyInput): AdminPolicyObject {
  if (version === 'v1alpha1') {
    return {
      kind: 'BaselineAdminNetworkPolicy',
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      name: 'default',
      labels: {},
      spec: specOf(version, input),
    };
  }
  return clusterNetworkPolicy('Baseline', input);
}

export function clusterNetworkPolicy(tier: 'Admin' | 'Baseline', input: AdminPolicyInput): AdminPolicyObject {
  return {
    kind: 'ClusterNetworkPolicy',
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    name: input.name,
    labels: {},
    spec: { tier, priority: input.priority, ...specOf('v1alpha2', input) },
  };
}

/** Subject or peer: every pod of the namespaces with `house: <house>`. */
export function house(name: string): { namespaces: LabelSelector } {
  return { namespaces: { matchLabels: { house: name } } };
}

/** Every pod of every namespace. */
export const EVERY_NAMESPACE = { namespaces: {} };
