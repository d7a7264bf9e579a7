/**
 * Small builders for normalized objects (the shapes of src/model/objects.ts), so tests read like manifests.
 * `networkPolicy` applies the API server's defaults the way normalization does: policyTypes and port protocol.
 */
import type {
  ContainerPort,
  LabelSelector,
  Labels,
  NamespaceObject,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyObject,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NodeObject,
  OwnerRef,
  PodObject,
  PolicyType,
  Protocol,
  WorkloadObject,
} from '../src/model/objects';

export function namespace(name: string, labels: Labels = {}): NamespaceObject {
  return { kind: 'Namespace', name, labels };
}

export interface PodOptions {
  labels?: Labels;
  ips?: string[];
  ports?: ContainerPort[];
  owner?: OwnerRef;
  phase?: string;
  nodeName?: string;
  hostNetwork?: boolean;
}

export function pod(namespaceName: string, name: string, options: PodOptions = {}): PodObject {
  return {
    kind: 'Pod',
    namespace: namespaceName,
    name,
    labels: options.labels ?? {},
    ...(options.owner && { owner: options.owner }),
    ips: options.ips ?? [],
    phase: options.phase ?? 'Running',
    ...(options.nodeName !== undefined && { nodeName: options.nodeName }),
    hostNetwork: options.hostNetwork ?? false,
    ports: options.ports ?? [],
  };
}

export function node(name: string, addresses: string[]): NodeObject {
  return {
    kind: 'Node',
    name,
    labels: {},
    addresses: addresses.map((address) => ({ type: 'InternalIP', address })),
  };
}

/** A workload object with an empty template; tests use it for owner chains of live pods. */
export function workload(
  kind: WorkloadObject['kind'],
  namespaceName: string,
  name: string,
  owner?: OwnerRef,
): WorkloadObject {
  return {
    kind,
    namespace: namespaceName,
    name,
    labels: {},
    ...(owner && { owner }),
    template: { labels: {}, hostNetwork: false, ports: [] },
  };
}

/** A port entry as written in a manifest: protocol may be left out (TCP). */
export interface PortInput {
  protocol?: Protocol;
  port?: number | string;
  endPort?: number;
}

export interface IngressRuleInput {
  from?: NetworkPolicyPeer[];
  ports?: PortInput[];
}

export interface EgressRuleInput {
  to?: NetworkPolicyPeer[];
  ports?: PortInput[];
}

/** A NetworkPolicy spec as written in a manifest: every field may be left out. */
export interface PolicyInput {
  podSelector?: LabelSelector;
  policyTypes?: PolicyType[];
  ingress?: IngressRuleInput[];
  egress?: EgressRuleInput[];
}

function withProtocols(ports: PortInput[] | undefined): NetworkPolicyPort[] | undefined {
  return ports?.map((entry) => ({ ...entry, protocol: entry.protocol ?? 'TCP' }));
}

function ingressRule(rule: IngressRuleInput): NetworkPolicyIngressRule {
  const ports = withProtocols(rule.ports);
  return { ...(rule.from && { from: rule.from }), ...(ports && { ports }) };
}

function egressRule(rule: EgressRuleInput): NetworkPolicyEgressRule {
  const ports = withProtocols(rule.ports);
  return { ...(rule.to && { to: rule.to }), ...(ports && { ports }) };
}

/** A normalized NetworkPolicy: podSelector `{}`, protocol TCP and policyTypes defaulted as the API server does. */
export function networkPolicy(namespaceName: string, name: string, input: PolicyInput): NetworkPolicyObject {
  const policyTypes: PolicyType[] =
    input.policyTypes !== undefined && input.policyTypes.length > 0
      ? input.policyTypes
      : (input.egress ?? []).length > 0
        ? ['Ingress', 'Egress']
        : ['Ingress'];
  return {
    kind: 'NetworkPolicy',
    namespace: namespaceName,
    name,
    labels: {},
    spec: {
      podSelector: input.podSelector ?? {},
      policyTypes,
      ...(input.ingress && { ingress: input.ingress.map(ingressRule) }),
      ...(input.egress && { egress: input.egress.map(egressRule) }),
    },
  };
}
