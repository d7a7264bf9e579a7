import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, Snapshot } from '../../../../prisma/generated/client';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE_CONNECTION, type DatabaseConnection } from '../database/database-connection';
import { PrismaService } from '../database/prisma.service';
import type { SqlTransaction } from '../database/sql-transaction';
import type { NewSnapshot } from './new-snapshot';
import {
  PRUNE_CLUSTER,
  completeSnapshot,
  findIdempotencyKey,
  findSnapshot,
  insertIdempotencyKey,
  insertObjects,
  insertPendingSnapshot,
  insertSnapshot,
} from './snapshot-sql';
import { SnapshotStage } from './snapshot-stage';

export type SnapshotRecord = Snapshot;

export interface SaveOutcome {
  snapshot: SnapshotRecord;
  /** The same content was already stored for this cluster and label (or under this Idempotency-Key). */
  duplicate: boolean;
}

export interface SaveOptions {
  idempotencyKey?: string;
  /** Retention to apply to the cluster once the snapshot is in; 0 keeps all. */
  keepNewest: number;
}

export interface ClusterStats {
  name: string;
  snapshotCount: number;
  newest?: { id: string; createdAt: Date };
  keepNewest?: number;
}

/** PostgreSQL's unique_violation, as both drivers report it. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === '23505';
}

/** Every read and write of snapshots, their objects, idempotency keys and cluster settings. */
@Injectable()
export class SnapshotsRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(DATABASE_CONNECTION) private readonly database: DatabaseConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Stores a snapshot and all its objects in one transaction, so that it is visible complete or not
   * at all, or returns the stored one with the same (cluster, label, content hash). Two uploads of
   * the same content racing each other end with one snapshot: the loser retries and finds it. The
   * transaction is plain SQL rather than Prisma's: see `TransactionRunner`.
   */
  async save(snapshot: NewSnapshot, options: SaveOptions): Promise<SaveOutcome> {
    try {
      return await this.saveInTransaction(snapshot, options);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.saveInTransaction(snapshot, options);
    }
  }

  private saveInTransaction(snapshot: NewSnapshot, options: SaveOptions): Promise<SaveOutcome> {
    return this.database.transaction(
      async (tx) => {
        const replay = options.idempotencyKey && (await this.findByKey(tx, options.idempotencyKey, snapshot));
        if (replay) return { snapshot: replay, duplicate: true };
        const existing = await findSnapshot(tx, snapshot);
        if (existing) {
          if (options.idempotencyKey)
            await insertIdempotencyKey(tx, options.idempotencyKey, snapshot, existing.id);
          return { snapshot: existing, duplicate: true };
        }
        const stored = await this.insert(tx, snapshot);
        await this.afterInsert(tx, snapshot, options);
        return { snapshot: stored, duplicate: false };
      },
      { timeoutMs: this.config.ingestTimeoutMs },
    );
  }

  /**
   * Begins storing a snapshot whose objects are still being decoded: they go into its transaction as they
   * are added to the stage, and `saveStaged` ends it. On PostgreSQL, its own process, the database writes
   * while this one decodes.
   */
  stage(snapshot: Pick<NewSnapshot, 'id' | 'cluster' | 'label'>): SnapshotStage {
    return new SnapshotStage({
      transaction: this.database.transaction,
      timeoutMs: this.config.ingestTimeoutMs,
      // The embedded database runs in this thread, one transaction at a time: held open while decoding,
      // it would gain nothing and hold up every other request for as long as the upload lasts.
      streaming: this.database.kind === 'postgres',
      begin: (tx) => insertPendingSnapshot(tx, snapshot),
      insert: (tx, objectsJson) => this.insertObjectBatches(tx, snapshot.id, objectsJson),
    });
  }

  /**
   * Ends a stage of `snapshot`, whose objects (all of `snapshot.objectsJson`) were added to it: commits it
   * as `save` would have stored it, or, when the same content or Idempotency-Key is already stored or
   * being stored, rolls it back and returns what `save` finds.
   */
  async saveStaged(stage: SnapshotStage, snapshot: NewSnapshot, options: SaveOptions): Promise<SaveOutcome> {
    if (stage.rows !== snapshot.objectsJson.length) {
      await stage.abandon();
      throw new Error(`${stage.rows} objects were staged for a snapshot of ${snapshot.objectsJson.length}`);
    }
    try {
      const stored = await stage.end(async (tx) => {
        if (options.idempotencyKey && (await this.findByKey(tx, options.idempotencyKey, snapshot))) return;
        if (await findSnapshot(tx, snapshot)) return;
        const completed = await completeSnapshot(tx, snapshot);
        await this.afterInsert(tx, snapshot, options);
        return completed;
      });
      if (stored) return { snapshot: stored, duplicate: false };
    } catch (error) {
      // The same content committed by a concurrent upload first: the unique index made this one wait for it.
      if (!isUniqueViolation(error)) throw error;
    }
    return this.save(snapshot, options);
  }

  /** What follows a new snapshot in its transaction: its Idempotency-Key, then the cluster's retention. */
  private async afterInsert(tx: SqlTransaction, snapshot: NewSnapshot, options: SaveOptions): Promise<void> {
    if (options.idempotencyKey) await insertIdempotencyKey(tx, options.idempotencyKey, snapshot, snapshot.id);
    if (options.keepNewest > 0) await tx.query(PRUNE_CLUSTER, [snapshot.cluster, options.keepNewest - 1]);
  }

  /** The snapshot an Idempotency-Key already produced; CONFLICT when the key was used for other content. */
  private async findByKey(
    tx: SqlTransaction,
    key: string,
    snapshot: NewSnapshot,
  ): Promise<SnapshotRecord | undefined> {
    const prior = await findIdempotencyKey(tx, key);
    if (!prior) return undefined;
    if (
      prior.cluster !== snapshot.cluster ||
      prior.label !== snapshot.label ||
      prior.contentHash !== snapshot.contentHash
    ) {
      throw new ApiError('CONFLICT', 'This Idempotency-Key was already used for a different upload', {
        snapshotId: prior.snapshot.id,
      });
    }
    return prior.snapshot;
  }

  /** The snapshot's row first, then its objects. */
  private async insert(tx: SqlTransaction, snapshot: NewSnapshot): Promise<SnapshotRecord> {
    const record = await insertSnapshot(tx, snapshot);
    await this.insertObjectBatches(tx, record.id, snapshot.objectsJson);
    return record;
  }

  /** Objects of one snapshot in batches of `insertBatchRows`. */
  private async insertObjectBatches(tx: SqlTransaction, snapshotId: string, objectsJson: readonly string[]) {
    const batch = this.config.insertBatchRows;
    for (let start = 0; start < objectsJson.length; start += batch) {
      await this.insertObjectBatch(tx, snapshotId, objectsJson.slice(start, start + batch));
    }
  }

  /** One bulk INSERT of up to `insertBatchRows` objects, each given as its JSON text. */
  protected async insertObjectBatch(
    tx: SqlTransaction,
    snapshotId: string,
    objectsJson: readonly string[],
  ): Promise<void> {
    await insertObjects(tx, snapshotId, objectsJson);
  }

  /** Deletes all but the newest `keepNewest` snapshots of a cluster; returns how many went. */
  private prune(tx: Prisma.TransactionClient, cluster: string, keepNewest: number): Promise<number> {
    return tx.$executeRawUnsafe(PRUNE_CLUSTER, cluster, keepNewest - 1);
  }

  findById(id: string): Promise<SnapshotRecord | null> {
    return this.prisma.snapshot.findUnique({ where: { id } });
  }

  /** Newest first, strictly older than `beforeSeq` when given, of `cluster` or else of `visible` (null: all). */
  list(
    cluster: string | undefined,
    limit: number,
    beforeSeq?: bigint,
    visible: readonly string[] | null = null,
  ): Promise<SnapshotRecord[]> {
    return this.prisma.snapshot.findMany({
      where: {
        cluster: cluster ?? (visible === null ? undefined : { in: [...visible] }),
        seq: beforeSeq === undefined ? undefined : { lt: beforeSeq },
      },
      orderBy: { seq: 'desc' },
      take: limit,
    });
  }

  /** Deletes a snapshot with its objects; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.snapshot.deleteMany({ where: { id } });
    return count > 0;
  }

  /** A snapshot's normalized objects, as the engine takes them, in a stable order. */
  async loadObjectTexts(snapshotId: string): Promise<string[]> {
    // As text: the analysis workers parse the objects, the event loop only passes them on.
    const rows = await this.prisma.$queryRawUnsafe<{ object: string }[]>(
      `SELECT object::text AS object FROM snapshot_objects WHERE snapshot_id = $1::uuid
        ORDER BY kind, namespace, name`,
      snapshotId,
    );
    return rows.map((row) => row.object);
  }

  /** Every cluster that has snapshots or settings, by name. */
  async clusters(): Promise<ClusterStats[]> {
    const [groups, settings] = await Promise.all([
      this.prisma.snapshot.groupBy({ by: ['cluster'], _count: { _all: true }, _max: { seq: true } }),
      this.prisma.clusterSettings.findMany(),
    ]);
    const newestSeqs = groups.map((group) => group._max.seq).filter((seq): seq is bigint => seq !== null);
    const newest = await this.prisma.snapshot.findMany({
      where: { seq: { in: newestSeqs } },
      select: { cluster: true, id: true, createdAt: true },
    });
    const byName = new Map<string, ClusterStats>();
    for (const group of groups)
      byName.set(group.cluster, { name: group.cluster, snapshotCount: group._count._all });
    for (const row of newest) byName.get(row.cluster)!.newest = { id: row.id, createdAt: row.createdAt };
    for (const setting of settings) {
      const stats = byName.get(setting.cluster) ?? { name: setting.cluster, snapshotCount: 0 };
      byName.set(setting.cluster, { ...stats, keepNewest: setting.keepNewest });
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The cluster's own retention, if it set one. */
  async retention(cluster: string): Promise<number | undefined> {
    const settings = await this.prisma.clusterSettings.findUnique({ where: { cluster } });
    return settings?.keepNewest;
  }

  /** Sets a cluster's retention and applies it at once; returns how many snapshots it deleted. */
  setRetention(cluster: string, keepNewest: number): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      await tx.clusterSettings.upsert({
        where: { cluster },
        create: { cluster, keepNewest },
        update: { keepNewest },
      });
      return keepNewest > 0 ? this.prune(tx, cluster, keepNewest) : 0;
    });
  }
}
