import { randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { EngineError, SnapshotBuilder, type K8sObject, type SnapshotContent } from '@podreach/policy-engine';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import type { NewSnapshot } from './new-snapshot';
import { decodeCursor, encodeCursor } from './snapshot-cursor';
import { isSnapshotId } from './snapshot-input';
import {
  SnapshotsRepository,
  type ClusterStats,
  type SaveOutcome,
  type SnapshotRecord,
} from './snapshots.repository';
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

/** Snapshot ingest, listing, retention: plain logic over the repository and the engine. */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly repository: SnapshotsRepository,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Decodes an upload as a stream, lets the engine parse, normalize and validate every object, and
   * stores the result in one transaction. Throws the engine's PARSE_ERROR, VALIDATION_FAILED or
   * LIMIT_EXCEEDED untouched; nothing is stored unless everything succeeds.
   */
  async ingest(upload: Upload): Promise<SaveOutcome> {
    const started = process.hrtime.bigint();
    const wire = byteCounter();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const content = await this.decode(upload, wire);
      const keepNewest = (await this.repository.retention(upload.cluster)) ?? this.config.defaultKeepNewest;
      const outcome = await this.repository.save(this.toNewSnapshot(upload, content), {
        idempotencyKey: upload.idempotencyKey,
        keepNewest,
      });
      const stored = outcome.duplicate ? 0 : content.objects.length;
      this.metrics.observeIngest(outcome.duplicate ? 'duplicate' : 'created', wire.bytes, seconds(), stored);
      return outcome;
    } catch (error) {
      const code = error instanceof EngineError || error instanceof ApiError ? error.code : 'INTERNAL';
      this.metrics.observeIngest(code, wire.bytes, seconds());
      throw error;
    }
  }

  private async decode(upload: Upload, wire: Transform): Promise<SnapshotContent> {
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
        builder,
      );
    } finally {
      // Stop feeding a body the decoder gave up on (a limit, a parse error).
      upload.body.unpipe(wire);
      wire.destroy();
    }
    return builder.finish();
  }

  private toNewSnapshot(upload: Upload, content: SnapshotContent): NewSnapshot {
    return {
      id: randomUUID(),
      cluster: upload.cluster,
      label: upload.label,
      contentHash: content.contentHash,
      objects: content.objects,
      counts: content.counts,
      warnings: content.warnings,
      skipped: content.skipped,
      foreignPolicyKinds: [...content.foreignPolicyKinds],
      complete: content.complete,
      incompleteReasons: [...content.incompleteReasons],
    };
  }

  /** A snapshot by id; NOT_FOUND when there is none. */
  async get(id: string): Promise<SnapshotRecord> {
    const snapshot = isSnapshotId(id) ? await this.repository.findById(id) : null;
    if (!snapshot) throw new EngineError('NOT_FOUND', `Snapshot ${id} does not exist`, { id });
    return snapshot;
  }

  /** A snapshot's normalized objects, for the analyses; NOT_FOUND when there is no such snapshot. */
  async objects(id: string): Promise<K8sObject[]> {
    await this.get(id);
    return this.repository.loadObjects(id);
  }

  /** One page of snapshots, newest first, of one cluster or all. */
  async list(cluster: string | undefined, limit: number, cursor?: string): Promise<SnapshotPage> {
    const rows = await this.repository.list(
      cluster,
      limit + 1,
      cursor === undefined ? undefined : decodeCursor(cursor),
    );
    const items = rows.slice(0, limit);
    return rows.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1].seq) } : { items };
  }

  /** Deletes a snapshot and its objects; NOT_FOUND when there is none. */
  async delete(id: string): Promise<void> {
    if (!isSnapshotId(id) || !(await this.repository.delete(id))) {
      throw new EngineError('NOT_FOUND', `Snapshot ${id} does not exist`, { id });
    }
  }

  /** Every cluster with snapshots or settings, its retention resolved against the default. */
  async clusters(): Promise<(ClusterStats & { keepNewest: number })[]> {
    const clusters = await this.repository.clusters();
    return clusters.map((cluster) => ({
      ...cluster,
      keepNewest: cluster.keepNewest ?? this.config.defaultKeepNewest,
    }));
  }

  async retention(cluster: string): Promise<Retention> {
    const own = await this.repository.retention(cluster);
    return { cluster, keepNewest: own ?? this.config.defaultKeepNewest, custom: own !== undefined };
  }

  /** Keeps the newest `keepNewest` snapshots of the cluster from now on (0 keeps all), pruning at once. */
  async setRetention(cluster: string, keepNewest: number): Promise<Retention> {
    const deleted = await this.repository.setRetention(cluster, keepNewest);
    return { cluster, keepNewest, custom: true, deleted };
  }
}
