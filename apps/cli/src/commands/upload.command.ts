import { choice, optionalString, requiredString } from '../args';
import { EXIT_OK } from '../cli-error';
import type { Command } from '../command';
import { loadLocalSnapshot } from '../manifests/local-snapshot';
import { uploadManifests } from '../manifests/upload-manifests';
import { API_KEY_HELP, API_KEY_OPTIONS, ApiClient, apiKey, serverUrl } from '../server/api-client';
import type { AnswerFormat } from '../query-options';

const NAME = 'upload';

/** The part of the server's answer to an upload that the summary line shows. */
interface StoredSnapshot {
  id: string;
  cluster: string;
  label: string;
  contentHash: string;
  complete: boolean;
  objectCount: number;
  duplicate: boolean;
}

/** `podreach upload`: parse and validate a tree locally, then store only what the analysis needs. */
export const uploadCommand: Command = {
  name: NAME,
  summary: 'store a manifest tree as a snapshot on a server (only the fields the analysis needs)',
  help: `Usage: podreach upload <dir|file|-> --server <url> --cluster <name> [--label <text>]

Reads every *.yaml, *.yml and *.json file under <dir> (or one file, or stdin for -), validates it
locally and uploads it as a snapshot of <cluster>. Only what the analysis needs is sent: names,
labels, owners, pod IPs and ports, node addresses and policy specs; never images, environment,
annotations or secrets.

Options:
  --server <url>            the podreach server (default: $PODREACH_SERVER)
  --cluster <name>          the cluster the snapshot belongs to
  --label <text>            free text to recognise the snapshot by (a date, a git sha)
${API_KEY_HELP}
  --format <txt|json>       txt (default), or the server's JSON answer

Exit codes: 0 stored (or already stored), 2 error.
`,
  options: {
    server: { type: 'string' },
    cluster: { type: 'string' },
    label: { type: 'string' },
    format: { type: 'string' },
    ...API_KEY_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const server = serverUrl(args, NAME, io);
    const cluster = requiredString(args, 'cluster', NAME);
    const format = choice<AnswerFormat>(args, 'format', ['txt', 'json'], 'txt', NAME);
    const client = new ApiClient(server, apiKey(args, NAME, io), io);
    const { files, content } = await loadLocalSnapshot(args.positionals[0], io);
    const stored = await client.postJson<StoredSnapshot>(
      'api/v1/snapshots',
      { cluster, label: optionalString(args, 'label') },
      uploadManifests(content.objects, files),
    );
    if (format === 'json') {
      io.stdout(`${JSON.stringify(stored, null, 2)}\n`);
      return EXIT_OK;
    }
    const what = stored.duplicate ? 'already stored as snapshot' : 'stored snapshot';
    const label = stored.label === '' ? '' : `, label ${stored.label}`;
    const completeness = stored.complete ? 'complete' : 'incomplete: policies of other plugins are not seen';
    io.stdout(
      `${what} ${stored.id} (cluster ${stored.cluster}${label}): ${stored.objectCount} objects, ${completeness}\n`,
    );
    if (stored.contentHash !== content.contentHash) {
      io.stderr(
        `podreach: warning: the server's content hash differs from the local one (${content.contentHash})\n`,
      );
    }
    return EXIT_OK;
  },
};
