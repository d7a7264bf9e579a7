/** Every command that talks to a server sends the API key the same way, and only when one is given. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFixture, runInProcess } from '../testing/cli-harness';
import { startStubServer, type StubServer } from '../testing/stub-server';

const KEY = 'prk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
let stub: StubServer;

beforeAll(async () => {
  stub = await startStubServer(() => ({ status: 503 }));
});

afterAll(async () => {
  await stub.close();
});

const COMMANDS: Record<string, (server: string) => string[]> = {
  upload: (server) => ['upload', cliFixture('base'), '--server', server, '--cluster', 'prod'],
  diff: (server) => ['diff', '--server', server, '--base', 'a', '--head', 'b'],
  check: (server) => ['check', '--from', 'a/b', '--to', 'a/c', '--server', server, '--snapshot', 's'],
  'who-can-reach': (server) => ['who-can-reach', 'a/Deployment/b', '--server', server, '--snapshot', 's'],
  keys: (server) => ['keys', 'list', '--server', server],
};

describe.each(Object.keys(COMMANDS))('%s', (command) => {
  it.each([
    {
      how: '--api-key',
      flags: ['--api-key', KEY],
      env: { PODREACH_API_KEY: 'prk_other' },
      sent: `Bearer ${KEY}`,
    },
    { how: '--token (its older name)', flags: ['--token', KEY], env: {}, sent: `Bearer ${KEY}` },
    { how: 'PODREACH_API_KEY', flags: [], env: { PODREACH_API_KEY: KEY }, sent: `Bearer ${KEY}` },
    { how: 'an empty PODREACH_API_KEY', flags: [], env: { PODREACH_API_KEY: '' }, sent: undefined },
    { how: 'no key', flags: [], env: {}, sent: undefined },
  ])('sends $how as the bearer token, and prints no key on failure', async ({ flags, env, sent }) => {
    const seen = stub.requests.length;
    const run = await runInProcess([...COMMANDS[command](stub.url), ...flags], { env, fetch });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(' 503 ');
    expect(run.stderr).not.toContain(KEY);
    expect(stub.requests.length).toBe(seen + 1);
    expect(stub.requests[seen].headers.authorization).toBe(sent);
  });
});
