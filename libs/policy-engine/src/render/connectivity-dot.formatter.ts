import type { ConnectivityListing } from '../evaluate/answers';
import { dotEdge, dotGraphStart, dotNodes } from './dot-graph';
import { dotString } from './dot-string';
import type { ConnectivityContext } from './formatter';

/**
 * The `format=dot` connectivity graph for Graphviz: one node per peer, with workloads and pods boxed inside a
 * `cluster_<namespace>` subgraph per namespace and outside address ranges as ellipses beside them, then one edge
 * per connection labelled with its connection set (dashed when partial). Node IDs are the peers' text forms,
 * so graphs of two snapshots name the same workload the same way. The graph's label names the snapshot and
 * says when it is incomplete.
 */
export function* renderConnectivityDot(
  answer: ConnectivityListing,
  context: ConnectivityContext,
): Iterable<string> {
  const title = `Connectivity of snapshot ${context.snapshot}${answer.complete ? '' : ' (incomplete)'}`;
  yield dotGraphStart('connectivity', title);
  yield* dotNodes(answer.connections);
  for (const { src, dst, conn, partial } of answer.connections) {
    const edge = dotEdge(src, dst);
    yield partial
      ? `${edge} [label=${dotString(`${conn.text} (partial)`)}, style=dashed];\n`
      : `${edge} [label=${dotString(conn.text)}];\n`;
  }
  yield '}\n';
}
