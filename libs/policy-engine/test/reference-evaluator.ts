/**
 * A deliberately simple evaluator of NetworkPolicy semantics, written straight from SEMANTICS.md: one pod pair,
 * one port at a time, every policy scanned on every call, no indexes and no caching. It shares nothing with the
 * engine but the object types, so that agreement between the two means something. Slow by design; tests only.
 */
import type { K8sObject, PodObject, Protocol } from '../src/model/objects';
import { adminTier, baselineTier } from './reference/admin-tiers';
import { isAddress, sameAddress } from './reference/cidr';
import { endOf, referenceCluster, type ReferenceCluster, type ReferenceOptions } from './reference/cluster';
import { networkPolicyTier, type DirectionQuestion, type TierVerdict } from './reference/network-policy-tier';

export type { ReferenceOptions } from './reference/cluster';

/** A pod of the snapshot, or an address (IPv4 or IPv6) outside it. */
export type ReferenceEndpoint = PodObject | string;

/**
 * The tiers consulted per direction, in order; the first that decides wins, and when none does the direction
 * is allowed. The admin tier goes before the NetworkPolicy tier and the baseline tier after it.
 */
const TIERS: readonly ((q: DirectionQuestion) => TierVerdict)[] = [
  adminTier,
  networkPolicyTier,
  baselineTier,
];

function directionAllows(q: DirectionQuestion): boolean {
  for (const tier of TIERS) {
    const verdict = tier(q);
    if (verdict !== 'pass') return verdict === 'allow';
  }
  return true;
}

function samePod(a: ReferenceEndpoint, b: ReferenceEndpoint): boolean {
  return typeof a !== 'string' && typeof b !== 'string' && a.namespace === b.namespace && a.name === b.name;
}

/** The kubelet on a pod's own node may always reach it (probes), whatever the policies say. */
function fromOwnNode(cluster: ReferenceCluster, src: ReferenceEndpoint, dst: ReferenceEndpoint): boolean {
  if (typeof dst === 'string' || dst.nodeName === undefined) return false;
  const addresses = typeof src === 'string' ? [src] : src.hostNetwork ? src.ips : [];
  const node = cluster.nodes.find((candidate) => candidate.name === dst.nodeName);
  return (node?.addresses ?? []).some(
    (nodeAddress) =>
      isAddress(nodeAddress.address) &&
      addresses.some((address) => sameAddress(nodeAddress.address, address)),
  );
}

/**
 * Whether `src` may open a `protocol`/`port` connection to `dst`: the source's egress and the destination's
 * ingress must both allow it. An outside address or a hostNetwork pod is not policed itself, so only its
 * in-cluster peer is checked. Traffic of a pod to itself is always allowed.
 */
export function referenceAllows(
  objects: readonly K8sObject[],
  src: ReferenceEndpoint,
  dst: ReferenceEndpoint,
  protocol: Protocol,
  port: number,
  options: ReferenceOptions = { ipBlockMatchesPods: false },
): boolean {
  const cluster = referenceCluster(objects);
  if (samePod(src, dst) || fromOwnNode(cluster, src, dst)) return true;
  const traffic = { protocol, port };
  const srcEnd = endOf(src);
  const dstEnd = endOf(dst);
  const egressOk =
    srcEnd.kind !== 'pod' ||
    directionAllows({ cluster, direction: 'egress', subject: srcEnd.pod, peer: dstEnd, traffic, options });
  const ingressOk =
    dstEnd.kind !== 'pod' ||
    directionAllows({ cluster, direction: 'ingress', subject: dstEnd.pod, peer: srcEnd, traffic, options });
  return egressOk && ingressOk;
}

/** The running pods of a snapshot (phase Succeeded or Failed left out), in upload order. */
export function referencePods(objects: readonly K8sObject[]): PodObject[] {
  return referenceCluster(objects).pods;
}

/** A text key for an endpoint: `namespace/name` for a pod, the address itself otherwise. */
export function endpointKey(endpoint: ReferenceEndpoint): string {
  return typeof endpoint === 'string' ? endpoint : `${endpoint.namespace}/${endpoint.name}`;
}

/**
 * Asks `allows` about every ordered pair of endpoints (address-to-address pairs excluded: nothing in the cluster
 * decides those) and keys the answers `src -> dst`.
 */
export function enumerateMatrix(
  endpoints: readonly ReferenceEndpoint[],
  allows: (src: ReferenceEndpoint, dst: ReferenceEndpoint) => boolean,
): Map<string, boolean> {
  const matrix = new Map<string, boolean>();
  for (const src of endpoints) {
    for (const dst of endpoints) {
      if (typeof src === 'string' && typeof dst === 'string') continue;
      matrix.set(`${endpointKey(src)} -> ${endpointKey(dst)}`, allows(src, dst));
    }
  }
  return matrix;
}
