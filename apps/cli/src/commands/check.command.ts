import type { CheckAnswer } from '@podreach/policy-engine';
import { choice, requiredString } from '../args';
import { analysisSource, SOURCE_HELP, SOURCE_OPTIONS, type AnalysisSource } from '../analysis-source';
import { EXIT_GATE, EXIT_OK } from '../cli-error';
import type { Command } from '../command';
import { loadLocalSnapshot } from '../manifests/local-snapshot';
import { checkText } from '../output/check-text';
import {
  connectionQuery,
  ipBlockMatchesPods,
  QUERY_HELP,
  QUERY_OPTIONS,
  type AnswerFormat,
} from '../query-options';
import type { CliIo } from '../io';
import type { ConnectionQuery } from '@podreach/policy-engine';

const NAME = 'check';

interface CheckQuestion {
  from: string;
  to: string;
  query: ConnectionQuery;
  ipBlockMatchesPods: boolean;
}

async function answer(source: AnalysisSource, question: CheckQuestion, io: CliIo): Promise<CheckAnswer> {
  if (source.type === 'server') {
    return source.client.getJson<CheckAnswer>(
      `api/v1/snapshots/${encodeURIComponent(source.snapshot)}/check`,
      {
        from: question.from,
        to: question.to,
        protocol: question.query.protocol,
        port: question.query.port,
        ipBlockMatchesPods: question.ipBlockMatchesPods,
      },
    );
  }
  const { analysis } = await loadLocalSnapshot(source.path, io);
  return analysis.check(analysis.resolve(question.from), analysis.resolve(question.to), question.query, {
    ipBlockMatchesPods: question.ipBlockMatchesPods,
  });
}

/** `podreach check`: may A open a connection to B? Exit 0 when allowed, 1 when denied. */
export const checkCommand: Command = {
  name: NAME,
  summary: 'may A open a connection to B? (exit 0 allowed, 1 denied)',
  help: `Usage: podreach check --from <A> --to <B> [--port <n>] [--protocol <p>]
                      (--manifests <dir|file|-> | --server <url> --snapshot <id>)

Says whether A may open a connection to B, and which policies decided it in each direction: the
source's egress and the destination's ingress must both allow it.

A and B are namespace/Kind/name (shop/Deployment/web, shop/Pod/web-0), namespace/name when only one
workload or pod has that name, or an IP address.

Options:
  --from <A>                the source
  --to <B>                  the destination
${QUERY_HELP}
${SOURCE_HELP}

Exit codes: 0 allowed, 1 denied, 2 error.
`,
  options: { from: { type: 'string' }, to: { type: 'string' }, ...QUERY_OPTIONS, ...SOURCE_OPTIONS },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const question: CheckQuestion = {
      from: requiredString(args, 'from', NAME),
      to: requiredString(args, 'to', NAME),
      query: connectionQuery(args, NAME),
      ipBlockMatchesPods: ipBlockMatchesPods(args),
    };
    const format = choice<AnswerFormat>(args, 'format', ['txt', 'json'], 'txt', NAME);
    const result = await answer(analysisSource(args, NAME, io), question, io);
    io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : checkText(result));
    return result.allowed ? EXIT_OK : EXIT_GATE;
  },
};
