import { peerText, type CheckAnswer } from '@podreach/policy-engine';
import { answerNotes } from './answer-text';

function queryText(answer: CheckAnswer): string {
  if (answer.protocol !== undefined && answer.port !== undefined)
    return ` on ${answer.protocol} ${answer.port}`;
  if (answer.protocol !== undefined) return ` on ${answer.protocol}`;
  if (answer.port !== undefined) return ` on port ${answer.port}`;
  return '';
}

/**
 * A check verdict for people: the verdict line first (`ALLOWED`/`DENIED`, the two ends and what was
 * asked), then what is allowed and one line per direction saying which policies decided it.
 */
export function checkText(answer: CheckAnswer): string {
  const verdict = answer.allowed ? 'ALLOWED' : 'DENIED';
  const lines = [`${verdict}  ${peerText(answer.src)} -> ${peerText(answer.dst)}${queryText(answer)}`];
  if (answer.allowed) lines.push(`  connections: ${answer.conn.text}`);
  if (answer.partial) lines.push('  partial: pods of one workload disagree; the connections are their union');
  // A connection needs both ends: the source's egress and the destination's ingress.
  lines.push(`  ${answer.egress.explanation}`, `  ${answer.ingress.explanation}`);
  lines.push(...answerNotes(answer));
  return `${lines.join('\n')}\n`;
}
