import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { MetricsService } from './metrics.service';

let metrics: MetricsService | undefined;

function service(): MetricsService {
  metrics = new MetricsService();
  metrics.onApplicationBootstrap();
  return metrics;
}

afterEach(() => {
  metrics?.onModuleDestroy();
  metrics = undefined;
});

/** The value of one series in the text exposition, e.g. `podreach_x{quantile="0.5"}`. */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no series ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

/** Keeps the event loop busy, as a synchronous analysis on the main thread would. */
function blockEventLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('MetricsService', () => {
  it('shows what the analysis pool holds at each scrape, and counts refused tasks', async () => {
    const m = service();
    let load = { pending: 3, busy: 1 };
    m.watchAnalysisPool(() => load);
    m.countAnalysisRejected();
    m.countAnalysisRejected();
    let text = await m.render();
    expect(valueOf(text, 'podreach_analysis_queue_pending')).toBe(3);
    expect(valueOf(text, 'podreach_analysis_workers_busy')).toBe(1);
    expect(valueOf(text, 'podreach_analysis_rejected_total')).toBe(2);

    load = { pending: 0, busy: 0 };
    text = await m.render();
    expect(valueOf(text, 'podreach_analysis_queue_pending')).toBe(0);
    expect(valueOf(text, 'podreach_analysis_workers_busy')).toBe(0);
    expect(valueOf(text, 'podreach_analysis_rejected_total')).toBe(2);
  });

  it('reports a blocked event loop as lag: the maximum covers the block, p50 <= p99 <= max', async () => {
    const m = service();
    // The histogram measures from its first tick on: let it tick before blocking.
    await sleep(50);
    blockEventLoop(200);
    await sleep(50);
    const text = await m.render();
    const p50 = valueOf(text, 'podreach_event_loop_lag_seconds{quantile="0.5"}');
    const p99 = valueOf(text, 'podreach_event_loop_lag_seconds{quantile="0.99"}');
    const max = valueOf(text, 'podreach_event_loop_lag_seconds{quantile="1"}');
    expect(p50).toBeGreaterThanOrEqual(0);
    expect(p50).toBeLessThanOrEqual(p99);
    expect(p99).toBeLessThanOrEqual(max);
    // The block delayed one tick by its whole length (less the 10 ms the tick was due after).
    expect(max).toBeGreaterThanOrEqual(0.19);
  });

  it('reads the pool as idle before a pool is watched', async () => {
    const text = await service().render();
    expect(valueOf(text, 'podreach_analysis_queue_pending')).toBe(0);
    expect(valueOf(text, 'podreach_analysis_workers_busy')).toBe(0);
    expect(valueOf(text, 'podreach_analysis_rejected_total')).toBe(0);
  });
});
