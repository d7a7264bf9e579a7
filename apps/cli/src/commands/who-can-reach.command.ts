import type { ConnectionQuery, DirectionAnswer } from '@podreach/policy-engine';
import { choice } from '../args';
import { analysisSource, SOURCE_HELP, SOURCE_OPTIONS, type AnalysisSource } from '../analysis-source';
import { CliError, EXIT_OK } from '../cli-error';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { loadLocalSnapshot } from '../manifests/local-snapshot';
import { whoCanReachText } from '../output/peer-table';
import {
  connectionQuery,
  ipBlockMatchesPods,
  QUERY_HELP,
  QUERY_OPTIONS,
  type AnswerFormat,
} from '../query-options';

const NAME = 'who-can-reach';

/** The REST path of a target's ingress answer: `namespace/Kind/name` is needed, the server resolves no short names. */
function ingressPath(snapshot: string, target: string): string {
  const parts = target.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) {
    throw new CliError(
      `with --server, name the target as namespace/Kind/name (shop/Deployment/web), not "${target}"`,
    );
  }
  const [namespace, kind, name] = parts.map(encodeURIComponent);
  const base = `api/v1/snapshots/${encodeURIComponent(snapshot)}`;
  return kind.toLowerCase() === 'pod'
    ? `${base}/pods/${namespace}/${name}/ingress`
    : `${base}/workloads/${namespace}/${kind}/${name}/ingress`;
}

async function answer(
  source: AnalysisSource,
  target: string,
  query: ConnectionQuery,
  ipBlocks: boolean,
  io: CliIo,
): Promise<DirectionAnswer> {
  if (source.type === 'server') {
    return source.client.getJson<DirectionAnswer>(ingressPath(source.snapshot, target), {
      protocol: query.protocol,
      port: query.port,
      ipBlockMatchesPods: ipBlocks,
    });
  }
  const { analysis } = await loadLocalSnapshot(source.path, io);
  const ref = analysis.resolve(target);
  if (ref.type === 'ip') throw new CliError(`${target} is an address: name a workload or a pod`);
  return analysis.ingress(ref, query, { ipBlockMatchesPods: ipBlocks });
}

function askedText(query: ConnectionQuery): string {
  if (query.protocol !== undefined && query.port !== undefined) return `${query.protocol} ${query.port}`;
  if (query.protocol !== undefined) return query.protocol;
  if (query.port !== undefined) return `port ${query.port}`;
  return 'any connection';
}

/** `podreach who-can-reach`: every peer that may open a connection to a workload or pod, and why. */
export const whoCanReachCommand: Command = {
  name: NAME,
  summary: 'every peer that may connect to a workload or pod, and the rules that allow it',
  help: `Usage: podreach who-can-reach <target> [--port <n>] [--protocol <p>]
                              (--manifests <dir|file|-> | --server <url> --snapshot <id>)

Lists every workload and outside address range that may open a connection to <target>, with the
connections each may open and the policy rules that allow them.

<target> is namespace/Kind/name (shop/Deployment/web; shop/Pod/web-0 for one pod), or locally also
namespace/name when only one workload or pod has that name.

Options:
${QUERY_HELP}
${SOURCE_HELP}

Exit codes: 0 answered, 2 error.
`,
  options: { ...QUERY_OPTIONS, ...SOURCE_OPTIONS },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const [target] = args.positionals;
    const query = connectionQuery(args, NAME);
    const format = choice<AnswerFormat>(args, 'format', ['txt', 'json'], 'txt', NAME);
    const result = await answer(analysisSource(args, NAME, io), target, query, ipBlockMatchesPods(args), io);
    io.stdout(
      format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : whoCanReachText(result, askedText(query)),
    );
    return EXIT_OK;
  },
};
