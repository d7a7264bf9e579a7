/**
 * Diff of two snapshots with 5% policy churn: the policies alone (`diffPolicies`), and the whole snapshot diff
 * (`diffSnapshots`: connectivity of both sides per workload pair, with causes). The base is the compiled
 * analysis the earlier figures warmed, as a service holds a cached snapshot; the head is compiled from its
 * objects, as a snapshot just uploaded.
 */
import { diffPolicies, diffSnapshots, type K8sObject, type SnapshotAnalysis } from '@podreach/policy-engine';
import type { Reporter } from './figures';
import { timed } from './timing';

export function measurePolicyDiff(base: K8sObject[], head: K8sObject[], report: Reporter): void {
  const { result: changes, ms, cpuMs } = timed(() => diffPolicies(base, head));
  const count = (change: string) => changes.filter((c) => c.change === change).length;
  report.figure({
    id: 'policyDiff.seconds',
    label: 'policy diff (diffPolicies, 5% churn)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
    note: `${count('added')} added, ${count('removed')} removed, ${count('modified')} modified`,
  });
}

export function measureSnapshotDiff(base: SnapshotAnalysis, head: K8sObject[], report: Reporter): void {
  const {
    result: answer,
    ms,
    cpuMs,
  } = timed(() => diffSnapshots({ id: 'base', analysis: base }, { id: 'churned', objects: head }));
  const { added, removed, changed } = answer.summary;
  report.figure({
    id: 'diff.seconds',
    label: 'snapshot diff (diffSnapshots, 5% churn)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
    note: `pairs: ${added} added, ${removed} removed, ${changed} changed`,
  });
}
