import type {
  IPBlock,
  NetworkPolicyObject,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PodObject,
  PolicyType,
} from '../../src/model/objects';
import { cidrContains } from './cidr';
import type { ReferenceCluster, ReferenceEnd, ReferenceOptions, Traffic } from './cluster';
import { selectorMatches } from './label-selector';

export type Direction = 'ingress' | 'egress';

/** What a tier says about one direction: decide (`allow`/`deny`) or leave it to the next tier (`pass`). */
export type TierVerdict = 'allow' | 'deny' | 'pass';

/** One question to a tier: may `peer` talk to `subject` (ingress) or `subject` to `peer` (egress)? */
export interface DirectionQuestion {
  cluster: ReferenceCluster;
  direction: Direction;
  subject: PodObject;
  peer: ReferenceEnd;
  traffic: Traffic;
  options: ReferenceOptions;
}

/** Absent or empty policyTypes mean Ingress, plus Egress when there is at least one egress rule. */
function listedTypes(policy: NetworkPolicyObject): PolicyType[] {
  if (policy.spec.policyTypes.length > 0) return policy.spec.policyTypes;
  return (policy.spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function inBlock(address: string, block: IPBlock): boolean {
  return (
    cidrContains(block.cidr, address) && !(block.except ?? []).some((cidr) => cidrContains(cidr, address))
  );
}

function peerMatches(peer: NetworkPolicyPeer, policy: NetworkPolicyObject, q: DirectionQuestion): boolean {
  const hasSelector = peer.podSelector !== undefined || peer.namespaceSelector !== undefined;
  if (peer.ipBlock !== undefined) {
    if (hasSelector) throw new Error('reference: ipBlock cannot be combined with a selector');
    const block = peer.ipBlock;
    // Pod IPs count as addresses only when the network plugin treats them so (the ipBlockMatchesPods option).
    const addresses =
      q.peer.kind === 'address' ? q.peer.addresses : q.options.ipBlockMatchesPods ? q.peer.pod.ips : [];
    return addresses.some((address) => inBlock(address, block));
  }
  if (!hasSelector) throw new Error('reference: a peer must specify a selector or an ipBlock');
  if (q.peer.kind !== 'pod') return false;
  const pod = q.peer.pod;
  // A podSelector alone stays in the policy's namespace; with a namespaceSelector both must hold.
  const namespaceOk =
    peer.namespaceSelector === undefined
      ? pod.namespace === policy.namespace
      : selectorMatches(peer.namespaceSelector, q.cluster.namespaceLabels(pod.namespace));
  return namespaceOk && (peer.podSelector === undefined || selectorMatches(peer.podSelector, pod.labels));
}

function portMatches(entry: NetworkPolicyPort, q: DirectionQuestion): boolean {
  if (entry.protocol !== q.traffic.protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') {
    const end = entry.endPort ?? entry.port;
    if (end < entry.port) throw new Error('reference: endPort below port');
    return q.traffic.port >= entry.port && q.traffic.port <= end;
  }
  if (entry.endPort !== undefined) throw new Error('reference: endPort needs a numeric port');
  // A named port resolves on the destination pod, by name and protocol; an address has no named ports.
  const destination = q.direction === 'ingress' ? ({ kind: 'pod', pod: q.subject } as const) : q.peer;
  if (destination.kind !== 'pod') return false;
  const name = entry.port;
  return destination.pod.ports.some(
    (port) => port.name === name && port.protocol === entry.protocol && port.port === q.traffic.port,
  );
}

function policyAllows(policy: NetworkPolicyObject, q: DirectionQuestion): boolean {
  const rules =
    q.direction === 'ingress'
      ? (policy.spec.ingress ?? []).map((rule) => ({ peers: rule.from, ports: rule.ports }))
      : (policy.spec.egress ?? []).map((rule) => ({ peers: rule.to, ports: rule.ports }));
  // Within a rule, absent or empty peers mean every peer, absent or empty ports every port of every protocol.
  return rules.some(
    (rule) =>
      ((rule.peers ?? []).length === 0 || (rule.peers ?? []).some((peer) => peerMatches(peer, policy, q))) &&
      ((rule.ports ?? []).length === 0 || (rule.ports ?? []).some((entry) => portMatches(entry, q))),
  );
}

/**
 * The NetworkPolicy v1 tier: the policies of the subject's namespace that select it and list the direction
 * isolate it; then the union of their rules decides. A subject no policy isolates is left to the next tier.
 */
export function networkPolicyTier(q: DirectionQuestion): TierVerdict {
  const type: PolicyType = q.direction === 'ingress' ? 'Ingress' : 'Egress';
  const isolating = q.cluster.networkPolicies.filter(
    (policy) =>
      policy.namespace === q.subject.namespace &&
      selectorMatches(policy.spec.podSelector, q.subject.labels) &&
      listedTypes(policy).includes(type),
  );
  if (isolating.length === 0) return 'pass';
  return isolating.some((policy) => policyAllows(policy, q)) ? 'allow' : 'deny';
}
