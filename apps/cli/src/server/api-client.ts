import { CliError } from '../cli-error';
import type { CliIo } from '../io';

/** The server's one error shape: `{ "error": { "code", "message", "details" } }`. */
interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

export type QueryValues = Record<string, string | number | boolean | undefined>;

/** What a failed request says: the error shape's message and code, else the status line. */
async function failure(response: Response, url: string): Promise<CliError> {
  const text = await response.text();
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  const message = body?.error?.message;
  const code = body?.error?.code;
  if (typeof message !== 'string') {
    return new CliError(`server answered ${response.status} ${response.statusText} for ${url}`);
  }
  const problems = (body?.error?.details as { problems?: unknown } | undefined)?.problems;
  const details = Array.isArray(problems) ? problems.map((problem) => `  ${JSON.stringify(problem)}`) : [];
  return new CliError(`server: ${message}${typeof code === 'string' ? ` (${code})` : ''}`, details);
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
    if (this.token !== undefined && this.token !== '') headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.io.fetch(url, { ...init, headers });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new CliError(`cannot reach ${url.origin}: ${cause}`);
    }
    if (!response.ok) throw await failure(response, url.pathname);
    return response;
  }
}

/** The API key: `--token`, else `PODREACH_API_KEY`. */
export function apiToken(token: string | undefined, io: CliIo): string | undefined {
  return token ?? io.env.PODREACH_API_KEY;
}
