import type { ConnectivityChange, DiffAnswer } from '../diff/diff-answer';
import { peerText } from '../evaluate/peer-text';
import { EXPOSURE_TEXT, causesText, policyName } from './diff-text';

const MARK: Readonly<Record<ConnectivityChange['type'], string>> = { added: '+', removed: '-', changed: '~' };

/**
 * The `format=txt` diff, for terminals and logs: `# incomplete:` lines when either snapshot is incomplete, one
 * line per connectivity change (`+` added, `-` removed, `~` changed) as `src => dst : connections`, each followed
 * by an indented `caused by:` line, then one line per policy and label change with its changed paths.
 */
export function* renderDiffTxt(answer: DiffAnswer): Iterable<string> {
  if (!answer.complete) {
    const reasons = answer.incompleteReasons ?? [];
    for (const reason of reasons.length > 0 ? reasons : ['policies the analysis does not evaluate']) {
      yield `# incomplete: ${reason}\n`;
    }
  }
  for (const change of answer.connectivity) {
    const conn =
      change.type === 'changed'
        ? `${change.before?.text} -> ${change.after?.text}`
        : ((change.after ?? change.before)?.text ?? '');
    const exposure = change.exposure === undefined ? '' : ` [${EXPOSURE_TEXT[change.exposure]}]`;
    yield `${MARK[change.type]} ${peerText(change.src)} => ${peerText(change.dst)} : ${conn}${exposure}\n`;
    yield `    caused by: ${causesText(change)}\n`;
  }
  for (const policy of answer.policies) {
    const paths = policy.fields.map((field) => field.path).join(', ');
    yield `policy ${policy.change}: ${policyName(policy)}${paths === '' ? '' : `: ${paths}`}\n`;
  }
  for (const label of answer.labels) {
    const owner = `${label.kind} ${label.namespace === undefined ? '' : `${label.namespace}/`}${label.name}`;
    yield `labels ${label.change}: ${owner}: ${label.fields.map((field) => field.path).join(', ')}\n`;
  }
}
