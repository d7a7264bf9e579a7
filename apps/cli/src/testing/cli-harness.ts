import { join } from 'node:path';
import { runCli } from '../cli';
import type { CliIo } from '../io';

/** The fixture trees of the CLI tests (`test/fixtures/cli`). */
export const CLI_FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cli');

/** A path under the CLI fixtures. */
export function cliFixture(...parts: string[]): string {
  return join(CLI_FIXTURES, ...parts);
}

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string | undefined>;
  fetch?: typeof fetch;
}

/** Runs the CLI in-process with captured output, a given stdin, environment and fetch. */
export async function runInProcess(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? {},
    fetch: options.fetch ?? (() => Promise.reject(new Error('no server in this test'))),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A request the fake server saw. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/**
 * A fetch that answers from a handler instead of the network, and records every request, for the
 * server modes of commands whose endpoints a test does not run.
 */
export function fakeFetch(handler: (request: SeenRequest) => { status: number; body: unknown }): {
  fetch: typeof fetch;
  requests: SeenRequest[];
} {
  const requests: SeenRequest[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    };
    requests.push(request);
    const { status, body } = handler(request);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status });
  };
  return { fetch: fetchFn as typeof fetch, requests };
}
