/** Warm questions on a compiled snapshot: `ingress()` per workload and `check()` per workload pair. */
import type { SnapshotAnalysis, TargetRef } from '@podreach/policy-engine';
import type { Reporter } from './figures';
import { percentile, timed } from './timing';

export function measureIngress(
  analysis: SnapshotAnalysis,
  targets: readonly TargetRef[],
  report: Reporter,
): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  let peers = 0;
  for (const target of targets) {
    const { result, ms, cpuMs } = timed(() => analysis.ingress(target));
    wall.push(ms);
    cpu.push(cpuMs);
    peers += result.peers.length;
  }
  const note = `${targets.length} workloads, ${(peers / targets.length).toFixed(0)} peers per answer on average`;
  for (const p of [50, 99]) {
    report.figure({
      id: `ingress.p${p}Ms`,
      label: `warm ingress() p${p}`,
      value: percentile(wall, p),
      unit: 'ms',
      cpu: percentile(cpu, p),
      ...(p === 50 ? { note } : {}),
    });
  }
}

export function measureCheck(
  analysis: SnapshotAnalysis,
  pairs: readonly [TargetRef, TargetRef][],
  report: Reporter,
): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  let allowed = 0;
  for (const [src, dst] of pairs) {
    const { result, ms, cpuMs } = timed(() => analysis.check(src, dst));
    wall.push(ms);
    cpu.push(cpuMs);
    if (result.allowed) allowed++;
  }
  report.figure({
    id: 'check.p99Ms',
    label: 'warm check() p99',
    value: percentile(wall, 99),
    unit: 'ms',
    cpu: percentile(cpu, 99),
    note: `${pairs.length} workload pairs, ${allowed} allowed`,
  });
}
