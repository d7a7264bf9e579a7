import type { Peer } from './answers';

/**
 * The text form of a peer, as roxctl and netpol-analyzer print it: `namespace/name[Kind]` for a workload,
 * `namespace/name` for a pod, `start-end` for an outside address range. Answers sort by it.
 */
export function peerText(peer: Peer): string {
  switch (peer.type) {
    case 'workload':
      return `${peer.namespace}/${peer.name}[${peer.kind}]`;
    case 'pod':
      return `${peer.namespace}/${peer.name}`;
    case 'ipRange':
      return `${peer.start}-${peer.end}`;
  }
}

/** Orders peers by their text form (plain code-unit order, so every runtime and locale agrees). */
export function comparePeers(a: Peer, b: Peer): number {
  return compareTexts(peerText(a), peerText(b));
}

/** Plain code-unit order of texts, the order of `comparePeers`. */
export function compareTexts(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
