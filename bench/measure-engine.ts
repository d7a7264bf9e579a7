/** The engine stage: cold compile, warm questions, full connectivity, diffs and peak memory. */
import type { K8sObject } from '@podreach/policy-engine';
import { withPolicies } from './churned-policies';
import type { Reporter } from './figures';
import type { ClusterStats } from './generator';
import { measureClassAnalysis } from './measure-class-analysis';
import { measureClasses } from './measure-classes';
import { measureCompile } from './measure-compile';
import { measureConnectivity } from './measure-connectivity';
import { measurePolicyDiff, measureSnapshotDiff } from './measure-diff';
import { measureCheck, measureIngress } from './measure-questions';
import { measureReference } from './measure-reference';
import { INGRESS_SAMPLE, workloadPairs, workloadTargets } from './sampling';
import { peakRssMb } from './timing';

const CHECK_SAMPLE = 1000;

export interface EngineInput {
  objects: K8sObject[];
  /** The NetworkPolicies after 5% churn, for the diff. */
  churned: K8sObject[];
  stats: ClusterStats;
  seed: number;
}

export function measureEngine({ objects, churned, stats, seed }: EngineInput, report: Reporter): void {
  report.figure({ id: 'workloads', label: 'workloads', value: stats.workloads, unit: 'count' });
  const compile = measureCompile(objects, (analysis) => workloadTargets(analysis, 1, seed)[0], report);
  const { analysis } = compile;
  measureIngress(analysis, workloadTargets(analysis, INGRESS_SAMPLE, seed), report);
  measureCheck(analysis, workloadPairs(analysis, CHECK_SAMPLE, seed), report);
  measureConnectivity(analysis, report);
  // Read before the diffs, which hold a second compiled snapshot: the memory target is for one analysis.
  report.figure({
    id: 'engine.peakRssMb',
    label: 'peak RSS (engine, one snapshot)',
    value: peakRssMb(),
    unit: 'MB',
  });
  // On a snapshot compiled afresh (see measure-class-analysis.ts), once the one-snapshot memory is read.
  const classLevel = measureClassAnalysis(objects, workloadTargets(analysis, 1, seed)[0], report);
  report.figure({
    id: 'compileAndAnalysis.seconds',
    label: 'compile + class-level full analysis',
    value: (compile.ms + classLevel.ms) / 1000,
    unit: 's',
    cpu: (compile.cpuMs + classLevel.cpuMs) / 1000,
  });
  const head = withPolicies(objects, churned);
  measurePolicyDiff(objects, head, report);
  measureSnapshotDiff(analysis, head, report);
  measureClasses(analysis, report);
  measureReference({ analysis, objects, size: stats.size, seed }, report);
}
