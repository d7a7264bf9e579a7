import type { ConnectivityChange, DiffAnswer } from '../diff/diff-answer';
import type { IpRangePeer, Peer } from '../evaluate/answers';
import { comparePeers, peerText } from '../evaluate/peer-text';
import { diffTitle } from './diff-text';
import { dotString } from './dot-string';

const EDGE_STYLE: Readonly<Record<ConnectivityChange['type'], string>> = {
  added: 'color="darkgreen"',
  removed: 'color="red", style=dashed',
  changed: 'color="orange"',
};

/**
 * The `format=dot` diff graph for Graphviz: the peers of every change (workloads boxed per namespace, outside
 * ranges as ellipses), and one edge per change: green for added, dashed red for removed, orange for changed,
 * labelled with the connections (`before -> after` for a change) and drawn bold when it exposes a workload.
 * Node IDs are the peers' text forms, as in the connectivity graph.
 */
export function* renderDiffDot(answer: DiffAnswer): Iterable<string> {
  const title = `Connectivity diff ${diffTitle(answer)}${answer.complete ? '' : ' (incomplete)'}`;
  yield `digraph diff {\n  label=${dotString(title)};\n  labelloc="t";\n  rankdir=LR;\n`;
  const { namespaces, ranges } = nodesOf(answer.connectivity);
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
  for (const change of answer.connectivity) {
    const conn =
      change.type === 'changed'
        ? `${change.before?.text} -> ${change.after?.text}`
        : `${change.type}: ${(change.after ?? change.before)?.text ?? ''}`;
    const label = change.exposure === undefined ? conn : `${conn} (${change.exposure})`;
    const bold = change.exposure === undefined ? '' : ', penwidth=2';
    const edge = `  ${dotString(peerText(change.src))} -> ${dotString(peerText(change.dst))}`;
    yield `${edge} [label=${dotString(label)}, ${EDGE_STYLE[change.type]}${bold}];\n`;
  }
  yield '}\n';
}

/** Every peer once: in-cluster peers by namespace (namespaces in name order), then the address ranges. */
function nodesOf(changes: readonly ConnectivityChange[]) {
  const byText = new Map<string, Peer>();
  for (const { src, dst } of changes) {
    byText.set(peerText(src), src);
    byText.set(peerText(dst), dst);
  }
  const namespaces = new Map<string, Exclude<Peer, IpRangePeer>[]>();
  const ranges: IpRangePeer[] = [];
  for (const peer of [...byText.values()].sort(comparePeers)) {
    if (peer.type === 'ipRange') ranges.push(peer);
    else namespaces.set(peer.namespace, [...(namespaces.get(peer.namespace) ?? []), peer]);
  }
  return { namespaces: [...namespaces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), ranges };
}
