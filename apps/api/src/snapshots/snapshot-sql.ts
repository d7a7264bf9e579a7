/**
 * The statements that store a snapshot, in plain SQL on one transaction (see `TransactionRunner`). The
 * same SQL runs on PostgreSQL and PGlite: JSON values and arrays go in as JSON text, and rows come back
 * as JSON text, so that neither driver's own conversions decide what a value becomes.
 */
import type { Snapshot } from '../../../../prisma/generated/client';
import type { SqlTransaction } from '../database/sql-transaction';
import type { NewSnapshot } from './new-snapshot';

/** A `snapshots` row as `row_to_json` writes it, and `seq` as text: a JSON number loses digits past 2^53. */
interface SnapshotRow {
  row: string;
  seq: string;
}

interface SnapshotJson {
  id: string;
  cluster: string;
  label: string;
  content_hash: string;
  counts: Snapshot['counts'];
  warnings: Snapshot['warnings'];
  skipped: Snapshot['skipped'];
  foreign_policy_kinds: string[] | null;
  complete: boolean;
  incomplete_reasons: string[] | null;
  object_count: number;
  created_at: string;
}

const SNAPSHOT = 'row_to_json(s)::text AS row, s.seq::text AS seq';

// Objects go in as one JSON array parameter per batch and are unpacked by PostgreSQL: one statement for
// thousands of rows. Measured on the M bench cluster, this was as fast as `json_to_recordset` and much
// faster than `unnest` of text arrays, whose array literal the driver must build and escape.
const INSERT_OBJECTS = `INSERT INTO snapshot_objects (snapshot_id, kind, namespace, name, labels, object)
  SELECT $1::uuid, o->>'kind', COALESCE(o->>'namespace', ''), o->>'name', COALESCE(o->'labels', '{}'::jsonb), o
  FROM jsonb_array_elements($2::jsonb) AS o`;

const INSERT_SNAPSHOT = `INSERT INTO snapshots AS s (id, cluster, label, content_hash, counts, warnings, skipped,
    foreign_policy_kinds, complete, incomplete_reasons, object_count)
  VALUES ($1::uuid, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, ARRAY(SELECT jsonb_array_elements_text($8::jsonb)),
    $9::boolean, ARRAY(SELECT jsonb_array_elements_text($10::jsonb)), $11::integer)
  RETURNING ${SNAPSHOT}`;

/** Deletes all but the newest `$2 + 1` snapshots of cluster `$1`. */
export const PRUNE_CLUSTER = `DELETE FROM snapshots WHERE cluster = $1 AND seq < (
  SELECT seq FROM snapshots WHERE cluster = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1)`;

/** The snapshot record, as Prisma would return it, of a row selected as `SNAPSHOT`. */
function snapshotOf({ row, seq }: SnapshotRow): Snapshot {
  const json = JSON.parse(row) as SnapshotJson;
  return {
    id: json.id,
    seq: BigInt(seq),
    cluster: json.cluster,
    label: json.label,
    contentHash: json.content_hash,
    counts: json.counts,
    warnings: json.warnings,
    skipped: json.skipped,
    foreignPolicyKinds: json.foreign_policy_kinds ?? [],
    complete: json.complete,
    incompleteReasons: json.incomplete_reasons ?? [],
    objectCount: json.object_count,
    createdAt: new Date(json.created_at),
  };
}

/** The snapshot with this identity, if one is stored. */
export async function findSnapshot(
  tx: SqlTransaction,
  { cluster, label, contentHash }: Pick<NewSnapshot, 'cluster' | 'label' | 'contentHash'>,
): Promise<Snapshot | undefined> {
  const [row] = await tx.query<SnapshotRow>(
    `SELECT ${SNAPSHOT} FROM snapshots s WHERE s.cluster = $1 AND s.label = $2 AND s.content_hash = $3`,
    [cluster, label, contentHash],
  );
  return row && snapshotOf(row);
}

/** Inserts the snapshot's own row (not its objects) and returns it as stored. */
export async function insertSnapshot(tx: SqlTransaction, snapshot: NewSnapshot): Promise<Snapshot> {
  const [row] = await tx.query<SnapshotRow>(INSERT_SNAPSHOT, [
    snapshot.id,
    snapshot.cluster,
    snapshot.label,
    snapshot.contentHash,
    JSON.stringify(snapshot.counts),
    JSON.stringify(snapshot.warnings),
    JSON.stringify(snapshot.skipped),
    JSON.stringify(snapshot.foreignPolicyKinds),
    snapshot.complete,
    JSON.stringify(snapshot.incompleteReasons),
    snapshot.objectsJson.length,
  ]);
  return snapshotOf(row);
}

/** Inserts objects given as JSON texts, in one statement. */
export async function insertObjects(
  tx: SqlTransaction,
  snapshotId: string,
  objectsJson: readonly string[],
): Promise<void> {
  await tx.query(INSERT_OBJECTS, [snapshotId, `[${objectsJson.join(',')}]`]);
}

/** What an Idempotency-Key was used for, with the snapshot it produced. */
export interface IdempotencyRecord {
  cluster: string;
  label: string;
  contentHash: string;
  snapshot: Snapshot;
}

/** The use of an Idempotency-Key, if it was used. */
export async function findIdempotencyKey(
  tx: SqlTransaction,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const [row] = await tx.query<SnapshotRow & { cluster: string; label: string; content_hash: string }>(
    `SELECT k.cluster, k.label, k.content_hash, ${SNAPSHOT}
      FROM idempotency_keys k JOIN snapshots s ON s.id = k.snapshot_id WHERE k.key = $1`,
    [key],
  );
  return (
    row && {
      cluster: row.cluster,
      label: row.label,
      contentHash: row.content_hash,
      snapshot: snapshotOf(row),
    }
  );
}

/** Records that an Idempotency-Key produced `snapshotId`. */
export async function insertIdempotencyKey(
  tx: SqlTransaction,
  key: string,
  { cluster, label, contentHash }: Pick<NewSnapshot, 'cluster' | 'label' | 'contentHash'>,
  snapshotId: string,
): Promise<void> {
  await tx.query(
    'INSERT INTO idempotency_keys (key, cluster, label, content_hash, snapshot_id) VALUES ($1, $2, $3, $4, $5::uuid)',
    [key, cluster, label, contentHash, snapshotId],
  );
}
