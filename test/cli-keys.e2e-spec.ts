/**
 * `podreach keys` against the real service with auth on (listening on loopback): an admin key creates a
 * key, lists and revokes it; the new key then works, within its scopes and clusters, until it is revoked.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFixture, runInProcess } from '../apps/cli/src/testing/cli-harness';
import { declaredAdminKey } from './support/api-keys';
import { startTestApp, uniqueCluster, type TestApp } from './support/test-app';

const adminKey = declaredAdminKey();
const cluster = uniqueCluster('cli-keys');
let t: TestApp;
let server: string;

beforeAll(async () => {
  t = await startTestApp({ auth: 'on', env: { PODREACH_ADMIN_KEY: adminKey } });
  await t.app.listen(0, '127.0.0.1');
  server = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
});

afterAll(async () => {
  await t?.close();
});

/** The CLI with `key` in PODREACH_API_KEY (none when null) and the server in PODREACH_SERVER. */
function podreach(argv: string[], key: string | null = adminKey) {
  const env = { PODREACH_SERVER: server, ...(key === null ? {} : { PODREACH_API_KEY: key }) };
  return runInProcess(argv, { env, fetch });
}

function uploadTo(target: string, key: string) {
  return podreach(['upload', cliFixture('base'), '--cluster', target], key);
}

describe('podreach keys on the real service', () => {
  let key: string;
  let id: string;

  it('creates a key and prints it once, alone on stdout', async () => {
    const run = await podreach([
      'keys',
      'create',
      '--name',
      'ci upload',
      '--scope',
      'write',
      '--scope',
      'read',
      '--cluster',
      cluster,
      '--expires-in',
      '30d',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^prk_[A-Za-z0-9_-]{43}\n$/);
    key = run.stdout.trim();
    const created =
      /^created API key ([0-9a-f-]{36}) "ci upload": scopes read, write; clusters (\S+); expires /.exec(
        run.stderr,
      );
    expect(created?.[2]).toBe(cluster);
    id = created?.[1] ?? '';
    expect(run.stderr).toContain('store the key now: it is not shown again\n');
    expect(run.stderr).not.toContain(key);
  });

  it('lists it by id, name and prefix, and never shows a key', async () => {
    const table = await podreach(['keys', 'list']);
    expect(table.code).toBe(0);
    const row = table.stdout.split('\n').find((line) => line.startsWith(id)) ?? '';
    expect(row.split(/ {3,}/)).toEqual([
      id,
      'ci upload',
      key.slice(4, 12),
      'read,write',
      cluster,
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/),
      '-',
      'never',
    ]);
    expect(table.stdout).toContain('PODREACH_ADMIN_KEY');

    const json = await podreach(['keys', 'list', '--json']);
    const listed = JSON.parse(json.stdout).items.find((item: { id: string }) => item.id === id);
    expect(listed).toMatchObject({
      name: 'ci upload',
      scopes: ['read', 'write'],
      clusters: [cluster],
      revokedAt: null,
    });
    for (const secret of [key, adminKey]) expect(`${table.stdout}${json.stdout}`).not.toContain(secret);
  });

  it('the new key uploads to its cluster, and may not manage keys', async () => {
    expect((await uploadTo(cluster, key)).code).toBe(0);
    const denied = await podreach(['keys', 'list'], key);
    expect(denied).toMatchObject({ code: 2, stdout: '' });
    expect(denied.stderr).toMatch(/^podreach: server: .+ \(FORBIDDEN\)\n/);
    expect(denied.stderr).toContain('\n  the API key may not do this: ');
    expect(denied.stderr).not.toContain(key);
  });

  it('refuses a call without a key, saying where a key goes', async () => {
    const run = await podreach(['keys', 'list'], null);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/\(UNAUTHENTICATED\)\n/);
    expect(run.stderr).toContain('\n  the server needs an API key: pass --api-key or set PODREACH_API_KEY\n');
  });

  it('revokes the key, which then stops working', async () => {
    expect(await podreach(['keys', 'revoke', id])).toEqual({
      code: 0,
      stdout: `revoked API key ${id}\n`,
      stderr: '',
    });
    const refused = await uploadTo(cluster, key);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain(
      '  the server did not accept the API key: it is unknown, revoked or expired\n',
    );
    const listed = JSON.parse((await podreach(['keys', 'list', '--json'])).stdout).items;
    expect(listed.find((item: { id: string }) => item.id === id).revokedAt).toEqual(expect.any(String));
  });

  it('names an unknown key id, exit 2', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await podreach(['keys', 'revoke', unknown])).toEqual({
      code: 2,
      stdout: '',
      stderr: `podreach: server: API key ${unknown} does not exist (NOT_FOUND)\n`,
    });
  });
});
