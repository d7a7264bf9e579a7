import type { DiffAnswer } from '../diff/diff-answer';
import { peerText } from '../evaluate/peer-text';
import { csvRecord } from './csv-field';
import { workloadChangeText } from './diff-text';

/**
 * The `format=csv` diff table: header `type,src,dst,before,after,exposure,workloadChange,causedBy`, then one
 * record per connectivity change in the answer's order; an absent set or value is an empty field, causes are
 * their details joined by `; `.
 */
export function* renderDiffCsv(answer: DiffAnswer): Iterable<string> {
  yield csvRecord(['type', 'src', 'dst', 'before', 'after', 'exposure', 'workloadChange', 'causedBy']);
  for (const change of answer.connectivity) {
    yield csvRecord([
      change.type,
      peerText(change.src),
      peerText(change.dst),
      change.before?.text ?? '',
      change.after?.text ?? '',
      change.exposure ?? '',
      workloadChangeText(change),
      change.causedBy.map((cause) => cause.detail).join('; '),
    ]);
  }
}
