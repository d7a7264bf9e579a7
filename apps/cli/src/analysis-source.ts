import { optionalString, requiredString } from './args';
import { UsageError } from './cli-error';
import type { CommandArgs, OptionSpecs } from './command';
import type { CliIo } from './io';
import { API_KEY_HELP, API_KEY_OPTIONS, ApiClient, apiKey } from './server/api-client';

/** Where `check` and `who-can-reach` get their answers: a local manifest tree or a stored snapshot. */
export type AnalysisSource =
  { type: 'manifests'; path: string } | { type: 'server'; client: ApiClient; snapshot: string };

export const SOURCE_OPTIONS: OptionSpecs = {
  manifests: { type: 'string' },
  server: { type: 'string' },
  snapshot: { type: 'string' },
  ...API_KEY_OPTIONS,
};

export const SOURCE_HELP = `  --manifests <dir|file|->  analyse a manifest tree locally (no server)
  --server <url>            ask a podreach server instead...
  --snapshot <id>           ...about this stored snapshot
${API_KEY_HELP}`;

/** Reads `--manifests` or `--server` + `--snapshot`: exactly one source must be given. */
export function analysisSource(args: CommandArgs, command: string, io: CliIo): AnalysisSource {
  const manifests = optionalString(args, 'manifests');
  const server = optionalString(args, 'server');
  if (manifests !== undefined && server !== undefined) {
    throw new UsageError('use either --manifests or --server, not both', command);
  }
  if (manifests !== undefined) {
    if (args.values.snapshot !== undefined) {
      throw new UsageError('--snapshot needs --server; --manifests reads a tree instead', command);
    }
    return { type: 'manifests', path: manifests };
  }
  if (server === undefined) {
    throw new UsageError(
      'say what to analyse: --manifests <dir|file|-> or --server <url> --snapshot <id>',
      command,
    );
  }
  const snapshot = requiredString(args, 'snapshot', command);
  return {
    type: 'server',
    client: new ApiClient(server, apiKey(args, command, io), io),
    snapshot,
  };
}
