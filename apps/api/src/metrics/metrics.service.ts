import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const MiB = 1024 * 1024;
/** How often the event-loop delay is sampled, in milliseconds (Node's default). */
const LAG_RESOLUTION_MS = 10;
const NS_PER_S = 1e9;

/** What the analysis worker pool holds at a scrape (see AnalysisPool). */
export interface AnalysisPoolLoad {
  /** Tasks held, running or waiting. */
  pending: number;
  /** Workers running a task. */
  busy: number;
}

/** The service's Prometheus metrics, on a registry of its own (several apps can live in one process). */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  private analysisLoad: () => AnalysisPoolLoad = () => ({ pending: 0, busy: 0 });

  private readonly requests = new Counter({
    name: 'podreach_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly requestSeconds = new Histogram({
    name: 'podreach_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  private readonly ingestBytes = new Histogram({
    name: 'podreach_ingest_bytes',
    help: 'Size of snapshot uploads on the wire',
    buckets: [0.01, 0.1, 1, 10, 50, 100, 256].map((mib) => mib * MiB),
    registers: [this.registry],
  });

  private readonly ingestSeconds = new Histogram({
    name: 'podreach_ingest_duration_seconds',
    help: 'Time to decode, validate and store a snapshot upload, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  private readonly ingestObjects = new Counter({
    name: 'podreach_ingest_objects_total',
    help: 'Objects stored from snapshot uploads',
    registers: [this.registry],
  });

  /**
   * The main thread's event-loop delay since the previous scrape: how late a timer due every 10 ms fired, as
   * quantiles 0.5 and 0.99 and the maximum (quantile 1). Each scrape starts a new window, so with one scraper
   * the window is its scrape interval (with several, each sees the time since any of them scraped).
   */
  private readonly eventLoopLag = new Gauge({
    name: 'podreach_event_loop_lag_seconds',
    help: 'Event-loop delay of the main thread since the previous scrape (quantile 1 is the maximum)',
    labelNames: ['quantile'] as const,
    registers: [this.registry],
    collect: () => this.collectEventLoopLag(),
  });

  private readonly analysisPending: Gauge = new Gauge({
    name: 'podreach_analysis_queue_pending',
    help: 'Analysis tasks held by the worker pool, running or waiting',
    registers: [this.registry],
    collect: () => {
      this.analysisPending.set(this.analysisLoad().pending);
    },
  });

  private readonly analysisBusy: Gauge = new Gauge({
    name: 'podreach_analysis_workers_busy',
    help: 'Analysis worker threads running a task',
    registers: [this.registry],
    collect: () => {
      this.analysisBusy.set(this.analysisLoad().busy);
    },
  });

  private readonly analysisRejected = new Counter({
    name: 'podreach_analysis_rejected_total',
    help: 'Analysis tasks refused because the queue was full (answered 503 with Retry-After)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Lag is measured from here on: the start-up (database, migrations) blocks no request. */
  onApplicationBootstrap(): void {
    this.loopDelay.enable();
  }

  onModuleDestroy(): void {
    this.loopDelay.disable();
  }

  /** Reads the analysis pool's load at every scrape. */
  watchAnalysisPool(read: () => AnalysisPoolLoad): void {
    this.analysisLoad = read;
  }

  /** Counts an analysis task the pool refused because its queue was full. */
  countAnalysisRejected(): void {
    this.analysisRejected.inc();
  }

  /** Counts a finished HTTP request; `route` is the route pattern, never the raw URL. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.requestSeconds.observe({ method, route }, seconds);
  }

  /**
   * Records one upload: its size on the wire, how long it took and how it ended (`created`,
   * `duplicate`, or the error code).
   */
  observeIngest(outcome: string, wireBytes: number, seconds: number, storedObjects = 0): void {
    this.ingestBytes.observe(wireBytes);
    this.ingestSeconds.observe({ outcome }, seconds);
    this.ingestObjects.inc(storedObjects);
  }

  /** The text exposition format Prometheus scrapes. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private collectEventLoopLag(): void {
    const histogram = this.loopDelay;
    // The histogram records the time between two ticks of its 10 ms timer; the lag is what exceeds 10 ms.
    const lag = (nanoseconds: number) =>
      histogram.count === 0 ? 0 : Math.max(0, nanoseconds / NS_PER_S - LAG_RESOLUTION_MS / 1000);
    this.eventLoopLag.set({ quantile: '0.5' }, lag(histogram.percentile(50)));
    this.eventLoopLag.set({ quantile: '0.99' }, lag(histogram.percentile(99)));
    this.eventLoopLag.set({ quantile: '1' }, lag(histogram.max));
    // A reset also forgets the last tick, so the interval up to the next tick is not measured: a stall that
    // starts within 10 ms of a scrape goes unseen.
    histogram.reset();
  }
}
