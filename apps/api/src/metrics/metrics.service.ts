import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const MiB = 1024 * 1024;

/** The service's Prometheus metrics, on a registry of its own (several apps can live in one process). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
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
}
