/**
 * How the runner and its stage processes talk. Each stage runs in a child process so that a size too slow
 * for its time budget is killed without hanging the run, and so that each stage's peak memory is its own.
 */
import { join } from 'node:path';
import type { Figure } from './figures';
import type { ClusterStats, SizeName } from './generator';

/**
 * `prepare` generates and normalizes; `engine` compiles and answers; `ingest` stores into PostgreSQL; `api`
 * puts the service's REST and GraphQL answers under load; `lag` measures the service's event loop while a
 * cold analysis runs.
 */
export type StageName = 'prepare' | 'engine' | 'ingest' | 'api' | 'lag';

export const STAGES: readonly StageName[] = ['prepare', 'engine', 'ingest', 'api', 'lag'];

/**
 * Why a stage does not run for a size, if it does not: an S snapshot compiles in a fraction of a second, too
 * little for the lag stage to see anything but the machine, so it runs from M up (and keeps the default run short).
 */
export function stageSkipReason(stage: StageName, size: SizeName): string | undefined {
  return stage === 'lag' && size === 'S' ? 'measured from size M up' : undefined;
}

export interface StageRequest {
  stage: StageName;
  size: SizeName;
  seed: number;
  /** Folder where `prepare` leaves the files the later stages read. */
  workDir: string;
}

export type StageMessage =
  | { type: 'figure'; figure: Figure }
  | { type: 'stats'; stats: ClusterStats }
  | { type: 'note'; text: string };

/** The cluster as `kubectl get -A -o json` prints it, gzipped as one uploads a large dump. */
export function clusterListFile(workDir: string): string {
  return join(workDir, 'cluster.json.gz');
}

/** The generated cluster's counts (`ClusterStats`) as JSON. */
export function clusterStatsFile(workDir: string): string {
  return join(workDir, 'stats.json');
}

/** The engine's normalized objects (`SnapshotContent.objects`) as JSON. */
export function normalizedObjectsFile(workDir: string): string {
  return join(workDir, 'normalized.json');
}

/** The NetworkPolicies of the second snapshot of the diff benchmark, normalized. */
export function churnedPoliciesFile(workDir: string): string {
  return join(workDir, 'churned-policies.json');
}
