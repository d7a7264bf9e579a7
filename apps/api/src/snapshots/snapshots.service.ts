import { randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { EngineError, SnapshotBuilder, type SnapshotContent } from '@podreach/policy-engine';
import { PrincipalContext } from '../auth/principal-context';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import type { NewSnapshot } from './new-snapshot';
import { decodeCursor, encodeCursor } from './snapshot-cursor';
import { isSnapshotId } from './snapshot-input';
import type { SnapshotStage } from './snapshot-stage';
import {
  SnapshotsRepository,
  type ClusterStats,
  type SaveOutcome,
  type SnapshotRecord,
} from './snapshots.repository';
import { stagingSink } from './staging-sink';
import { decodeUpload } from './upload/decode-upload';

export interface Upload {
  cluster: string;
  label: string;
  idempotencyKey?: string;
  body: Readable;
  contentType?: string;
  contentEncoding?: string;
}

export interface SnapshotPage {
  items: SnapshotRecord[];
  nextCursor?: string;
}

export interface Retention {
  cluster: string;
  keepNewest: number;
  /** false while the cluster uses the configured default. */
  custom: boolean;
  deleted?: number;
}

/** A stream that counts the bytes passing through it. */
function byteCounter(): Transform & { bytes: number } {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counter.bytes += chunk.length;
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  counter.bytes = 0;
  return counter;
}

/**
 * Snapshot ingest, listing, retention: plain logic over the repository and the engine. Every access to a
 * snapshot goes through here, so here the caller's cluster scope is applied: a cluster the key may not see
 * looks exactly as if it did not exist.
 */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly repository: SnapshotsRepository,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly principals: PrincipalContext,
  ) {}

  /**
   * Decodes an upload as a stream, lets the engine parse, normalize and validate every object, and
   * stores the result in one transaction, which takes the objects while the rest is still decoded. Throws
   * the engine's PARSE_ERROR, VALIDATION_FAILED or LIMIT_EXCEEDED untouched; nothing is stored (all is
   * rolled back) unless everything succeeds.
   */
  async ingest(upload: Upload): Promise<SaveOutcome> {
    // The caller named the cluster, so refusing says nothing it does not know.
    if (!this.principals.maySee(upload.cluster)) {
      throw new ApiError('FORBIDDEN', `This API key may not upload to cluster ${upload.cluster}`, {
        cluster: upload.cluster,
      });
    }
    const started = process.hrtime.bigint();
    const wire = byteCounter();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const id = randomUUID();
    const stage = this.repository.stage({ id, cluster: upload.cluster, label: upload.label });
    try {
      const content = await this.decode(upload, wire, stage);
      const keepNewest = (await this.repository.retention(upload.cluster)) ?? this.config.defaultKeepNewest;
      const outcome = await this.repository.saveStaged(stage, this.toNewSnapshot(id, upload, content), {
        idempotencyKey: upload.idempotencyKey,
        keepNewest,
      });
      const stored = outcome.duplicate ? 0 : content.objects.length;
      this.metrics.observeIngest(outcome.duplicate ? 'duplicate' : 'created', wire.bytes, seconds(), stored);
      return outcome;
    } catch (error) {
      await stage.abandon();
      const code = error instanceof EngineError || error instanceof ApiError ? error.code : 'INTERNAL';
      this.metrics.observeIngest(code, wire.bytes, seconds());
      throw error;
    }
  }

  /** The upload's content; its objects are added to `stage` as they come. */
  private async decode(upload: Upload, wire: Transform, stage: SnapshotStage): Promise<SnapshotContent> {
    const { limits } = this.config;
    const builder = new SnapshotBuilder({
      maxWorkloadsAndPods: limits.maxWorkloadsAndPods,
      maxPolicies: limits.maxPolicies,
    });
    upload.body.on('error', (error) => wire.destroy(error));
    const body = upload.body.pipe(wire);
    try {
      await decodeUpload(
        body,
        upload.contentType,
        upload.contentEncoding,
        { wireBytes: limits.wireBytes, jsonBytes: limits.jsonBytes, yamlBytes: limits.yamlBytes },
        stagingSink(builder, stage, this.config.insertBatchRows),
      );
    } finally {
      // Stop feeding a body the decoder gave up on (a limit, a parse error).
      upload.body.unpipe(wire);
      wire.destroy();
    }
    // The last objects go first, to be written while `finish` sorts and hashes (a turn of the event loop lets
    // the stage send them before `finish` holds the thread). If a problem was found, the builder hands out
    // none, and `finish` throws.
    stage.add(builder.takeAdded());
    await yieldToEventLoop();
    return builder.finish();
  }

  private toNewSnapshot(id: string, upload: Upload, content: SnapshotContent): NewSnapshot {
    return {
      id,
      cluster: upload.cluster,
      label: upload.label,
      contentHash: content.contentHash,
      objectsJson: content.objectsJson,
      counts: content.counts,
      warnings: content.warnings,
      skipped: content.skipped,
      foreignPolicyKinds: [...content.foreignPolicyKinds],
      complete: content.complete,
      incompleteReasons: [...content.incompleteReasons],
    };
  }

  /** A snapshot by id; NOT_FOUND when there is none or the caller may not see its cluster. */
  async get(id: string): Promise<SnapshotRecord> {
    const snapshot = isSnapshotId(id) ? await this.repository.findById(id) : null;
    if (!snapshot || !this.principals.maySee(snapshot.cluster)) {
      throw new EngineError('NOT_FOUND', `Snapshot ${id} does not exist`, { id });
    }
    return snapshot;
  }

  /**
   * A snapshot's record and its normalized objects as JSON texts, for the analyses; NOT_FOUND when there is
   * no such snapshot or the caller may not see it.
   */
  async objectTexts(id: string): Promise<{ record: SnapshotRecord; objects: string[] }> {
    const record = await this.get(id);
    return { record, objects: await this.repository.loadObjectTexts(id) };
  }

  /** One page of snapshots, newest first, of one cluster or all the caller may see. */
  async list(cluster: string | undefined, limit: number, cursor?: string): Promise<SnapshotPage> {
    if (cluster !== undefined && !this.principals.maySee(cluster)) return { items: [] };
    const rows = await this.repository.list(
      cluster,
      limit + 1,
      cursor === undefined ? undefined : decodeCursor(cursor),
      this.principals.visibleClusters(),
    );
    const items = rows.slice(0, limit);
    return rows.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1].seq) } : { items };
  }

  /** Deletes a snapshot and its objects; NOT_FOUND when there is none or the caller may not see it. */
  async delete(id: string): Promise<void> {
    // A snapshot's cluster never changes: checking it first leaves no window.
    if (this.principals.visibleClusters() !== null) await this.get(id);
    if (!isSnapshotId(id) || !(await this.repository.delete(id))) {
      throw new EngineError('NOT_FOUND', `Snapshot ${id} does not exist`, { id });
    }
  }

  /** Every cluster with snapshots or settings that the caller may see, its retention resolved. */
  async clusters(): Promise<(ClusterStats & { keepNewest: number })[]> {
    const clusters = await this.repository.clusters();
    return clusters
      .filter((cluster) => this.principals.maySee(cluster.name))
      .map((cluster) => ({
        ...cluster,
        keepNewest: cluster.keepNewest ?? this.config.defaultKeepNewest,
      }));
  }

  async retention(cluster: string): Promise<Retention> {
    this.assertMaySee(cluster);
    const own = await this.repository.retention(cluster);
    return { cluster, keepNewest: own ?? this.config.defaultKeepNewest, custom: own !== undefined };
  }

  /** Keeps the newest `keepNewest` snapshots of the cluster from now on (0 keeps all), pruning at once. */
  async setRetention(cluster: string, keepNewest: number): Promise<Retention> {
    this.assertMaySee(cluster);
    const deleted = await this.repository.setRetention(cluster, keepNewest);
    return { cluster, keepNewest, custom: true, deleted };
  }

  /** NOT_FOUND for a cluster the caller may not see, as for a snapshot of it. */
  private assertMaySee(cluster: string): void {
    if (!this.principals.maySee(cluster)) {
      throw new EngineError('NOT_FOUND', `Cluster ${cluster} does not exist`, { cluster });
    }
  }
}
