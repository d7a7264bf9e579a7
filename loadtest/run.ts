/**
 * `npm run loadtest` (issue 8; not part of `npm test`): concurrent uploads and queries with autocannon against
 * the built service in a child process on PostgreSQL, with the service killed (SIGKILL) and restarted while
 * uploads are under way; then every snapshot is read back. Prints a table and exits 1 on any 5xx other than
 * 503 with Retry-After, any error while the service was up, or any incomplete, lost or corrupted snapshot.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '../bench/generator/random';
import { freePort, ServiceProcess, testAdminKey } from '../test/support/service-process';
import { USAGE, parseLoadArgs, type LoadArgs } from './load-args';
import { checkStoredSnapshots, dropLoadDatabase, freshLoadDatabase, LOAD_DATABASE } from './load-database';
import { prepareLoad } from './load-plan';
import { failures, formatReport } from './load-report';
import { runSegments } from './load-segments';
import { LoadTally } from './load-tally';

/** The service `npm run build` made, beside this file in `dist/`. */
const SERVICE_ENTRY = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');

/** The caller's `PODREACH_*` settings reach the service (rate limits, batch sizes), nothing else of its environment. */
function podreachSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[0].startsWith('PODREACH_') && entry[1] !== undefined,
    ),
  );
}

async function loadTest(args: LoadArgs): Promise<boolean> {
  const databaseUrl = await freshLoadDatabase(args.adminDatabaseUrl);
  // The service writes schema.gql into its working directory: not into the repository.
  const workDir = await mkdtemp(join(tmpdir(), 'podreach-loadtest-'));
  const logFile = join(workDir, 'service.log');
  const service = new ServiceProcess({
    entry: SERVICE_ENTRY,
    cwd: workDir,
    logFile,
    port: await freePort(),
    adminKey: testAdminKey(),
    env: { ...podreachSettings(process.env), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
  let passed = false;
  try {
    await service.start();
    process.stderr.write(`service ready at ${service.url}; generating the clusters\n`);
    const plan = await prepareLoad(service, args.seed);
    process.stderr.write(`${args.durationSeconds} s of load with ${args.kills} kills\n`);
    const tally = new LoadTally();
    const run = await runSegments(service, plan, tally, args, new Random(args.seed));
    await service.stop();
    const stored = await checkStoredSnapshots(databaseUrl, tally.acknowledged);
    process.stdout.write(formatReport(args, run, tally, stored));
    passed = failures(tally, stored).length === 0;
    return passed;
  } finally {
    await service.kill();
    if (passed) {
      await dropLoadDatabase(args.adminDatabaseUrl);
      await rm(workDir, { recursive: true, force: true });
    } else {
      process.stderr.write(
        `kept for a look: the database ${LOAD_DATABASE} and the service's log ${logFile}\n`,
      );
    }
  }
}

async function main(): Promise<void> {
  let args: LoadArgs;
  try {
    args = parseLoadArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = (await loadTest(args)) ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
