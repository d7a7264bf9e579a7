import { choice, optionalChoice, optionalString, requiredString } from '../args';
import { EXIT_GATE, EXIT_OK, UsageError } from '../cli-error';
import type { Command, CommandArgs } from '../command';
import { FAIL_ON_VALUES, gateHit, type GatedDiff } from '../diff/diff-gate';
import { localDiff } from '../diff/local-diff';
import { DIFF_FORMATS, type DiffOutcome, type DiffRequest } from '../diff/diff-request';
import type { CliIo } from '../io';
import { ipBlockMatchesPods } from '../query-options';
import { API_KEY_HELP, API_KEY_OPTIONS, ApiClient, apiKey } from '../server/api-client';

const NAME = 'diff';

/** Two stored snapshots, diffed by the server; a gate on a non-JSON format asks for the JSON too. */
async function serverDiff(
  server: string,
  request: DiffRequest,
  args: CommandArgs,
  io: CliIo,
): Promise<DiffOutcome> {
  const client = new ApiClient(server, apiKey(args, NAME, io), io);
  const query = { base: request.base, head: request.head, ipBlockMatchesPods: request.ipBlockMatchesPods };
  const text = await client.getText('api/v1/diff', { ...query, format: request.format });
  if (request.failOn === undefined) return { text, hit: false };
  const answer: GatedDiff =
    request.format === 'json'
      ? (JSON.parse(text) as GatedDiff)
      : await client.getJson<GatedDiff>('api/v1/diff', { ...query, format: 'json' });
  return { text, hit: gateHit(answer, request.failOn) };
}

/** `podreach diff`: what a change does to who can reach what, with an optional CI gate. */
export const diffCommand: Command = {
  name: NAME,
  summary: 'what a change does to who can reach what (two manifest trees, or two stored snapshots)',
  help: `Usage: podreach diff --base <dir|file|-> --head <dir|file|-> [--format md|json|txt]
                     [--fail-on exposure|any] [--ip-block-matches-pods]
       podreach diff --server <url> --base <id> --head <id> [same options]

Compares who can reach what between two manifest trees (offline, e.g. the main branch and a pull
request checkout) or between two snapshots stored on a server: connections added, removed and
changed, what caused each change, and which changes expose a workload to outside addresses or to
every namespace. Trees are read like \`podreach upload\`: every *.yaml, *.yml and *.json file,
recursively, skipping dot-directories; - is standard input.

Options:
  --base <dir|file|-|id>    the state before the change
  --head <dir|file|-|id>    the state after the change
  --format <txt|md|json>    txt (default); md is a pull-request comment that starts with the marker
                            <!-- podreach-diff -->; json is the full diff answer
  --fail-on <exposure|any>  exit 1 when a change exposes a workload (exposure) or when any
                            connection changes (any)
  --ip-block-matches-pods   let NetworkPolicy ipBlock peers match pod IPs too (default: off)
  --server <url>            diff two stored snapshots on this server; --base and --head are ids
${API_KEY_HELP}

Exit codes: 0 no gate hit, 1 the --fail-on gate was hit, 2 error.
`,
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'ip-block-matches-pods': { type: 'boolean' },
    server: { type: 'string' },
    ...API_KEY_OPTIONS,
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const request: DiffRequest = {
      base: requiredString(args, 'base', NAME),
      head: requiredString(args, 'head', NAME),
      format: choice(args, 'format', DIFF_FORMATS, 'txt', NAME),
      failOn: optionalChoice(args, 'fail-on', FAIL_ON_VALUES, NAME),
      ipBlockMatchesPods: ipBlockMatchesPods(args),
    };
    const server = optionalString(args, 'server');
    if (server === undefined && request.base === '-' && request.head === '-') {
      throw new UsageError('--base and --head cannot both read standard input', NAME);
    }
    const { text, hit } =
      server === undefined ? await localDiff(request, io) : await serverDiff(server, request, args, io);
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return hit ? EXIT_GATE : EXIT_OK;
  },
};
