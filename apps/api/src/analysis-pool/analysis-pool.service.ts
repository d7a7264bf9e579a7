import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { AnalysisUnavailableError } from './analysis-unavailable.error';
import { SNAPSHOT_NOT_LOADED } from './analysis-tasks';
import { SnapshotLoader } from './snapshot-loader';
import { PoolFullError, WorkerLostError, WorkerPool, type RunOptions } from './worker-pool';

/** Injection token of the worker's entry file; tests point it at sources they compiled. */
export const ANALYSIS_WORKER_ENTRY = Symbol('ANALYSIS_WORKER_ENTRY');

/** The built worker beside this file (`npm run build` puts it in dist/). */
export const BUILT_WORKER_ENTRY = join(__dirname, 'analysis.worker.js');

/** A task naming snapshots a worker lacks loads each of them once; past that something evicts too eagerly. */
const MAX_LOADS_PER_TASK = 3;

/**
 * The analyses of stored snapshots, computed in worker threads so that the event loop keeps serving while a
 * large snapshot compiles. Tasks about one snapshot go to the worker that holds it; a worker that does not
 * hold it yet gets it loaded first. A full queue, or a worker that died, is 503 UNAVAILABLE with Retry-After.
 */
@Injectable()
export class AnalysisPool implements OnModuleDestroy {
  private readonly logger = new Logger(AnalysisPool.name);
  private readonly pool: WorkerPool;
  /** Loads in flight by worker affinity and snapshot: concurrent requests share one. */
  private readonly loads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly loader: SnapshotLoader,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ANALYSIS_WORKER_ENTRY) entry: string,
  ) {
    const workerData = { data: { budgetBytes: config.analysisCacheBytes } };
    this.pool = new WorkerPool({
      size: config.analysisWorkers,
      maxPending: config.analysisQueue,
      start: () => new Worker(entry, { workerData }),
    });
    metrics.watchAnalysisPool(() => this.load);
  }

  /** Tasks held, running or waiting, and workers busy: for metrics. */
  get load(): { pending: number; busy: number; size: number } {
    return { pending: this.pool.pending, busy: this.pool.busy, size: this.pool.size };
  }

  /**
   * Runs task `op` on the worker of snapshot `affinity`, loading into it any snapshot the task needs and the
   * worker lacks (a diff's head goes to its base's worker).
   */
  async run<T>(affinity: string, op: string, args: unknown, options: RunOptions = {}): Promise<T> {
    for (let loads = 0; ; loads++) {
      try {
        return await this.submit<T>(affinity, op, args, options);
      } catch (error) {
        const missing = (error as { details?: { snapshot?: unknown } }).details?.snapshot;
        if ((error as Error).name !== SNAPSHOT_NOT_LOADED || typeof missing !== 'string') throw error;
        if (loads >= MAX_LOADS_PER_TASK) throw new Error(`snapshot ${missing} keeps being evicted`);
        await this.loadInto(affinity, missing);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }

  private loadInto(affinity: string, snapshot: string): Promise<unknown> {
    const key = `${affinity} ${snapshot}`;
    let loading = this.loads.get(key);
    if (loading === undefined) {
      loading = this.loader
        .load(snapshot)
        .then((task) =>
          this.submit(
            affinity,
            'load',
            { ...task, keep: affinity },
            { transfer: task.chunks.map((chunk) => chunk.buffer) },
          ),
        )
        .finally(() => this.loads.delete(key));
      this.loads.set(key, loading);
    }
    return loading;
  }

  private async submit<T>(affinity: string, op: string, args: unknown, options: RunOptions): Promise<T> {
    const retryAfterSeconds = this.config.analysisRetryAfterSeconds;
    try {
      return await this.pool.run<T>(affinity, op, args, options);
    } catch (error) {
      if (error instanceof PoolFullError) {
        this.metrics.countAnalysisRejected();
        throw new AnalysisUnavailableError(
          'The analysis queue is full; retry shortly',
          'analysisQueueFull',
          retryAfterSeconds,
        );
      }
      if (error instanceof WorkerLostError) {
        this.logger.error({ err: error, op }, 'An analysis worker stopped');
        throw new AnalysisUnavailableError(
          'The analysis was interrupted; retry shortly',
          'analysisWorkerLost',
          retryAfterSeconds,
        );
      }
      throw error;
    }
  }
}
