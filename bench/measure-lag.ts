/**
 * Event-loop lag while a cold analysis runs (issue 7): the service in its own process on a fresh database, the
 * generated cluster uploaded, then one full connectivity request on the cold snapshot (nothing compiled, nothing
 * stored) while `/healthz` is asked every 10 ms. Reported: how long the connectivity took, the service's own
 * event-loop lag over that time (`podreach_event_loop_lag_seconds` of `/metrics`) and the `/healthz` round trips,
 * after the same lag of the idle service as a baseline.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDatabase } from './bench-service';
import type { ApiServiceProcess } from './api-service';
import type { ServiceClient } from './api-warm-up';
import type { Reporter } from './figures';
import type { ClusterStats } from './generator';
import { withUploadedSnapshot } from './measure-api';
import { percentile } from './timing';

/** How often `/healthz` is asked, at most; a slower answer delays the next question. */
const PROBE_INTERVAL_MS = 10;
/**
 * Time between the scrape that opens a lag window and the work measured in it: the service's lag histogram
 * measures from its first tick after a scrape, so a stall must not start before that tick.
 */
const SETTLE_MS = 50;
/** How long the idle service is probed first, for a baseline of what the machine's own load adds. */
const IDLE_SECONDS = 3;
const MB = 1024 * 1024;

interface EventLoopLag {
  p99Ms: number;
  maxMs: number;
}

async function scrapeLag(client: ServiceClient): Promise<EventLoopLag> {
  const res = await fetch(new URL('/metrics', client.url), { headers: client.headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`/metrics answered ${res.status}: ${text.slice(0, 500)}`);
  const quantile = (q: string): number => {
    const series = `podreach_event_loop_lag_seconds{quantile="${q}"} `;
    const line = text.split('\n').find((l) => l.startsWith(series));
    if (line === undefined) throw new Error(`/metrics has no ${series.trim()}`);
    return Number(line.slice(series.length)) * 1000;
  };
  return { p99Ms: quantile('0.99'), maxMs: quantile('1') };
}

/** Asks `/healthz` every PROBE_INTERVAL_MS until `done()`; returns the round trips in milliseconds. */
async function probeHealth(client: ServiceClient, done: () => boolean): Promise<number[]> {
  const roundTrips: number[] = [];
  while (!done()) {
    const started = performance.now();
    const res = await fetch(new URL('/healthz', client.url), { headers: client.headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`/healthz answered ${res.status} during the analysis`);
    const ms = performance.now() - started;
    roundTrips.push(ms);
    if (ms < PROBE_INTERVAL_MS) await sleep(PROBE_INTERVAL_MS - ms);
  }
  return roundTrips;
}

/** The snapshot's full connectivity (workload level, JSON) read to its end as it streams; returns its bytes. */
async function readConnectivity(client: ServiceClient, snapshot: string): Promise<number> {
  const path = `/api/v1/snapshots/${encodeURIComponent(snapshot)}/connectivity`;
  const res = await fetch(new URL(path, client.url), { headers: client.headers });
  if (!res.ok || res.body === null) {
    throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  }
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  return bytes;
}

interface ProbedWindow<T> {
  result: T;
  /** The service's event-loop lag over the window. */
  lag: EventLoopLag;
  /** `/healthz` round trips over the window, in milliseconds. */
  roundTrips: number[];
}

/** Runs `work` while `/healthz` is probed, in a window of the service's lag histogram of its own. */
async function probed<T>(client: ServiceClient, work: () => Promise<T>): Promise<ProbedWindow<T>> {
  // This scrape opens the window: each scrape starts a new one.
  await scrapeLag(client);
  let finished = false;
  const running = (async () => {
    await sleep(SETTLE_MS);
    return work();
  })().finally(() => (finished = true));
  const [result, roundTrips] = await Promise.all([running, probeHealth(client, () => finished)]);
  return { result, lag: await scrapeLag(client), roundTrips };
}

/**
 * The service idle but probed for IDLE_SECONDS, then one cold connectivity request under the same probes; reports
 * both, the idle figures being what the machine's own load adds.
 */
async function measureColdConnectivity(
  service: ApiServiceProcess,
  client: ServiceClient,
  snapshot: string,
  database: BenchDatabase,
  report: Reporter,
): Promise<void> {
  const idle = await probed(client, () => sleep(IDLE_SECONDS * 1000));
  const busy = await probed(client, async () => {
    const cpuBefore = await service.cpuMs();
    const started = performance.now();
    const bytes = await readConnectivity(client, snapshot);
    const seconds = (performance.now() - started) / 1000;
    return { bytes, seconds, serviceCpuMs: (await service.cpuMs()) - cpuBefore };
  });
  const { bytes, seconds, serviceCpuMs } = busy.result;
  report.figure({
    id: 'lag.idle.p99Ms',
    label: `event-loop lag p99, idle service (${IDLE_SECONDS} s, baseline)`,
    value: idle.lag.p99Ms,
    unit: 'ms',
    note: `max ${idle.lag.maxMs.toFixed(1)} ms; /healthz p99 ${percentile(idle.roundTrips, 99).toFixed(1)} ms`,
  });
  report.figure({
    id: 'lag.connectivity.seconds',
    label: 'cold full connectivity over REST (compile, analysis, JSON)',
    value: seconds,
    unit: 's',
    note:
      `service on ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}; ${(bytes / MB).toFixed(1)} MB ` +
      `streamed; service CPU ${(serviceCpuMs / 1000).toFixed(1)} s, workers included`,
  });
  report.figure({
    id: 'lag.p99Ms',
    label: 'event-loop lag p99 meanwhile (service, /metrics)',
    value: busy.lag.p99Ms,
    unit: 'ms',
    note: 'delay of a 10 ms timer on the main thread',
  });
  report.figure({
    id: 'lag.maxMs',
    label: 'event-loop lag max meanwhile',
    value: busy.lag.maxMs,
    unit: 'ms',
  });
  report.figure({
    id: 'lag.healthz.p99Ms',
    label: '/healthz round trip p99 meanwhile',
    value: percentile(busy.roundTrips, 99),
    unit: 'ms',
    note: `${busy.roundTrips.length} probes, one every ${PROBE_INTERVAL_MS} ms at most`,
  });
  report.figure({
    id: 'lag.healthz.maxMs',
    label: '/healthz round trip max meanwhile',
    value: percentile(busy.roundTrips, 100),
    unit: 'ms',
  });
}

/** The `lag` stage: a service of its own, the upload, then the cold analysis under probes. */
export async function measureLag(
  listFile: string,
  stats: ClusterStats,
  adminDatabaseUrl: string,
  report: Reporter,
): Promise<void> {
  await withUploadedSnapshot(
    listFile,
    stats,
    adminDatabaseUrl,
    report,
    ({ service, client, snapshot, database }) =>
      measureColdConnectivity(service, client, snapshot, database, report),
  );
}
