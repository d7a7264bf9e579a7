import { exclusive, optionalString } from '../args';
import { CliError, UsageError } from '../cli-error';
import type { CommandArgs, OptionSpecs } from '../command';
import type { CliIo } from '../io';

/** The server's one error shape: `{ "error": { "code", "message", "details" } }`. */
interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

export type QueryValues = Record<string, string | number | boolean | undefined>;

/** What to do about a refused key: the server's message alone does not say where the key comes from. */
function authHint(status: number, keyGiven: boolean): string[] {
  if (status === 401 && !keyGiven) {
    return ['  the server needs an API key: pass --api-key or set PODREACH_API_KEY'];
  }
  if (status === 401) return ['  the server did not accept the API key: it is unknown, revoked or expired'];
  if (status === 403) {
    return ['  the API key may not do this: it lacks the scope (read, write or admin) or the cluster'];
  }
  return [];
}

/**
 * What a failed request says: the error shape's message and code (else the status line), the problems it
 * lists, and what to do about a refused key.
 */
async function failure(response: Response, url: string, keyGiven: boolean): Promise<CliError> {
  const text = await response.text();
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  const message = body?.error?.message;
  const code = body?.error?.code;
  const hint = authHint(response.status, keyGiven);
  if (typeof message !== 'string') {
    return new CliError(`server answered ${response.status} ${response.statusText} for ${url}`, hint);
  }
  const problems = (body?.error?.details as { problems?: unknown } | undefined)?.problems;
  const details = Array.isArray(problems) ? problems.map((problem) => `  ${JSON.stringify(problem)}`) : [];
  return new CliError(`server: ${message}${typeof code === 'string' ? ` (${code})` : ''}`, [
    ...details,
    ...hint,
  ]);
}

/** A podreach server: its base URL, and the API key sent as `Authorization: Bearer`. */
export class ApiClient {
  private readonly base: URL;

  constructor(
    server: string,
    private readonly token: string | undefined,
    private readonly io: CliIo,
  ) {
    let base: URL;
    try {
      base = new URL(server);
    } catch {
      throw new CliError(`--server must be a URL such as http://localhost:3000, not "${server}"`);
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new CliError(`--server must be an http:// or https:// URL, not "${server}"`);
    }
    // Checked here so that fetch never rejects the header with an error message that quotes the key.
    if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
      throw new CliError('the API key has characters no key has (spaces, line breaks or non-ASCII)');
    }
    // A base with a path (https://host/podreach) keeps it: relative paths are appended to it.
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.base = base;
  }

  /** GET a JSON answer. */
  async getJson<T>(path: string, query: QueryValues = {}): Promise<T> {
    return (await this.request(path, query, { method: 'GET' }, 'application/json')).json() as Promise<T>;
  }

  /** GET a rendered answer (md, txt, ...) as text. */
  async getText(path: string, query: QueryValues = {}): Promise<string> {
    return (await this.request(path, query, { method: 'GET' }, '*/*')).text();
  }

  /** POST a JSON body and read the JSON answer. */
  async postJson<T>(path: string, query: QueryValues, body: unknown): Promise<T> {
    const init = {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    };
    return (await this.request(path, query, init, 'application/json')).json() as Promise<T>;
  }

  /** DELETE a resource; the answer (204, no body) is not read. */
  async delete(path: string): Promise<void> {
    await this.request(path, {}, { method: 'DELETE' }, 'application/json');
  }

  private async request(
    path: string,
    query: QueryValues,
    init: { method: string; body?: string; headers?: Record<string, string> },
    accept: string,
  ): Promise<Response> {
    const url = new URL(path, this.base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept, ...init.headers };
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.io.fetch(url, { ...init, headers });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new CliError(`cannot reach ${url.origin}: ${cause}`);
    }
    if (!response.ok) throw await failure(response, url.pathname, this.token !== undefined);
    return response;
  }
}

/** The options of every command that talks to a server; `--token` is the older name of `--api-key`. */
export const API_KEY_OPTIONS: OptionSpecs = { 'api-key': { type: 'string' }, token: { type: 'string' } };

export const API_KEY_HELP = `  --api-key <key>           API key, sent as a bearer token (default: $PODREACH_API_KEY, which
                            keeps it out of the shell history and the process list)`;

/**
 * The API key: `--api-key` (or `--token`), else `PODREACH_API_KEY`; an empty variable is no key, as CI
 * systems leave secrets they do not have.
 */
export function apiKey(args: CommandArgs, command: string, io: CliIo): string | undefined {
  exclusive(args, 'api-key', 'token', command);
  const flag = optionalString(args, 'api-key') ?? optionalString(args, 'token');
  if (flag === '') throw new UsageError('--api-key is empty', command);
  return flag ?? (io.env.PODREACH_API_KEY || undefined);
}

/** The server of a command that always needs one: `--server`, else `PODREACH_SERVER`. */
export function serverUrl(args: CommandArgs, command: string, io: CliIo): string {
  const server = optionalString(args, 'server') ?? (io.env.PODREACH_SERVER || undefined);
  if (server === undefined || server === '') {
    throw new UsageError('--server is required (or set PODREACH_SERVER)', command);
  }
  return server;
}
