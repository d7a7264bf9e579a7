/** `podreach keys` against a stub server on loopback: what goes on the wire, and what is printed. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../testing/cli-harness';
import {
  startStubServer,
  type ReceivedRequest,
  type StubAnswer,
  type StubServer,
} from '../testing/stub-server';

const ADMIN_KEY = 'prk_admin_0123456789abcdefghijklmnopqrstuv';
const NEW_KEY = 'prk_new_zyxwvutsrqponmlkjihgfedcba9876543210';
const DAY = 86_400_000;

const CREATED = {
  id: '6f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
  name: 'ci-upload',
  prefix: 'prk_new_zyx',
  scopes: ['read', 'write'],
  clusters: ['prod'],
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-04-01T00:00:00.000Z',
  key: NEW_KEY,
};

const LISTED = {
  items: [
    {
      id: 'a1',
      name: 'dashboards',
      prefix: 'prk_Ab3d',
      scopes: ['read'],
      clusters: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: '2025-06-01T08:30:59.000Z',
    },
    {
      id: 'b22',
      name: 'old ci',
      prefix: 'prk_Zz9y',
      scopes: ['read', 'write'],
      clusters: ['prod', 'staging'],
      createdAt: '2025-01-01T00:00:00.000Z',
      expiresAt: '2025-02-01T00:00:00.000Z',
      revokedAt: '2025-01-15T12:00:00.000Z',
      lastUsedAt: null,
    },
  ],
};

let stub: StubServer;
let answer: (request: ReceivedRequest) => StubAnswer;

beforeEach(async () => {
  answer = () => ({ status: 500 });
  stub = await startStubServer((request) => answer(request));
});

afterEach(async () => {
  await stub.close();
});

function keys(argv: string[], env: Record<string, string> = { PODREACH_API_KEY: ADMIN_KEY }) {
  return runInProcess(['keys', ...argv, '--server', stub.url], { env, fetch });
}

describe('keys create', () => {
  it('posts the new key and prints it alone on stdout, with the store-it-now line on stderr', async () => {
    answer = () => ({ status: 201, body: CREATED });
    const before = Date.now();
    const argv = [
      'create',
      '--name',
      'ci-upload',
      '--scope',
      'read',
      '--scope',
      'write',
      '--cluster',
      'prod',
    ];
    const run = await keys([...argv, '--expires-in', '90d']);
    const after = Date.now();

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${NEW_KEY}\n`);
    expect(run.stderr).toBe(
      `created API key ${CREATED.id} "ci-upload": scopes read, write; clusters prod; expires 2026-04-01T00:00Z\n` +
        'store the key now: it is not shown again\n',
    );
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/api/v1/keys' });
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${ADMIN_KEY}`,
      'content-type': 'application/json',
      accept: 'application/json',
    });
    const body = JSON.parse(request.body);
    expect(body).toEqual({
      name: 'ci-upload',
      scopes: ['read', 'write'],
      clusters: ['prod'],
      expiresAt: expect.any(String),
    });
    const expiresAt = Date.parse(body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 90 * DAY);
    expect(expiresAt).toBeLessThanOrEqual(after + 90 * DAY);
  });

  it('--json prints the whole answer, the key included, and still warns on stderr', async () => {
    answer = () => ({ status: 201, body: { ...CREATED, clusters: null, expiresAt: null } });
    const run = await keys(['create', '--name', 'all', '--scope', 'admin', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ...CREATED, clusters: null, expiresAt: null });
    expect(run.stderr).toContain('clusters all; expires never\nstore the key now: it is not shown again\n');
    expect(JSON.parse(stub.requests[0].body)).toEqual({ name: 'all', scopes: ['admin'] });
  });
});

describe('keys list', () => {
  it('prints a table of every key: all clusters, never expires, revoked, expired, never used', async () => {
    answer = () => ({ status: 200, body: LISTED });
    const run = await keys(['list']);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'ID    NAME         PREFIX     SCOPES       CLUSTERS       EXPIRES                       REVOKED             LAST USED',
        'a1    dashboards   prk_Ab3d   read         all            never                         -                   2025-06-01T08:30Z',
        'b22   old ci       prk_Zz9y   read,write   prod,staging   2025-02-01T00:00Z (expired)   2025-01-15T12:00Z   never',
        '',
      ].join('\n'),
    });
    expect(stub.requests.map(({ method, url }) => `${method} ${url}`)).toEqual(['GET /api/v1/keys']);
    expect(stub.requests[0].headers.authorization).toBe(`Bearer ${ADMIN_KEY}`);
  });

  it('--json prints the answer; an empty list says so', async () => {
    answer = () => ({ status: 200, body: LISTED });
    expect(JSON.parse((await keys(['list', '--json'])).stdout)).toEqual(LISTED);
    answer = () => ({ status: 200, body: { items: [] } });
    expect((await keys(['list'])).stdout).toBe('no API keys\n');
  });
});

describe('keys revoke', () => {
  it('deletes the key by id', async () => {
    answer = () => ({ status: 204 });
    const run = await keys(['revoke', 'b22/x']);
    expect(run).toEqual({ code: 0, stdout: 'revoked API key b22/x\n', stderr: '' });
    expect(stub.requests[0]).toMatchObject({ method: 'DELETE', url: '/api/v1/keys/b22%2Fx', body: '' });
  });

  it('names an unknown key, exit 2', async () => {
    answer = () => ({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'API key nope not found', details: {} } },
    });
    expect(await keys(['revoke', 'nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'podreach: server: API key nope not found (NOT_FOUND)\n',
    });
  });
});

describe('keys and the server', () => {
  it.each([
    {
      key: undefined,
      status: 401,
      error: { code: 'UNAUTHENTICATED', message: 'missing API key' },
      hint: 'the server needs an API key: pass --api-key or set PODREACH_API_KEY',
    },
    {
      key: ADMIN_KEY,
      status: 401,
      error: { code: 'UNAUTHENTICATED', message: 'invalid API key' },
      hint: 'the server did not accept the API key: it is unknown, revoked or expired',
    },
    {
      key: ADMIN_KEY,
      status: 403,
      error: { code: 'FORBIDDEN', message: 'the admin scope is needed' },
      hint: 'the API key may not do this: it lacks the scope (read, write or admin) or the cluster',
    },
  ])(
    'explains a $status refusal ($error.message) and never prints the key',
    async ({ key, status, error, hint }) => {
      answer = () => ({ status, body: { error: { ...error, details: {} } } });
      const run = await keys(['list'], key === undefined ? {} : { PODREACH_API_KEY: key });
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: `podreach: server: ${error.message} (${error.code})\n  ${hint}\n`,
      });
      expect(stub.requests[0].headers.authorization).toBe(key === undefined ? undefined : `Bearer ${key}`);
    },
  );

  it('--api-key wins over PODREACH_API_KEY, and PODREACH_SERVER stands in for --server', async () => {
    answer = () => ({ status: 200, body: { items: [] } });
    const run = await runInProcess(['keys', 'list', '--api-key', 'prk_from_flag'], {
      env: { PODREACH_API_KEY: ADMIN_KEY, PODREACH_SERVER: stub.url },
      fetch,
    });
    expect(run.code).toBe(0);
    expect(stub.requests[0].headers.authorization).toBe('Bearer prk_from_flag');
  });

  it('refuses a key with a line break without sending or printing it', async () => {
    const run = await keys(['list'], { PODREACH_API_KEY: `${ADMIN_KEY}\nX-Injected: 1` });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'podreach: the API key has characters no key has (spaces, line breaks or non-ASCII)\n',
    });
    expect(stub.requests).toEqual([]);
  });

  it('names a server it cannot reach without the key', async () => {
    const run = await runInProcess(
      ['keys', 'list', '--server', 'http://127.0.0.1:9', '--api-key', ADMIN_KEY],
      {
        fetch,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^podreach: cannot reach http:\/\/127\.0\.0\.1:9: /);
    expect(run.stderr).not.toContain(ADMIN_KEY);
  });
});

describe('keys usage', () => {
  it.each([
    [['keys'], 'keys needs 1 argument(s)'],
    [['keys', 'rotate'], 'unknown keys action "rotate": use create, list or revoke'],
    [['keys', 'toString'], 'unknown keys action "toString"'],
    [['keys', 'revoke'], 'keys revoke needs the id of a key'],
    [['keys', 'list', 'extra'], 'unexpected argument "extra"'],
    [['keys', 'list', '--scope', 'read'], '--scope is not an option of keys list'],
    [['keys', 'revoke', 'a1', '--json'], '--json is not an option of keys revoke'],
    [['keys', 'list'], '--server is required (or set PODREACH_SERVER)'],
    [['keys', 'list', '--server', 'http://x', '--api-key', ''], '--api-key is empty'],
    [
      ['keys', 'list', '--server', 'http://x', '--api-key', 'a', '--token', 'b'],
      '--api-key and --token cannot be used together',
    ],
  ])('rejects %j with exit 2 and a usage hint', async (argv, message) => {
    const run = await runInProcess(argv);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Run `podreach keys --help` for usage.');
  });

  it('is listed in podreach --help and has its own help', async () => {
    expect((await runInProcess(['--help'])).stdout).toContain('  keys ');
    const help = await runInProcess(['keys', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: podreach keys create --name <name> --scope/);
  });
});
