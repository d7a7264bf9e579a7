import { peerText, type DirectionAnswer } from '@podreach/policy-engine';
import { answerNotes, policyText, ruleText } from './answer-text';

/** Rows of cells as a table whose columns line up; the last column is not padded. */
export function alignedTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('   ')
      .trimEnd(),
  );
}

/**
 * Who can reach a target, for people: what the question was, whether the target is isolated and by
 * which policies, then one row per peer with the connections it may open and the rules that allow them.
 */
export function whoCanReachText(answer: DirectionAnswer, asked: string): string {
  const lines = [`who can reach ${peerText(answer.target)} (${asked})`];
  if (answer.unenforceable) {
    lines.push('  it uses the host network: policies do not apply to it, every peer may connect');
  } else if (answer.isolated) {
    lines.push(`  isolated for ingress by ${answer.isolatedBy.map(policyText).join(', ')}`);
  } else {
    lines.push('  not isolated for ingress: no policy selects it, every peer may connect');
  }
  if (answer.peers.length === 0) {
    lines.push('  nobody: no peer may connect');
  } else {
    const rows = answer.peers.map((peer) => [
      peerText(peer.peer),
      `${peer.conn.text}${peer.partial ? ' (partial)' : ''}`,
      peer.rules.length > 0 ? peer.rules.map(ruleText).join(', ') : '-',
    ]);
    lines.push('', ...alignedTable([['PEER', 'CONNECTIONS', 'RULES'], ...rows]));
  }
  const notes = answerNotes(answer);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}
