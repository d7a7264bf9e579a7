/**
 * `npm run bench`: for each size, generate a cluster, then measure the engine, the PostgreSQL ingest and the
 * APIs under load, each stage in its own process with a time budget, and print one table per size (issues 7
 * and 4).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SizeName } from './generator';
import { formatRun, formatValue, machineText, runsDocument, type SizeRun } from './report';
import { USAGE, parseRunArgs, type RunOptions } from './run-args';
import { STAGES, stageSkipReason } from './stage-protocol';
import { runStage } from './stage-runner';

/** Seconds each stage of a size may take unless `--timeout` says otherwise. */
const STAGE_TIMEOUT: Record<SizeName, number> = { S: 120, M: 300, L: 1200, XL: 2400 };

async function runSize(size: SizeName, options: RunOptions): Promise<SizeRun> {
  const run: SizeRun = { size, seed: options.seed, figures: [], notes: [], stages: [] };
  const workDir = await mkdtemp(join(tmpdir(), `podreach-bench-${size}-`));
  try {
    for (const stage of STAGES) {
      if (stage !== 'prepare' && run.stages[0]?.status !== 'ok') {
        run.stages.push({ stage, status: 'skipped', seconds: 0, reason: 'prepare did not finish' });
        continue;
      }
      const skipReason = stageSkipReason(stage, size);
      if (skipReason !== undefined) {
        run.stages.push({ stage, status: 'skipped', seconds: 0, reason: skipReason });
        continue;
      }
      const timeout = options.timeoutSeconds ?? STAGE_TIMEOUT[size];
      const request = {
        stage,
        size,
        seed: options.seed,
        workDir,
        adminDatabaseUrl: options.adminDatabaseUrl,
      };
      const outcome = await runStage(request, timeout, (message) => {
        if (message.type === 'figure') {
          run.figures.push(message.figure);
          const { label, value, unit } = message.figure;
          process.stderr.write(`  ${size} ${label}: ${formatValue(value, unit)}\n`);
        } else if (message.type === 'stats') run.stats = message.stats;
        else run.notes.push(`${stage}: ${message.text}`);
      });
      run.stages.push(outcome);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return run;
}

async function main(): Promise<void> {
  let options: RunOptions;
  try {
    options = parseRunArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const startedAt = new Date();
  console.log(`podreach bench, ${machineText()}`);
  const runs: SizeRun[] = [];
  for (const size of options.sizes) {
    const run = await runSize(size, options);
    runs.push(run);
    console.log(`\n${formatRun(run)}`);
  }
  if (options.jsonFile) {
    await writeFile(options.jsonFile, `${JSON.stringify(runsDocument(runs, startedAt), null, 2)}\n`);
    console.log(`\nfigures written to ${options.jsonFile}`);
  }
  // A stage skipped because prepare failed fails the run through prepare; one skipped by design does not.
  const failed = (stage: SizeRun['stages'][number]) =>
    stage.status === 'failed' || stage.status === 'timeout';
  if (runs.some((run) => run.stages.some(failed))) process.exitCode = 1;
}

void main();
