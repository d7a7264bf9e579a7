/** Building blocks of generated NetworkPolicies: common selectors, peers, address blocks and ports. */
import { KUBE_SYSTEM } from './namespaces';
import type { Random } from './random';
import type { RawContainerPort, RawLabelSelector, RawPolicyPeer, RawPolicyPort } from './raw-objects';

/** The private ranges an "internet egress" policy carves out of 0.0.0.0/0. */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** Outside partners: documentation ranges, some with excepts strictly inside their CIDR. */
export const PARTNER_BLOCKS: readonly { cidr: string; except?: string[] }[] = [
  { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] },
  { cidr: '198.51.100.0/24', except: ['198.51.100.16/28', '198.51.100.64/26'] },
  { cidr: '192.0.2.0/24' },
  { cidr: '192.168.10.0/23', except: ['192.168.11.0/24'] },
];

export function byLabel(key: string, value: string): RawLabelSelector {
  return { matchLabels: { [key]: value } };
}

export function byApp(app: string): RawLabelSelector {
  return byLabel('app', app);
}

/** Kubernetes labels every namespace with its own name, so this selects exactly one namespace. */
export function namespaceNamed(name: string): RawLabelSelector {
  return byLabel('kubernetes.io/metadata.name', name);
}

/** The peer of "allow DNS": CoreDNS pods in kube-system (namespace AND pod selector in one peer). */
export const DNS_PEER: RawPolicyPeer = {
  namespaceSelector: namespaceNamed(KUBE_SYSTEM),
  podSelector: byLabel('k8s-app', 'kube-dns'),
};

export const DNS_PORTS: RawPolicyPort[] = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];

/**
 * A policy port for a container port, by name or by number. TCP is left implicit half the time, since
 * manifests often rely on the API server's default.
 */
export function policyPort(port: RawContainerPort, random: Random, byName: boolean): RawPolicyPort {
  const value = byName && port.name !== undefined ? port.name : port.containerPort;
  if (port.protocol === 'TCP' && random.chance(0.5)) return { port: value };
  return { protocol: port.protocol, port: value };
}
