import type { ConnectivityListing } from '../evaluate/answers';
import { peerText } from '../evaluate/peer-text';

/**
 * The `format=txt` connectivity list, one line per connection as roxctl and netpol-analyzer print it:
 * `src => dst : text`, with ` (partial)` appended when pods of a workload disagree.
 *
 * It is meant for grep, sort and diff, so it holds nothing but those lines, with one exception: an answer
 * about an incomplete snapshot starts with `# incomplete: <reason>` lines. Policies of other engines may
 * block connections listed here, and a person piping this into a review should not miss that. Warnings and
 * options are left to the `md` and `json` formats.
 */
export function* renderConnectivityTxt(answer: ConnectivityListing): Iterable<string> {
  if (!answer.complete) {
    const reasons = answer.incompleteReasons ?? [];
    for (const reason of reasons.length > 0 ? reasons : ['policies the analysis does not evaluate']) {
      yield `# incomplete: ${reason}\n`;
    }
  }
  for (const connection of answer.connections) {
    const line = `${peerText(connection.src)} => ${peerText(connection.dst)} : ${connection.conn.text}`;
    yield connection.partial ? `${line} (partial)\n` : `${line}\n`;
  }
}
