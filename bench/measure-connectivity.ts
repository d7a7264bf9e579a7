/**
 * Full connectivity at workload granularity: every allowed pair computed from the class-level matrix as a
 * listing that is read once and never held (at XL there are tens of millions of pairs), then rendered as text
 * from a second pass, timed apart because both grow with the square of the workloads.
 */
import { renderConnectivity, type ConnectivityListing, type SnapshotAnalysis } from '@podreach/policy-engine';
import type { Reporter } from './figures';
import { timed } from './timing';

export function measureConnectivity(
  analysis: SnapshotAnalysis,
  report: Reporter,
): { ms: number; cpuMs: number } {
  const listing = analysis.connectivityListing({ granularity: 'workload' });
  const {
    result: counts,
    ms,
    cpuMs,
  } = timed(() => {
    let pairs = 0;
    let ranges = 0;
    for (const c of listing.connections) {
      pairs += 1;
      if (c.src.type === 'ipRange' || c.dst.type === 'ipRange') ranges += 1;
    }
    return { pairs, ranges };
  });
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
    value: counts.pairs,
    unit: 'count',
    note: `${counts.ranges} of them with outside address ranges`,
  });
  measureRender(listing, report);
  return { ms, cpuMs };
}

/** Rendering the listing as text, the pairs computed again as they are written. */
function measureRender(listing: ConnectivityListing, report: Reporter): void {
  const {
    result: characters,
    ms,
    cpuMs,
  } = timed(() => {
    let length = 0;
    for (const chunk of renderConnectivity(listing, 'txt', { snapshot: 'bench' })) length += chunk.length;
    return length;
  });
  report.figure({
    id: 'render.seconds',
    label: 'render workload connectivity (txt, pairs computed again)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
    note: `${(characters / 1e6).toFixed(1)} MB of text`,
  });
}
