/** Seeded samples of the workloads questions are asked about, so runs ask the same questions. */
import type { SnapshotAnalysis, TargetRef } from '@podreach/policy-engine';
import { Random } from './generator/random';

/** Workloads asked about in the warm ingress figures, of the engine and of both APIs alike. */
export const INGRESS_SAMPLE = 200;

/**
 * `count` workloads of a list in the model's order (the engine's, or the REST API's list of a snapshot's
 * workloads): the same seed picks the same workloads from either.
 */
export function sampleWorkloads<T>(workloads: readonly T[], count: number, seed: number): T[] {
  return Random.derive(seed, 'questions').sample(workloads, count);
}

export function workloadTargets(analysis: SnapshotAnalysis, count: number, seed: number): TargetRef[] {
  return sampleWorkloads(analysis.model.workloads, count, seed).map((w) => ({
    type: 'workload' as const,
    namespace: w.namespace,
    kind: w.kind,
    name: w.name,
  }));
}

/** `count` (source, destination) pairs of distinct workloads. */
export function workloadPairs(
  analysis: SnapshotAnalysis,
  count: number,
  seed: number,
): [TargetRef, TargetRef][] {
  const random = Random.derive(seed, 'pairs');
  const workloads = analysis.model.workloads;
  const pairs: [TargetRef, TargetRef][] = [];
  const ref = (i: number): TargetRef => ({ type: 'workload', ...pick(workloads[i]) });
  while (pairs.length < count && workloads.length > 1) {
    const a = random.int(0, workloads.length - 1);
    const b = random.int(0, workloads.length - 1);
    if (a !== b) pairs.push([ref(a), ref(b)]);
  }
  return pairs;
}

function pick(w: { namespace: string; kind: string; name: string }) {
  return { namespace: w.namespace, kind: w.kind, name: w.name };
}
