/**
 * The review CLI run in-process on the fixture trees of test/fixtures/cli: `base`, `deny-only` (base plus a
 * new default-deny in billing) and `head` (deny-only plus a policy that opens shop/web to every address).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliFixture, runInProcess } from '../apps/cli/src/testing/cli-harness';

const base = cliFixture('base');
const denyOnly = cliFixture('deny-only');
const head = cliFixture('head');

describe('help and usage', () => {
  it('lists every command on --help and exits 0', async () => {
    const run = await runInProcess(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['diff', 'check', 'who-can-reach', 'upload'])
      expect(run.stdout).toContain(`  ${command} `);
  });

  it('prints the usage on stderr and exits 2 without a command', async () => {
    const run = await runInProcess([]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('Usage: podreach <command>');
  });

  it.each(['diff', 'check', 'who-can-reach', 'upload'])('shows the help of %s', async (command) => {
    const run = await runInProcess([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: podreach ${command} `));
    expect(run.stdout).toContain('Exit codes:');
  });

  it.each([
    [['deploy'], 'unknown command "deploy"', 'podreach --help'],
    [['check', '--from', 'a', '--to', 'b', '--bogus'], "Unknown option '--bogus'", 'podreach check --help'],
    [['check', '--to', 'shop/db', '--manifests', base], '--from is required', 'podreach check --help'],
    [['check', '--from', 'a', '--to', 'b'], 'say what to analyse', 'podreach check --help'],
    [
      ['check', '--from', 'a', '--to', 'b', '--manifests', base, '--server', 'http://x'],
      'not both',
      'check --help',
    ],
    [
      ['check', '--from', 'a', '--to', 'b', '--manifests', base, '--port', '70000'],
      '--port must be',
      'check',
    ],
    [
      ['check', '--from', 'a', '--to', 'b', '--manifests', base, '--protocol', 'ICMP'],
      'TCP, UDP or SCTP',
      'check',
    ],
    [['check', '--from', 'a', '--to', 'b', '--manifests', base, '--format', 'yaml'], 'txt, json', 'check'],
    [['who-can-reach', '--manifests', base], 'needs 1 argument', 'podreach who-can-reach --help'],
    [['who-can-reach', 'a', 'b', '--manifests', base], 'unexpected argument "b"', 'who-can-reach --help'],
    [['diff', '--base', base], '--head is required', 'podreach diff --help'],
    [['diff', '--base', '-', '--head', '-'], 'cannot both read standard input', 'diff --help'],
    [['diff', '--base', base, '--head', head, '--fail-on', 'policy'], 'exposure, any', 'diff --help'],
    [['diff', '--base', base, '--head', head, '--format', 'csv'], 'txt, md, json', 'diff --help'],
    [['upload', base, '--cluster', 'prod'], '--server is required', 'podreach upload --help'],
  ])('rejects %j with exit 2 and a usage hint', async (argv, message, hint) => {
    const run = await runInProcess(argv);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(hint);
  });
});

describe('check', () => {
  it.each([
    {
      args: ['--from', 'shop/web', '--to', 'shop/db'],
      tree: base,
      code: 0,
      lines: [
        'ALLOWED  shop/web[Deployment] -> shop/db[StatefulSet]',
        '  connections: TCP 5432',
        '  egress of shop/web[Deployment]: not isolated, every connection allowed',
        '  ingress of shop/db[StatefulSet]: allowed by shop/db-from-web rule 0',
      ],
    },
    {
      args: [
        '--from',
        'shop/StatefulSet/db',
        '--to',
        'shop/Deployment/web',
        '--port',
        '8080',
        '--protocol',
        'tcp',
      ],
      tree: base,
      code: 1,
      lines: [
        'DENIED  shop/db[StatefulSet] -> shop/web[Deployment] on TCP 8080',
        '  egress of shop/db[StatefulSet]: not isolated, every connection allowed',
        '  ingress of shop/web[Deployment]: denied: isolated by shop/default-deny, no rule allows TCP 8080',
      ],
    },
    {
      args: ['--from', '203.0.113.7', '--to', 'shop/web', '--port', '8080'],
      tree: head,
      code: 0,
      lines: [
        'ALLOWED  203.0.113.7-203.0.113.7 -> shop/web[Deployment] on port 8080',
        '  connections: TCP 8080',
        '  egress of the outside address: not checked: the end is outside the cluster',
        '  ingress of shop/web[Deployment]: allowed by shop/web-public rule 0',
      ],
    },
    {
      args: ['--from', 'shop/web', '--to', 'billing/invoices'],
      tree: head,
      code: 1,
      lines: [
        'DENIED  shop/web[Deployment] -> billing/invoices[Deployment]',
        '  egress of shop/web[Deployment]: not isolated, every connection allowed',
        '  ingress of billing/invoices[Deployment]: denied: isolated by billing/default-deny, no rule allows any connection',
      ],
    },
  ])('$lines.0', async ({ args, tree, code, lines }) => {
    const run = await runInProcess(['check', ...args, '--manifests', tree]);
    expect(run).toMatchObject({ code, stderr: '' });
    expect(run.stdout).toBe(`${lines.join('\n')}\n`);
  });

  it('prints the engine answer with --format json, exit code still by the verdict', async () => {
    const run = await runInProcess([
      'check',
      '--from',
      'shop/db',
      '--to',
      'shop/web',
      '--format',
      'json',
      '--manifests',
      base,
    ]);
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({
      allowed: false,
      src: { type: 'workload', namespace: 'shop', name: 'db', kind: 'StatefulSet' },
      ingress: {
        decision: 'denied',
        isolatedBy: [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny' }],
      },
      options: { ipBlockMatchesPods: false },
    });
  });

  it('echoes --ip-block-matches-pods in the answer', async () => {
    const args = [
      'check',
      '--from',
      'shop/db',
      '--to',
      'shop/web',
      '--ip-block-matches-pods',
      '--format',
      'json',
    ];
    const run = await runInProcess([...args, '--manifests', head]);
    expect(JSON.parse(run.stdout).options).toEqual({ ipBlockMatchesPods: true });
  });

  it('says when a reference names nothing in the snapshot', async () => {
    const unknown = await runInProcess([
      'check',
      '--from',
      'shop/cart',
      '--to',
      'shop/db',
      '--manifests',
      base,
    ]);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('podreach: nothing named shop/cart in the snapshot\n');
  });

  it('reads the manifests from standard input with --manifests -', async () => {
    const stdin = ['workloads.yaml', 'policies.yaml', 'web-public.yaml']
      .map((file) => readFileSync(cliFixture('head', 'shop', file), 'utf8'))
      .join('\n---\n');
    const run = await runInProcess(
      ['check', '--from', '198.51.100.1', '--to', 'shop/web', '--manifests', '-'],
      {
        stdin,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ALLOWED {2}198\.51\.100\.1-198\.51\.100\.1 -> shop\/web\[Deployment\]\n/);
  });
});

describe('who-can-reach', () => {
  it('prints an aligned table of peers, connections and rules', async () => {
    const run = await runInProcess(['who-can-reach', 'shop/db', '--manifests', base]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'who can reach shop/db[StatefulSet] (any connection)',
        '  isolated for ingress by shop/db-from-web, shop/default-deny',
        '',
        'PEER                   CONNECTIONS   RULES',
        'shop/web[Deployment]   TCP 5432      shop/db-from-web rule 0',
        '',
      ].join('\n'),
    );
  });

  it('lists outside address ranges and says when no policy isolates the target', async () => {
    const run = await runInProcess([
      'who-can-reach',
      'billing/Deployment/invoices',
      '--port',
      '9000',
      '--protocol',
      'TCP',
      '--manifests',
      base,
    ]);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'who can reach billing/invoices[Deployment] (TCP 9000)',
      '  not isolated for ingress: no policy selects it, every peer may connect',
      '',
      'PEER                                         CONNECTIONS   RULES',
    ]);
    expect(run.stdout).toContain('\n0.0.0.0-255.255.255.255                      TCP 9000      -\n');
    expect(run.stdout).toContain('\nshop/web[Deployment]                         TCP 9000      -\n');
  });

  it('says nobody can reach a workload that everything is denied to', async () => {
    const run = await runInProcess(['who-can-reach', 'billing/invoices', '--manifests', denyOnly]);
    expect(run.stdout).toBe(
      [
        'who can reach billing/invoices[Deployment] (any connection)',
        '  isolated for ingress by billing/default-deny',
        '  nobody: no peer may connect',
        '',
      ].join('\n'),
    );
  });

  it('prints the engine answer with --format json', async () => {
    const run = await runInProcess(['who-can-reach', 'shop/web', '--format', 'json', '--manifests', head]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      target: { type: 'workload', namespace: 'shop', name: 'web', kind: 'Deployment' },
      direction: 'ingress',
      isolated: true,
      peers: [
        { peer: { type: 'ipRange', start: '0.0.0.0', end: '255.255.255.255' }, conn: { text: 'TCP 8080' } },
      ],
    });
  });

  it('refuses an address as the target', async () => {
    const run = await runInProcess(['who-can-reach', '10.0.0.1', '--manifests', base]);
    expect(run).toMatchObject({
      code: 2,
      stderr: 'podreach: 10.0.0.1 is an address: name a workload or a pod\n',
    });
  });
});

describe('manifest input', () => {
  it('lists every validation problem with its file and field path, exit 2', async () => {
    const run = await runInProcess(['who-can-reach', 'shop/db', '--manifests', cliFixture('invalid')]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    const file = cliFixture('invalid', 'policy.yaml');
    expect(run.stderr).toBe(
      [
        'podreach: invalid manifests: 2 validation problem(s)',
        `  ${file}: NetworkPolicy shop/bad-ports: spec.ingress[0].ports[0].port: must be between 1 and 65535, inclusive`,
        `  ${file}: NetworkPolicy shop/bad-ports: spec.ingress[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"`,
        '',
      ].join('\n'),
    );
  });

  it('names an unreadable path, exit 2', async () => {
    const missing = cliFixture('no-such-tree');
    const run = await runInProcess(['who-can-reach', 'shop/db', '--manifests', missing]);
    expect(run).toMatchObject({
      code: 2,
      stderr: `podreach: cannot read ${missing}: no such file or directory\n`,
    });
  });

  it('reports broken YAML or JSON with the document and position, exit 2', async () => {
    const run = await runInProcess(['who-can-reach', 'shop/db', '--manifests', '-'], {
      stdin: '{"kind": "Pod",',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^podreach: stdin: not valid JSON: line 1/);
  });

  it('skips dot-directories: base/.github holds a file that is no manifest', async () => {
    const direct = await runInProcess([
      'who-can-reach',
      'x/y',
      '--manifests',
      cliFixture('base', '.github', 'not-a-manifest.yaml'),
    ]);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain('every object needs a kind');
    expect((await runInProcess(['who-can-reach', 'shop/db', '--manifests', base])).code).toBe(0);
  });
});

describe('diff of two manifest trees', () => {
  const diff = (from: string, to: string, ...extra: string[]) =>
    runInProcess(['diff', '--base', from, '--head', to, ...extra]);

  it.each([
    { to: head, failOn: 'exposure', code: 1, why: 'a new public ipBlock exposes shop/web' },
    { to: head, failOn: 'any', code: 1, why: 'connections change' },
    { to: denyOnly, failOn: 'exposure', code: 0, why: 'a new default-deny exposes nothing' },
    { to: denyOnly, failOn: 'any', code: 1, why: 'a new default-deny removes connections' },
    { to: base, failOn: 'any', code: 0, why: 'nothing changes' },
  ])('--fail-on $failOn exits $code when $why', async ({ to, failOn, code }) => {
    const run = await diff(base, to, '--fail-on', failOn);
    expect(run).toMatchObject({ code, stderr: '' });
  });

  it('exits 0 whatever changed when no gate is asked for', async () => {
    expect((await diff(base, head)).code).toBe(0);
  });

  it('reports the public exposure first in the JSON answer, with its cause', async () => {
    const run = await diff(base, head, '--format', 'json');
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({ schemaVersion: 1, base: { id: base }, head: { id: head }, whatIf: false });
    expect(answer.connectivity[0]).toMatchObject({
      type: 'added',
      exposure: 'public',
      dst: { type: 'workload', namespace: 'shop', name: 'web', kind: 'Deployment' },
      after: { text: 'TCP 8080' },
    });
    const invoices = answer.connectivity.filter(
      (entry: { dst: { name?: string } }) => entry.dst.name === 'invoices',
    );
    expect(invoices.length).toBeGreaterThan(0);
    expect(
      invoices.every(
        (entry: { type: string; exposure?: string }) => entry.type === 'removed' && !entry.exposure,
      ),
    ).toBe(true);
  });

  it('writes a pull-request comment with --format md', async () => {
    const run = await diff(base, head, '--format', 'md', '--fail-on', 'exposure');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('<!-- podreach-diff -->');
    expect(run.stdout).toContain('shop/web');
  });

  it('fails with the problem list when a tree is invalid, exit 2 even with a gate', async () => {
    const run = await diff(base, cliFixture('invalid'), '--fail-on', 'any');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('spec.ingress[0].ports[0].port: must be between 1 and 65535');
  });
});
