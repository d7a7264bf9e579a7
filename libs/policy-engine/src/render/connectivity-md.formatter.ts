import type { ConnectivityListing } from '../evaluate/answers';
import { peerText } from '../evaluate/peer-text';
import { objectKey, type Warning } from '../model/objects';
import type { ConnectivityContext } from './formatter';
import { optionsJson } from './json-values';
import { markdownCode, markdownText } from './markdown-text';

/**
 * The `format=md` connectivity report, for people and pull-request comments: a heading naming the snapshot,
 * the granularity and options used, a notice when the snapshot is incomplete (policies of other engines may
 * block what is listed), the table `| Source | Destination | Allowed |`, and the warnings. Every value from
 * the snapshot is escaped, so no name can break the table or inject markup.
 */
export function* renderConnectivityMd(
  answer: ConnectivityListing,
  context: ConnectivityContext,
): Iterable<string> {
  yield `# Connectivity of snapshot ${markdownCode(context.snapshot, false)}\n\n`;
  yield `- granularity: ${markdownCode(answer.granularity, false)}\n`;
  for (const [name, value] of Object.entries(optionsJson(answer.options))) {
    yield `- ${name}: ${markdownCode(String(value), false)}\n`;
  }
  yield '\n';
  if (!answer.complete) {
    yield* incompleteNotice(answer.incompleteReasons ?? []);
  }
  yield* connectionTable(answer);
  if (answer.warnings.length > 0) {
    yield '\n## Warnings\n\n';
    for (const warning of answer.warnings) {
      yield `- ${warningLine(warning)}\n`;
    }
  }
}

function* incompleteNotice(reasons: readonly string[]): Iterable<string> {
  yield '> **Incomplete:** the snapshot holds policies this analysis does not evaluate, ';
  yield 'so connections listed here may in fact be blocked.\n';
  for (const reason of reasons) {
    yield `> - ${markdownText(reason)}\n`;
  }
  yield '\n';
}

function* connectionTable(answer: ConnectivityListing): Iterable<string> {
  let any = false;
  let partial = false;
  for (const connection of answer.connections) {
    if (!any) yield '| Source | Destination | Allowed |\n| --- | --- | --- |\n';
    any = true;
    partial ||= connection.partial === true;
    const allowed = markdownText(connection.conn.text) + (connection.partial ? ' (partial)' : '');
    const src = markdownCode(peerText(connection.src), true);
    const dst = markdownCode(peerText(connection.dst), true);
    yield `| ${src} | ${dst} | ${allowed} |\n`;
  }
  if (!any) {
    yield `No connections are allowed. (Pairs of a ${answer.granularity} with itself are never listed.)\n`;
  }
  if (partial) {
    yield '\n(partial): the pods of a workload disagree; the set shown is what at least one of them allows.\n';
  }
}

function warningLine(warning: Warning): string {
  const about = warning.object === undefined ? '' : ` ${markdownCode(objectKey(warning.object), false)}`;
  return `${markdownCode(warning.code, false)}${about}: ${markdownText(warning.message)}`;
}
