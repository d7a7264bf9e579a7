/**
 * Cold compile: building the snapshot model and compiling it (pod classes, selector bitsets, address atoms)
 * happen on the first question, so the figure is `analyze(objects)` plus one `ingress()`.
 */
import { analyze, type K8sObject, type SnapshotAnalysis, type TargetRef } from '@podreach/policy-engine';
import type { Reporter } from './figures';
import { timed } from './timing';

export function measureCompile(
  objects: K8sObject[],
  firstTarget: (analysis: SnapshotAnalysis) => TargetRef,
  report: Reporter,
): { analysis: SnapshotAnalysis; ms: number; cpuMs: number } {
  const {
    result: analysis,
    ms,
    cpuMs,
  } = timed(() => {
    const fresh = analyze(objects);
    fresh.ingress(firstTarget(fresh));
    return fresh;
  });
  report.figure({
    id: 'compile.seconds',
    label: 'cold compile (analyze + first ingress)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
    note: `${analysis.model.workloads.length} workloads, ${analysis.model.pods.length} pods`,
  });
  return { analysis, ms, cpuMs };
}
