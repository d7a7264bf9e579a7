/** Seeded samples of the workloads questions are asked about, so runs ask the same questions. */
import type { SnapshotAnalysis, TargetRef } from '@podreach/policy-engine';
import { Random } from './generator/random';

export function workloadTargets(analysis: SnapshotAnalysis, count: number, seed: number): TargetRef[] {
  const random = Random.derive(seed, 'questions');
  return random.sample(analysis.model.workloads, count).map((w) => ({
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
