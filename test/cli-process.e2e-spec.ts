/**
 * The CLI as users run it: `bin/podreach.js` as a real process on the compiled output. The CLI is compiled
 * once into a scratch copy of the package layout (node_modules/.cache), so the repository's own dist is left
 * alone and the test never runs stale code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliFixture } from '../apps/cli/src/testing/cli-harness';

const repo = join(__dirname, '..');
const scratch = join(repo, 'node_modules', '.cache', 'podreach-cli-e2e');
const bin = join(scratch, 'bin', 'podreach.js');

beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, 'bin'), { recursive: true });
  copyFileSync(join(repo, 'bin', 'podreach.js'), bin);
  const config = {
    extends: '../../../tsconfig.build.json',
    compilerOptions: {
      outDir: './dist',
      rootDir: '../../..',
      // Spelled out here: tsc-alias misreads paths inherited from a config in another folder.
      paths: { '@podreach/policy-engine': ['../../../libs/policy-engine/src/index.ts'] },
    },
    include: ['../../../apps/cli/src/main.ts'],
  };
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(config));
  const tools = join(repo, 'node_modules', '.bin');
  // Type errors are for `npm run lint` to report; tsc still writes the JavaScript the test runs.
  spawnSync(join(tools, 'tsc'), ['-p', join(scratch, 'tsconfig.json')], { cwd: repo });
  execFileSync(join(tools, 'tsc-alias'), ['-p', join(scratch, 'tsconfig.json')], { cwd: repo });
}, 180_000);

function podreach(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: repo, input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bin/podreach.js', () => {
  it('diff --format md --fail-on exposure: a PR comment on stdout and exit 1 for a new public exposure', () => {
    const run = podreach([
      'diff',
      '--base',
      cliFixture('base'),
      '--head',
      cliFixture('head'),
      '--format',
      'md',
      '--fail-on',
      'exposure',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('<!-- podreach-diff -->\n')).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('diff --fail-on exposure exits 0 when the change only denies', () => {
    const run = podreach([
      'diff',
      '--base',
      cliFixture('base'),
      '--head',
      cliFixture('deny-only'),
      '--fail-on',
      'exposure',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('check reads stdin and exits 1 for a denied connection, verdict first', () => {
    const stdin =
      readFileSync(cliFixture('base', 'shop', 'workloads.yaml'), 'utf8') +
      '\n---\n' +
      readFileSync(cliFixture('base', 'shop', 'policies.yaml'), 'utf8');
    const run = podreach(['check', '--from', 'shop/db', '--to', 'shop/web', '--manifests', '-'], stdin);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('DENIED  shop/db[StatefulSet] -> shop/web[Deployment]');
  });

  it('an unknown flag exits 2 with a usage hint on stderr', () => {
    const run = podreach(['diff', '--base', 'a', '--head', 'b', '--colour']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe("podreach: Unknown option '--colour'\nRun `podreach diff --help` for usage.\n");
  });

  it('tells the user to build when the compiled CLI is missing', () => {
    const bare = mkdtempSync(join(tmpdir(), 'podreach-bin-'));
    try {
      mkdirSync(join(bare, 'bin'));
      copyFileSync(join(repo, 'bin', 'podreach.js'), join(bare, 'bin', 'podreach.js'));
      const run = spawnSync(process.execPath, [join(bare, 'bin', 'podreach.js'), '--help'], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`podreach: the CLI is not built yet: run \`npm run build\` in ${bare}\n`);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
