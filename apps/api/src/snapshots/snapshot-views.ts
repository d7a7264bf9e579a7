import type { SkippedKindDto, WarningDto } from './dto/snapshot.dto';
import { SnapshotDto, SnapshotSummaryDto } from './dto/snapshot.dto';
import type { SnapshotRecord } from './snapshots.repository';

/** The list's view of a stored snapshot. */
export function toSnapshotSummary(record: SnapshotRecord): SnapshotSummaryDto {
  return {
    id: record.id,
    cluster: record.cluster,
    label: record.label,
    contentHash: record.contentHash,
    createdAt: record.createdAt.toISOString(),
    complete: record.complete,
    objectCount: record.objectCount,
    counts: record.counts as Record<string, number>,
  };
}

/** Everything stored about a snapshot except its objects. */
export function toSnapshot(record: SnapshotRecord): SnapshotDto {
  return {
    ...toSnapshotSummary(record),
    incompleteReasons: record.incompleteReasons,
    foreignPolicyKinds: record.foreignPolicyKinds,
    skipped: record.skipped as unknown as SkippedKindDto[],
    warnings: record.warnings as unknown as WarningDto[],
  };
}
