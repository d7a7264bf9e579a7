/**
 * The reference's admin tiers, written straight from SEMANTICS.md ("AdminNetworkPolicy ..." and
 * "ClusterNetworkPolicy"): one pod, one peer, one port at a time, every policy scanned on every call. It reads
 * the specs as the API writes them and shares no code with the engine's compiler.
 */
import type { AdminPolicyObject, LabelSelector, PodObject } from '../../src/model/objects';
import { cidrContains, sameAddress } from './cidr';
import { selectorMatches } from './label-selector';
import type { DirectionQuestion, TierVerdict } from './network-policy-tier';

type Fields = Record<string, unknown>;

const asFields = (value: unknown): Fields =>
  typeof value === 'object' && value !== null ? (value as Fields) : {};
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asSelector = (value: unknown): LabelSelector => asFields(value) as LabelSelector;

function inTier(policy: AdminPolicyObject, tier: 'admin' | 'baseline'): boolean {
  if (policy.kind === 'AdminNetworkPolicy') return tier === 'admin';
  if (policy.kind === 'BaselineAdminNetworkPolicy') return tier === 'baseline';
  return (policy.spec.tier === 'Baseline' ? 'baseline' : 'admin') === tier;
}

/** Priority order; the BANP (no priority) after every Baseline-tier CNP; ties by name (podreach's rule). */
function sortKey(policy: AdminPolicyObject): [number, string, string] {
  const priority = policy.kind === 'BaselineAdminNetworkPolicy' ? 1001 : Number(policy.spec.priority ?? 0);
  return [priority, policy.name, policy.kind];
}

function podSelected(
  q: DirectionQuestion,
  pod: PodObject,
  namespaces: unknown,
  podSelector: unknown,
): boolean {
  return (
    selectorMatches(asSelector(namespaces), q.cluster.namespaceLabels(pod.namespace)) &&
    selectorMatches(asSelector(podSelector), pod.labels)
  );
}

function subjectMatches(q: DirectionQuestion, subject: Fields): boolean {
  if (subject.namespaces !== undefined) return podSelected(q, q.subject, subject.namespaces, {});
  if (subject.pods !== undefined) {
    const pods = asFields(subject.pods);
    return podSelected(q, q.subject, pods.namespaceSelector, pods.podSelector);
  }
  return false;
}

function peerMatches(q: DirectionQuestion, peer: Fields, allowing: boolean): boolean {
  const known = ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'].some((f) => peer[f] !== undefined);
  // A peer of a newer API fails closed.
  if (!known) return !allowing;
  const end = q.peer;
  const addresses = end.kind === 'pod' ? end.pod.ips : end.addresses;
  if (peer.namespaces !== undefined)
    return end.kind === 'pod' && podSelected(q, end.pod, peer.namespaces, {});
  if (peer.pods !== undefined) {
    const pods = asFields(peer.pods);
    return end.kind === 'pod' && podSelected(q, end.pod, pods.namespaceSelector, pods.podSelector);
  }
  if (peer.nodes !== undefined) {
    return q.cluster.nodes.some(
      (node) =>
        selectorMatches(asSelector(peer.nodes), node.labels) &&
        node.addresses.some((a) => addresses.some((address) => sameAddressText(a.address, address))),
    );
  }
  if (peer.networks !== undefined) {
    // Networks match pod IPs too; a pod without an IP is matched by none.
    return asList(peer.networks).some((cidr) =>
      addresses.some((address) => cidrContains(String(cidr), address)),
    );
  }
  return false;
}

function sameAddressText(a: string, b: string): boolean {
  try {
    return sameAddress(a, b);
  } catch {
    return false;
  }
}

/** Whether the destination pod has a container port of that name on the probed protocol and port. */
function namedPortMatches(q: DirectionQuestion, name: string): boolean {
  const destination = q.direction === 'ingress' ? q.subject : q.peer.kind === 'pod' ? q.peer.pod : undefined;
  return (destination?.ports ?? []).some(
    (p) => p.name === name && p.protocol === q.traffic.protocol && p.port === q.traffic.port,
  );
}

function inRange(q: DirectionQuestion, protocol: unknown, start: unknown, end: unknown): boolean {
  return (
    (protocol ?? 'TCP') === q.traffic.protocol &&
    q.traffic.port >= Number(start) &&
    q.traffic.port <= Number(end)
  );
}

function portEntryMatches(q: DirectionQuestion, entry: Fields, allowing: boolean): boolean {
  if (typeof entry.namedPort === 'string') return namedPortMatches(q, entry.namedPort);
  if (typeof entry.destinationNamedPort === 'string') return namedPortMatches(q, entry.destinationNamedPort);
  if (entry.portNumber !== undefined) {
    const n = asFields(entry.portNumber);
    return inRange(q, n.protocol, n.port, n.port);
  }
  if (entry.portRange !== undefined) {
    const r = asFields(entry.portRange);
    return inRange(q, r.protocol, r.start, r.end);
  }
  for (const protocol of ['TCP', 'UDP', 'SCTP']) {
    const destination = asFields(asFields(entry[protocol.toLowerCase()]).destinationPort);
    if (destination.number !== undefined) return inRange(q, protocol, destination.number, destination.number);
    if (destination.range !== undefined) {
      const r = asFields(destination.range);
      return inRange(q, protocol, r.start, r.end);
    }
  }
  return !allowing;
}

function ruleMatches(q: DirectionQuestion, rule: Fields, allowing: boolean): boolean {
  const peers = asList(q.direction === 'ingress' ? rule.from : rule.to);
  const ports = asList(rule.protocols ?? rule.ports);
  return (
    peers.some((peer) => peerMatches(q, asFields(peer), allowing)) &&
    (ports.length === 0 || ports.some((entry) => portEntryMatches(q, asFields(entry), allowing)))
  );
}

function adminTierOf(tier: 'admin' | 'baseline'): (q: DirectionQuestion) => TierVerdict {
  return (q) => {
    const policies = q.cluster.adminPolicies
      .filter((policy) => inTier(policy, tier) && subjectMatches(q, asFields(policy.spec.subject)))
      .sort((a, b) => {
        const [x, y] = [sortKey(a), sortKey(b)];
        return (
          x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0) || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0)
        );
      });
    for (const policy of policies) {
      for (const raw of asList(policy.spec[q.direction])) {
        const rule = asFields(raw);
        const action = rule.action === 'Accept' ? 'Allow' : rule.action;
        if (action !== 'Allow' && action !== 'Deny' && action !== 'Pass') continue;
        if (!ruleMatches(q, rule, action === 'Allow')) continue;
        // The first matching rule decides; Pass leaves it to the next tier.
        return action === 'Allow' ? 'allow' : action === 'Deny' ? 'deny' : 'pass';
      }
    }
    return 'pass';
  };
}

/** ANPs and Admin-tier CNPs, by priority: first matching rule decides; Pass goes to NetworkPolicy. */
export const adminTier = adminTierOf('admin');

/** Baseline-tier CNPs by priority, then the BANP; Pass and no match go to the default allow. */
export const baselineTier = adminTierOf('baseline');
