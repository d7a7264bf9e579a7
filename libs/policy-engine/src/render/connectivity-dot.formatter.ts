import type { Connection, ConnectivityAnswer, IpRangePeer, Peer } from '../evaluate/answers';
import { comparePeers, peerText } from '../evaluate/peer-text';
import { dotString } from './dot-string';
import type { ConnectivityContext } from './formatter';

type ClusterPeer = Exclude<Peer, IpRangePeer>;

/**
 * The `format=dot` connectivity graph for Graphviz: one node per peer, with workloads and pods boxed inside a
 * `cluster_<namespace>` subgraph per namespace and outside address ranges as ellipses beside them, then one edge
 * per connection labelled with its connection set (dashed when partial). Node IDs are the peers' text forms,
 * so graphs of two snapshots name the same workload the same way. The graph's label names the snapshot and
 * says when it is incomplete.
 */
export function* renderConnectivityDot(
  answer: ConnectivityAnswer,
  context: ConnectivityContext,
): Iterable<string> {
  const title = `Connectivity of snapshot ${context.snapshot}${answer.complete ? '' : ' (incomplete)'}`;
  yield `digraph connectivity {\n  label=${dotString(title)};\n  labelloc="t";\n  rankdir=LR;\n`;
  const { namespaces, ranges } = nodesOf(answer.connections);
  for (const [namespace, peers] of namespaces) {
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
  for (const { src, dst, conn, partial } of answer.connections) {
    const edge = `  ${dotString(peerText(src))} -> ${dotString(peerText(dst))}`;
    yield partial
      ? `${edge} [label=${dotString(`${conn.text} (partial)`)}, style=dashed];\n`
      : `${edge} [label=${dotString(conn.text)}];\n`;
  }
  yield '}\n';
}

/** Every peer once: in-cluster peers by namespace (namespaces in name order), then the address ranges. */
function nodesOf(connections: readonly Connection[]) {
  const byText = new Map<string, Peer>();
  for (const { src, dst } of connections) {
    byText.set(peerText(src), src);
    byText.set(peerText(dst), dst);
  }
  const peers = [...byText.values()].sort(comparePeers);
  const namespaces = new Map<string, ClusterPeer[]>();
  const ranges: IpRangePeer[] = [];
  for (const peer of peers) {
    if (peer.type === 'ipRange') {
      ranges.push(peer);
    } else {
      const members = namespaces.get(peer.namespace) ?? [];
      members.push(peer);
      namespaces.set(peer.namespace, members);
    }
  }
  const ordered = [...namespaces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { namespaces: ordered, ranges };
}
