import type { ConnectivityChange, DiffAnswer } from '../diff/diff-answer';
import type { FieldChange } from '../diff/value-diff';
import { peerText } from '../evaluate/peer-text';
import type { DiffContext } from './diff-context';
import { EXPOSURE_TEXT, fullDiffPointer, policyName, snapshotName } from './diff-text';
import { optionsJson } from './json-values';
import { MarkdownBudget } from './markdown-budget';
import { markdownCode, markdownText } from './markdown-text';

/** The first line, by which a bot finds and updates its own pull-request comment. */
export const DIFF_MARKER = '<!-- podreach-diff -->';
/** GitHub refuses comments over 65,536 characters. */
export const DEFAULT_MARKDOWN_LIMIT = 65_000;
/** Room kept for closing tags and the note about what was left out. */
const RESERVE = 1_000;
/** Tables with more rows than this are folded, except for their exposures. */
const FOLD_AFTER = 20;
/** Field values longer than this are cut in the policy list. */
const VALUE_LENGTH = 120;

/**
 * The `format=md` diff, ready to post as a pull-request comment: the marker line, a title with both snapshots,
 * summary counts, the table of connectivity changes (type, source, destination, before, after, caused by) with
 * exposures first, the policy changes with their field paths, label changes and workloads added or removed.
 * Long tables are folded in `<details>` (exposures stay visible), and the whole stays under
 * `context.maxMarkdownLength` characters: what does not fit is counted in a closing note that points to the full
 * answer. Every value from the snapshots is escaped.
 */
export function* renderDiffMd(answer: DiffAnswer, context: DiffContext): Iterable<string> {
  const budget = new MarkdownBudget(context.maxMarkdownLength ?? DEFAULT_MARKDOWN_LIMIT, RESERVE);
  const head = answer.head === null ? 'what-if' : snapshotName(answer.head);
  budget.add(`${DIFF_MARKER}\n## podreach: ${markdownCode(snapshotName(answer.base), false)} -> `);
  budget.add(`${answer.head === null ? 'what-if' : markdownCode(head, false)}\n\n`);
  budget.add(summaryText(answer));
  if (!answer.complete) {
    budget.add('> **Incomplete:** a snapshot holds policies this analysis does not evaluate.\n');
    for (const reason of answer.incompleteReasons ?? []) budget.add(`> - ${markdownText(reason)}\n`);
    budget.add('\n');
  }
  let omitted = connectivitySection(budget, answer.connectivity);
  omitted += listSection(budget, 'Policy changes', answer.policies, (p) => {
    const fields = p.fields.map((field) => `  - ${fieldText(field)}\n`).join('');
    return `- ${markdownCode(policyName(p), false)} ${p.change}\n${fields}`;
  });
  omitted += listSection(budget, 'Label changes', answer.labels, (l) => {
    const owner = `${l.kind} ${l.namespace === undefined ? '' : `${l.namespace}/`}${l.name}`;
    return `- ${markdownCode(owner, false)} ${l.change}\n${l.fields.map((f) => `  - ${fieldText(f)}\n`).join('')}`;
  });
  const workloads = [
    ...answer.workloads.added.map((peer) => ({ peer, change: 'added' })),
    ...answer.workloads.removed.map((peer) => ({ peer, change: 'removed' })),
  ];
  omitted += listSection(
    budget,
    'Workloads',
    workloads,
    (w) => `- ${markdownCode(peerText(w.peer), false)} ${w.change}\n`,
  );
  if (omitted > 0) {
    budget.add(
      `\n> ${omitted} more change(s) are not shown: the comment would grow past its size limit. ` +
        `The full diff: ${markdownCode(fullDiffPointer(answer, context), false)}\n`,
    );
  }
  yield* budget.result();
}

function summaryText(answer: DiffAnswer): string {
  const { added, removed, changed, policiesChanged } = answer.summary;
  const exposures = answer.connectivity.filter((c) => c.exposure !== undefined).length;
  const options = Object.entries(optionsJson(answer.options))
    .map(([name, value]) => `${name}: ${markdownCode(String(value), false)}`)
    .join(', ');
  return (
    `- connections: **${added} added**, **${removed} removed**, **${changed} changed**\n` +
    `- exposures: **${exposures}**\n- policies changed: ${policiesChanged}\n- options: ${options}\n\n`
  );
}

/** The connectivity table; returns how many rows did not fit. */
function connectivitySection(budget: MarkdownBudget, changes: readonly ConnectivityChange[]): number {
  budget.add('### Connectivity changes\n\n');
  if (changes.length === 0) {
    budget.add('No connectivity changes.\n');
    return 0;
  }
  const fold = changes.length > FOLD_AFTER;
  const shown = fold ? changes.filter((c) => c.exposure !== undefined) : changes;
  const folded = fold ? changes.filter((c) => c.exposure === undefined) : [];
  let omitted = 0;
  if (shown.length > 0) omitted += table(budget, shown);
  if (folded.length > 0) {
    const what = shown.length > 0 ? 'other connectivity changes' : 'connectivity changes';
    budget.add(`${shown.length > 0 ? '\n' : ''}<details><summary>${folded.length} ${what}</summary>\n\n`);
    omitted += omitted > 0 ? folded.length : table(budget, folded);
    budget.add('\n</details>\n');
  }
  return omitted;
}

function table(budget: MarkdownBudget, changes: readonly ConnectivityChange[]): number {
  if (
    !budget.tryAdd(
      '| Type | Source | Destination | Before | After | Caused by |\n| --- | --- | --- | --- | --- | --- |\n',
    )
  ) {
    return changes.length;
  }
  for (let i = 0; i < changes.length; i++) {
    if (!budget.tryAdd(row(changes[i]))) return changes.length - i;
  }
  return 0;
}

function row(change: ConnectivityChange): string {
  const type =
    change.exposure === undefined ? change.type : `${change.type}, **${EXPOSURE_TEXT[change.exposure]}**`;
  const causes =
    change.causedBy.length === 0
      ? 'unknown'
      : change.causedBy.map((c) => markdownText(c.detail)).join('<br>');
  const cells = [
    type,
    markdownCode(peerText(change.src), true),
    markdownCode(peerText(change.dst), true),
    change.before === null ? 'none' : markdownText(change.before.text),
    change.after === null ? 'none' : markdownText(change.after.text),
    causes,
  ];
  return `| ${cells.join(' | ')} |\n`;
}

/** A titled list whose items are each kept whole or left out; returns how many were left out. */
function listSection<T>(
  budget: MarkdownBudget,
  title: string,
  items: readonly T[],
  item: (value: T) => string,
): number {
  if (items.length === 0) return 0;
  if (!budget.tryAdd(`\n### ${title}\n\n`)) return items.length;
  for (let i = 0; i < items.length; i++) {
    if (!budget.tryAdd(item(items[i]))) return items.length - i;
  }
  return 0;
}

/** `` `spec.ingress[1]`: `{...}` -> (none) ``, values as compact JSON cut at 120 characters. */
function fieldText(field: FieldChange): string {
  return `${markdownCode(field.path, false)}: ${valueText(field.before)} -> ${valueText(field.after)}`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  const json = JSON.stringify(value);
  return markdownCode(json.length > VALUE_LENGTH ? `${json.slice(0, VALUE_LENGTH - 3)}...` : json, false);
}
