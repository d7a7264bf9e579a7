/**
 * The class-level full analysis: the verdict of every (source class, destination class) pair, the matrix that
 * full connectivity and diffs spread over workloads and pods. It grows with the square of the pod classes, not
 * of the workloads, so it is timed apart from spreading it (the workload connectivity figure). It runs on a
 * snapshot compiled afresh, since an analysis keeps its matrix once built.
 */
import { DEFAULT_OPTIONS, analyze, type K8sObject, type TargetRef } from '@podreach/policy-engine';
import type { Reporter } from './figures';
import { timed } from './timing';

export function measureClassAnalysis(
  objects: K8sObject[],
  firstTarget: TargetRef,
  report: Reporter,
): { ms: number; cpuMs: number } {
  const fresh = analyze(objects);
  fresh.ingress(firstTarget);
  const { ms, cpuMs } = timed(() => fresh.classMatrix(DEFAULT_OPTIONS));
  report.figure({
    id: 'classAnalysis.seconds',
    label: 'class-level full analysis (class matrix)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
  });
  return { ms, cpuMs };
}
