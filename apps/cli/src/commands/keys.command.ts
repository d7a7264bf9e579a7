import { CliError, EXIT_OK, UsageError } from '../cli-error';
import type { Command, CommandArgs } from '../command';
import type { CliIo } from '../io';
import type { ApiKeySummary, CreatedApiKey } from '../keys/api-keys';
import { newKeyRequest } from '../keys/new-key-request';
import { createdKeyText, keyTable } from '../output/key-table';
import { API_KEY_HELP, API_KEY_OPTIONS, ApiClient, apiKey, serverUrl } from '../server/api-client';

const NAME = 'keys';

type KeysAction = 'create' | 'list' | 'revoke';

/** The options each action takes besides the server and the API key. */
const ACTION_OPTIONS: Record<KeysAction, readonly string[]> = {
  create: ['name', 'scope', 'cluster', 'expires-in', 'json'],
  list: ['json'],
  revoke: [],
};

const SERVER_OPTIONS = ['server', ...Object.keys(API_KEY_OPTIONS)];

/** The action and its arguments; an option of another action is an error rather than silently ignored. */
function actionOf(args: CommandArgs): { action: KeysAction; id?: string } {
  const [action, id] = args.positionals;
  if (!Object.hasOwn(ACTION_OPTIONS, action)) {
    throw new UsageError(`unknown keys action "${action}": use create, list or revoke`, NAME);
  }
  const allowed = [...SERVER_OPTIONS, ...ACTION_OPTIONS[action as KeysAction]];
  const foreign = Object.keys(args.values).find((option) => !allowed.includes(option));
  if (foreign !== undefined) throw new UsageError(`--${foreign} is not an option of keys ${action}`, NAME);
  if (action === 'revoke' && (id === undefined || id === '')) {
    throw new UsageError('keys revoke needs the id of a key', NAME);
  }
  if (action !== 'revoke' && id !== undefined) throw new UsageError(`unexpected argument "${id}"`, NAME);
  return { action: action as KeysAction, id };
}

async function create(args: CommandArgs, client: ApiClient, io: CliIo): Promise<void> {
  const request = newKeyRequest(args, NAME, new Date());
  const created = await client.postJson<CreatedApiKey>('api/v1/keys', {}, request);
  if (typeof created.key !== 'string') throw new CliError('the server created a key but did not return it');
  // The key alone on stdout, so that `key=$(podreach keys create ...)` captures it; the rest is for people.
  io.stdout(args.values.json === true ? `${JSON.stringify(created, null, 2)}\n` : `${created.key}\n`);
  io.stderr(createdKeyText(created));
}

async function list(args: CommandArgs, client: ApiClient, io: CliIo): Promise<void> {
  const answer = await client.getJson<{ items: ApiKeySummary[] }>('api/v1/keys');
  io.stdout(
    args.values.json === true ? `${JSON.stringify(answer, null, 2)}\n` : keyTable(answer.items, new Date()),
  );
}

/** `podreach keys`: create, list and revoke the API keys of a server (the admin scope is needed). */
export const keysCommand: Command = {
  name: NAME,
  summary: 'create, list and revoke API keys on a server (needs an admin key)',
  help: `Usage: podreach keys create --name <name> --scope <read|write|admin>... [--cluster <name>]...
                            [--expires-in <90d|12h|...>] [--json]
       podreach keys list [--json]
       podreach keys revoke <id>
       (each with --server <url> and an admin key: --api-key or $PODREACH_API_KEY)

Manages the API keys of a podreach server. A key's scopes say what it may do: read snapshots and
answers (read), upload and delete snapshots (write), manage keys (admin); --cluster limits it to
the snapshots of those clusters. The server stores only a hash: \`keys create\` prints the new key
once, alone on standard output so that scripts can capture it, and never again.

Options:
  --name <name>             what the key is for (create)
  --scope <scope>           read, write or admin; repeat for several (create)
  --cluster <name>          only this cluster's snapshots; repeat for several (create; default: all)
  --expires-in <n><unit>    lifetime in minutes (m), hours (h), days (d) or weeks (w), such as 90d
                            (create; default: the key does not expire)
  --json                    the server's JSON answer, the new key included (create, list)
  --server <url>            the podreach server (default: $PODREACH_SERVER)
${API_KEY_HELP}

Exit codes: 0 done, 2 error (bad arguments, a refused key, an unknown key id, an unreachable server).
`,
  options: {
    name: { type: 'string' },
    scope: { type: 'string', multiple: true },
    cluster: { type: 'string', multiple: true },
    'expires-in': { type: 'string' },
    json: { type: 'boolean' },
    server: { type: 'string' },
    ...API_KEY_OPTIONS,
  },
  positionals: { min: 1, max: 2 },
  async run(args, io) {
    const { action, id } = actionOf(args);
    const client = new ApiClient(serverUrl(args, NAME, io), apiKey(args, NAME, io), io);
    if (action === 'create') await create(args, client, io);
    else if (action === 'list') await list(args, client, io);
    else {
      await client.delete(`api/v1/keys/${encodeURIComponent(id as string)}`);
      io.stdout(`revoked API key ${id}\n`);
    }
    return EXIT_OK;
  },
};
