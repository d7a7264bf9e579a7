import type { IpRangePeer, Peer } from '../evaluate/answers';
import { compareTexts, peerText } from '../evaluate/peer-text';
import { dotString } from './dot-string';

/** The opening of a left-to-right Graphviz digraph with its title on top. */
export function dotGraphStart(name: string, title: string): string {
  return `digraph ${name} {\n  label=${dotString(title)};\n  labelloc="t";\n  rankdir=LR;\n`;
}

/** `"src" -> "dst"`: node IDs are the peers' text forms, so graphs of two snapshots name a workload alike. */
export function dotEdge(src: Peer, dst: Peer): string {
  return `  ${dotString(peerText(src))} -> ${dotString(peerText(dst))}`;
}

/**
 * One node per peer of the given pairs: workloads and pods boxed inside a `cluster_<namespace>` subgraph per
 * namespace (namespaces in name order), then outside address ranges as ellipses.
 */
export function* dotNodes(pairs: Iterable<{ src: Peer; dst: Peer }>): Iterable<string> {
  const byText = new Map<string, Peer>();
  for (const { src, dst } of pairs) {
    byText.set(peerText(src), src);
    byText.set(peerText(dst), dst);
  }
  const namespaces = new Map<string, Exclude<Peer, IpRangePeer>[]>();
  const ranges: IpRangePeer[] = [];
  for (const [, peer] of [...byText].sort(([a], [b]) => compareTexts(a, b))) {
    if (peer.type === 'ipRange') ranges.push(peer);
    else namespaces.set(peer.namespace, [...(namespaces.get(peer.namespace) ?? []), peer]);
  }
  for (const [namespace, peers] of [...namespaces].sort(([a], [b]) => compareTexts(a, b))) {
    yield `  subgraph ${dotString(`cluster_${namespace}`)} {\n    label=${dotString(namespace)};\n`;
    for (const peer of peers) {
      const label = peer.type === 'workload' ? `${peer.name}[${peer.kind}]` : peer.name;
      yield `    ${dotString(peerText(peer))} [label=${dotString(label)}, shape=box];\n`;
    }
    yield '  }\n';
  }
  for (const range of ranges) {
    const text = dotString(peerText(range));
    yield `  ${text} [label=${text}, shape=ellipse];\n`;
  }
}
