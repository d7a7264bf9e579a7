/**
 * Entry of a stage's child process (see stage-protocol.ts): runs the stage's measurements in order and
 * sends each figure to the runner as soon as it is measured.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { K8sObject } from '@podreach/policy-engine';
import type { Reporter } from './figures';
import type { ClusterStats } from './generator';
import {
  clusterListFile,
  clusterStatsFile,
  churnedPoliciesFile,
  normalizedObjectsFile,
  type StageMessage,
  type StageRequest,
} from './stage-protocol';

const pending: Promise<void>[] = [];

function send(message: StageMessage): void {
  pending.push(new Promise((resolve) => process.send?.(message, () => resolve())));
}

const report: Reporter = {
  figure: (figure) => send({ type: 'figure', figure }),
  note: (text) => send({ type: 'note', text }),
};

async function prepare(request: StageRequest): Promise<void> {
  const { measureGenerate, writeClusterList } = await import('./measure-generate');
  const { measureNormalize } = await import('./measure-normalize');
  const cluster = measureGenerate(request.size, request.seed, report);
  send({ type: 'stats', stats: cluster.stats });
  await writeClusterList(cluster, clusterListFile(request.workDir), report);
  const content = measureNormalize(cluster, report);
  await writeFile(clusterStatsFile(request.workDir), JSON.stringify(cluster.stats));
  await writeFile(normalizedObjectsFile(request.workDir), JSON.stringify(content.objects));
  const { churnedPolicies } = await import('./churned-policies');
  await writeFile(
    churnedPoliciesFile(request.workDir),
    JSON.stringify(churnedPolicies(cluster, request.seed)),
  );
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Each stage loads only its own code: the engine's peak memory must not include NestJS. */
async function main(request: StageRequest & { adminDatabaseUrl: string }): Promise<void> {
  switch (request.stage) {
    case 'prepare':
      return prepare(request);
    case 'engine': {
      const objects = await readJson<K8sObject[]>(normalizedObjectsFile(request.workDir));
      const stats = await readJson<ClusterStats>(clusterStatsFile(request.workDir));
      const churned = await readJson<K8sObject[]>(churnedPoliciesFile(request.workDir));
      const { measureEngine } = await import('./measure-engine');
      return measureEngine({ objects, churned, stats, seed: request.seed }, report);
    }
    case 'ingest': {
      const stats = await readJson<ClusterStats>(clusterStatsFile(request.workDir));
      const { measureIngest } = await import('./measure-ingest');
      return measureIngest(clusterListFile(request.workDir), stats, request.adminDatabaseUrl, report);
    }
    case 'api': {
      const stats = await readJson<ClusterStats>(clusterStatsFile(request.workDir));
      const { measureApi } = await import('./measure-api');
      return measureApi(clusterListFile(request.workDir), stats, request.adminDatabaseUrl, report);
    }
    case 'lag': {
      const stats = await readJson<ClusterStats>(clusterStatsFile(request.workDir));
      const { measureLag } = await import('./measure-lag');
      return measureLag(clusterListFile(request.workDir), stats, request.adminDatabaseUrl, report);
    }
  }
}

/** Exits once every message reached the runner: the Nest app or a pool may still hold the event loop. */
async function finish(code: number): Promise<never> {
  await Promise.all(pending);
  process.exit(code);
}

main(JSON.parse(process.argv[2]) as StageRequest & { adminDatabaseUrl: string }).then(
  () => finish(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    send({ type: 'note', text: `failed: ${error instanceof Error ? error.message : String(error)}` });
    return finish(1);
  },
);
