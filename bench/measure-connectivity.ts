/**
 * Full connectivity: `connectivity()` at workload granularity (the class-level matrix spread over workloads),
 * then rendering it as text, timed apart because its size grows with the square of the workloads.
 */
import { renderConnectivity, type ConnectivityAnswer, type SnapshotAnalysis } from '@podreach/policy-engine';
import type { Reporter } from './figures';
import { timed } from './timing';

export function measureConnectivity(
  analysis: SnapshotAnalysis,
  report: Reporter,
): { ms: number; cpuMs: number } {
  const { result: answer, ms, cpuMs } = timed(() => analysis.connectivity({ granularity: 'workload' }));
  const ranges = answer.connections.filter(
    (c) => c.src.type === 'ipRange' || c.dst.type === 'ipRange',
  ).length;
  report.figure({
    id: 'analysis.seconds',
    label: 'full analysis (connectivity, workload level)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
  });
  report.figure({
    id: 'allowedPairs',
    label: 'allowed pairs (workload level)',
    value: answer.connections.length,
    unit: 'count',
    note: `${ranges} of them with outside address ranges`,
  });
  measureRender(answer, report);
  return { ms, cpuMs };
}

function measureRender(answer: ConnectivityAnswer, report: Reporter): void {
  const {
    result: characters,
    ms,
    cpuMs,
  } = timed(() => {
    let length = 0;
    for (const chunk of renderConnectivity(answer, 'txt', { snapshot: 'bench' })) length += chunk.length;
    return length;
  });
  report.figure({
    id: 'render.seconds',
    label: 'render workload connectivity (txt)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
    note: `${(characters / 1e6).toFixed(1)} MB of text`,
  });
}
