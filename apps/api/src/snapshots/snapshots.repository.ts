import { Inject, Injectable } from '@nestjs/common';
import type { K8sObject } from '@podreach/policy-engine';
import { Prisma, type Snapshot } from '../../../../prisma/generated/client';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import type { NewSnapshot } from './new-snapshot';

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

// Objects go in as one JSON array parameter per batch and are unpacked by PostgreSQL: one statement
// for thousands of rows, and the same SQL on PostgreSQL and PGlite.
const INSERT_OBJECTS = `INSERT INTO snapshot_objects (snapshot_id, kind, namespace, name, labels, object)
  SELECT $1::uuid, o->>'kind', COALESCE(o->>'namespace', ''), o->>'name', COALESCE(o->'labels', '{}'::jsonb), o
  FROM jsonb_array_elements($2::jsonb) AS o`;

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === 'P2002' || (error.code === 'P2010' && error.meta?.code === '23505');
}

/** Every read and write of snapshots, their objects, idempotency keys and cluster settings. */
@Injectable()
export class SnapshotsRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Stores a snapshot and all its objects in one transaction, so that it is visible complete or not
   * at all, or returns the stored one with the same (cluster, label, content hash). Two uploads of
   * the same content racing each other end with one snapshot: the loser retries and finds it.
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
    const { cluster, label, contentHash } = snapshot;
    return this.prisma.$transaction(
      async (tx) => {
        const replay = options.idempotencyKey && (await this.findByKey(tx, options.idempotencyKey, snapshot));
        if (replay) return { snapshot: replay, duplicate: true };
        const existing = await tx.snapshot.findUnique({
          where: { cluster_label_contentHash: { cluster, label, contentHash } },
        });
        const stored = existing ?? (await this.insert(tx, snapshot));
        if (options.idempotencyKey) {
          await tx.idempotencyKey.create({
            data: { key: options.idempotencyKey, cluster, label, contentHash, snapshotId: stored.id },
          });
        }
        if (!existing && options.keepNewest > 0) await this.prune(tx, cluster, options.keepNewest);
        return { snapshot: stored, duplicate: existing !== null };
      },
      { timeout: this.config.ingestTimeoutMs, maxWait: this.config.ingestTimeoutMs },
    );
  }

  /** The snapshot an Idempotency-Key already produced; CONFLICT when the key was used for other content. */
  private async findByKey(
    tx: Prisma.TransactionClient,
    key: string,
    snapshot: NewSnapshot,
  ): Promise<SnapshotRecord | undefined> {
    const prior = await tx.idempotencyKey.findUnique({ where: { key }, include: { snapshot: true } });
    if (!prior) return undefined;
    if (
      prior.cluster !== snapshot.cluster ||
      prior.label !== snapshot.label ||
      prior.contentHash !== snapshot.contentHash
    ) {
      throw new ApiError('CONFLICT', 'This Idempotency-Key was already used for a different upload', {
        snapshotId: prior.snapshotId,
      });
    }
    return prior.snapshot;
  }

  private async insert(tx: Prisma.TransactionClient, snapshot: NewSnapshot): Promise<SnapshotRecord> {
    const record = await tx.snapshot.create({
      data: {
        id: snapshot.id,
        cluster: snapshot.cluster,
        label: snapshot.label,
        contentHash: snapshot.contentHash,
        counts: snapshot.counts,
        warnings: snapshot.warnings as unknown as Prisma.InputJsonValue,
        skipped: snapshot.skipped as unknown as Prisma.InputJsonValue,
        foreignPolicyKinds: snapshot.foreignPolicyKinds,
        complete: snapshot.complete,
        incompleteReasons: snapshot.incompleteReasons,
        objectCount: snapshot.objects.length,
      },
    });
    const batch = this.config.insertBatchRows;
    for (let start = 0; start < snapshot.objects.length; start += batch) {
      await this.insertObjectBatch(tx, record.id, snapshot.objects.slice(start, start + batch));
    }
    return record;
  }

  /** One bulk INSERT of up to `insertBatchRows` objects. */
  protected async insertObjectBatch(
    tx: Prisma.TransactionClient,
    snapshotId: string,
    objects: readonly K8sObject[],
  ): Promise<void> {
    await tx.$executeRawUnsafe(INSERT_OBJECTS, snapshotId, JSON.stringify(objects));
  }

  /** Deletes all but the newest `keepNewest` snapshots of a cluster; returns how many went. */
  private prune(
    tx: Prisma.TransactionClient | PrismaService,
    cluster: string,
    keepNewest: number,
  ): Promise<number> {
    return tx.$executeRaw`DELETE FROM snapshots WHERE cluster = ${cluster} AND seq < (
      SELECT seq FROM snapshots WHERE cluster = ${cluster} ORDER BY seq DESC OFFSET ${keepNewest - 1} LIMIT 1)`;
  }

  findById(id: string): Promise<SnapshotRecord | null> {
    return this.prisma.snapshot.findUnique({ where: { id } });
  }

  /** Newest first, strictly older than `beforeSeq` when given. */
  list(cluster: string | undefined, limit: number, beforeSeq?: bigint): Promise<SnapshotRecord[]> {
    return this.prisma.snapshot.findMany({
      where: { cluster, seq: beforeSeq === undefined ? undefined : { lt: beforeSeq } },
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
  async loadObjects(snapshotId: string): Promise<K8sObject[]> {
    const rows = await this.prisma.snapshotObject.findMany({
      where: { snapshotId },
      select: { object: true },
      orderBy: [{ kind: 'asc' }, { namespace: 'asc' }, { name: 'asc' }],
    });
    return rows.map((row) => row.object as unknown as K8sObject);
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
