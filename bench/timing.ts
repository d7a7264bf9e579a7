/** Clocks and statistics for measurements. */
import { performance } from 'node:perf_hooks';

export interface Timing<T> {
  result: T;
  /** Wall time. */
  ms: number;
  /**
   * CPU time of this process (user + system). On a busy machine wall time also counts waiting for a core;
   * CPU time does not, so it stays comparable between runs.
   */
  cpuMs: number;
}

/** Runs `fn` and returns its result with the elapsed wall and CPU time in milliseconds. */
export function timed<T>(fn: () => T): Timing<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start, cpuMs: cpuMsSince(cpu) };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<Timing<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start, cpuMs: cpuMsSince(cpu) };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The nearest-rank percentile (`p` in 0..100) of some samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** This process's peak resident set size so far, in MB (`maxRSS` is in kilobytes). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
