/**
 * The CLI's server modes: `upload` against the real service (listening on loopback), and the question
 * commands against a recording fake, whose answers are the ones the engine gives locally.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshotContent } from '@podreach/policy-engine';
import { readManifestSource } from '../apps/cli/src/manifests/manifest-files';
import { cliFixture, fakeFetch, runInProcess } from '../apps/cli/src/testing/cli-harness';
import { startTestApp, uniqueCluster, type TestApp } from './support/test-app';

let t: TestApp;
let server: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  server = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
});

afterAll(async () => {
  await t?.close();
});

async function localHash(tree: string): Promise<string> {
  const io = { readStdin: async () => '' } as Parameters<typeof readManifestSource>[1];
  return buildSnapshotContent(await readManifestSource(tree, io)).contentHash;
}

describe('upload', () => {
  it('stores exactly the objects the engine reads locally, and says so on a second upload', async () => {
    const cluster = uniqueCluster('cli');
    const argv = ['upload', cliFixture('head'), '--server', server, '--cluster', cluster, '--label', 'pr-42'];
    const first = await runInProcess(argv, { fetch });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(
        `^stored snapshot [0-9a-f-]{36} \\(cluster ${cluster}, label pr-42\\): 9 objects, complete\\n$`,
      ),
    );
    const id = first.stdout.split(' ')[2];
    const stored = await t.http().get(`/api/v1/snapshots/${id}`);
    expect(stored.body).toMatchObject({ contentHash: await localHash(cliFixture('head')), complete: true });

    const second = await runInProcess(argv, { fetch });
    expect(second.stdout).toMatch(new RegExp(`^already stored as snapshot ${id} `));
  });

  it('sends no field the analysis does not need, yet keeps the snapshot incomplete for foreign policies', async () => {
    const cluster = uniqueCluster('cli');
    const recorded = fakeFetch(() => ({ status: 500, body: '' }));
    await runInProcess(['upload', cliFixture('foreign'), '--server', server, '--cluster', cluster], {
      fetch: recorded.fetch,
    });
    const body = recorded.requests[0].body ?? '';
    for (const secret of ['hunter2', 'registry.example', 'do-not-upload', 'endpointSelector', 'uid']) {
      expect(body).not.toContain(secret);
    }

    const run = await runInProcess(
      ['upload', cliFixture('foreign'), '--server', server, '--cluster', cluster, '--format', 'json'],
      {
        fetch,
      },
    );
    expect(run.code).toBe(0);
    const stored = JSON.parse(run.stdout);
    expect(stored).toMatchObject({
      complete: false,
      foreignPolicyKinds: ['CiliumNetworkPolicy'],
      contentHash: await localHash(cliFixture('foreign')),
    });
  });

  it('sends --token, else PODREACH_API_KEY, as a bearer token', async () => {
    for (const [extra, env, expected] of [
      [['--token', 'from-flag'], { PODREACH_API_KEY: 'from-env' }, 'Bearer from-flag'],
      [[], { PODREACH_API_KEY: 'from-env' }, 'Bearer from-env'],
    ] as const) {
      const recorded = fakeFetch(() => ({
        status: 201,
        body: { id: 'x', cluster: 'c', label: '', duplicate: false },
      }));
      await runInProcess(
        ['upload', cliFixture('base'), '--server', 'http://podreach.test', '--cluster', 'c', ...extra],
        {
          env,
          fetch: recorded.fetch,
        },
      );
      expect(recorded.requests[0].headers.authorization).toBe(expected);
      expect(recorded.requests[0].url.href).toBe('http://podreach.test/api/v1/snapshots?cluster=c');
    }
  });

  it.each([
    {
      answer: {
        status: 422,
        body: { error: { code: 'VALIDATION_FAILED', message: '1 validation problem(s)', details: {} } },
      },
      stderr: 'podreach: server: 1 validation problem(s) (VALIDATION_FAILED)\n',
    },
    {
      answer: { status: 502, body: '<html>bad gateway</html>' },
      stderr: 'podreach: server answered 502  for /api/v1/snapshots\n',
    },
  ])('prints the server error and exits 2: $stderr', async ({ answer, stderr }) => {
    const recorded = fakeFetch(() => answer);
    const run = await runInProcess(
      ['upload', cliFixture('base'), '--server', 'http://podreach.test', '--cluster', 'c'],
      {
        fetch: recorded.fetch,
      },
    );
    expect(run).toMatchObject({ code: 2, stdout: '', stderr });
  });

  it('names a server it cannot reach, exit 2', async () => {
    const run = await runInProcess(
      ['upload', cliFixture('base'), '--server', 'http://127.0.0.1:9', '--cluster', 'c'],
      {
        fetch,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^podreach: cannot reach http:\/\/127\.0\.0\.1:9: /);
  });
});

describe('questions about a stored snapshot', () => {
  const snapshot = '3f2b8a4e-9c1d-4e5f-8a7b-6c5d4e3f2a1b';

  /** The engine's local JSON answer to a question, to serve as the fake server's answer. */
  async function localAnswer(argv: string[]): Promise<unknown> {
    return JSON.parse(
      (await runInProcess([...argv, '--format', 'json', '--manifests', cliFixture('base')])).stdout,
    );
  }

  it('check asks /snapshots/{id}/check and prints what the local check prints', async () => {
    const question = ['check', '--from', 'shop/db', '--to', 'shop/web', '--port', '8080'];
    const answer = await localAnswer(question);
    const recorded = fakeFetch(() => ({ status: 200, body: answer }));
    const run = await runInProcess(
      [...question, '--server', 'http://podreach.test/', '--snapshot', snapshot],
      {
        fetch: recorded.fetch,
      },
    );
    const local = await runInProcess([...question, '--manifests', cliFixture('base')]);
    expect(run).toEqual(local);
    expect(run.code).toBe(1);
    const url = recorded.requests[0].url;
    expect(url.pathname).toBe(`/api/v1/snapshots/${snapshot}/check`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: 'shop/db',
      to: 'shop/web',
      port: '8080',
      ipBlockMatchesPods: 'false',
    });
  });

  it('who-can-reach asks the target ingress endpoint and prints the same table', async () => {
    const question = ['who-can-reach', 'shop/StatefulSet/db'];
    const answer = await localAnswer(question);
    const served = fakeFetch(() => ({ status: 200, body: answer }));
    const run = await runInProcess(
      [...question, '--server', 'http://podreach.test', '--snapshot', snapshot],
      {
        fetch: served.fetch,
      },
    );
    expect(run).toEqual(await runInProcess([...question, '--manifests', cliFixture('base')]));
    expect(served.requests[0].url.pathname).toBe(
      `/api/v1/snapshots/${snapshot}/workloads/shop/StatefulSet/db/ingress`,
    );
  });

  it('who-can-reach needs namespace/Kind/name with a server', async () => {
    const run = await runInProcess([
      'who-can-reach',
      'shop/db',
      '--server',
      'http://podreach.test',
      '--snapshot',
      snapshot,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name the target as namespace/Kind/name');
  });

  it('a not-found answer is printed with exit 2', async () => {
    const recorded = fakeFetch(() => ({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: `snapshot ${snapshot} not found`, details: {} } },
    }));
    const run = await runInProcess(
      ['check', '--from', 'a/b', '--to', 'a/c', '--server', 'http://podreach.test', '--snapshot', snapshot],
      { fetch: recorded.fetch },
    );
    expect(run).toMatchObject({
      code: 2,
      stderr: `podreach: server: snapshot ${snapshot} not found (NOT_FOUND)\n`,
    });
  });

  it.each([
    { failOn: [], exposure: true, code: 0, requests: 1 },
    { failOn: ['--fail-on', 'exposure'], exposure: false, code: 0, requests: 2 },
    { failOn: ['--fail-on', 'exposure'], exposure: true, code: 1, requests: 2 },
  ])(
    'diff prints the server rendering; gate $failOn with exposure $exposure exits $code',
    async (scenario) => {
      const markdown = '<!-- podreach-diff -->\n## podreach diff\n';
      const entry = { type: 'added', ...(scenario.exposure ? { exposure: 'public' } : {}) };
      const recorded = fakeFetch((request) => ({
        status: 200,
        body: request.url.searchParams.get('format') === 'md' ? markdown : { connectivity: [entry] },
      }));
      const argv = [
        'diff',
        '--server',
        'http://podreach.test',
        '--base',
        'b1',
        '--head',
        'h1',
        '--format',
        'md',
      ];
      const run = await runInProcess([...argv, ...scenario.failOn], { fetch: recorded.fetch });
      expect(run).toMatchObject({ code: scenario.code, stdout: markdown, stderr: '' });
      expect(recorded.requests).toHaveLength(scenario.requests);
      expect(Object.fromEntries(recorded.requests[0].url.searchParams)).toEqual({
        base: 'b1',
        head: 'h1',
        ipBlockMatchesPods: 'false',
        format: 'md',
      });
    },
  );
});
