import type { ConnectivityChange, DiffAnswer } from '../diff/diff-answer';
import { diffTitle } from './diff-text';
import { dotEdge, dotGraphStart, dotNodes } from './dot-graph';
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
  yield dotGraphStart('diff', title);
  yield* dotNodes(answer.connectivity);
  for (const change of answer.connectivity) {
    const conn =
      change.type === 'changed'
        ? `${change.before?.text} -> ${change.after?.text}`
        : `${change.type}: ${(change.after ?? change.before)?.text ?? ''}`;
    const label = change.exposure === undefined ? conn : `${conn} (${change.exposure})`;
    const bold = change.exposure === undefined ? '' : ', penwidth=2';
    const edge = dotEdge(change.src, change.dst);
    yield `${edge} [label=${dotString(label)}, ${EDGE_STYLE[change.type]}${bold}];\n`;
  }
  yield '}\n';
}
