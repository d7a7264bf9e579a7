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
// thousands of rows, much faster than `unnest` of text arrays, whose array literal the driver must build and
// escape. As `json` (text) rather than `jsonb`, and with the key columns taken in one `json_to_record` rather
// than one operator each (each of which would parse the object's text again): on the M bench cluster, about
// half the time of `jsonb_array_elements` into `jsonb` columns.
const INSERT_OBJECTS = `INSERT INTO snapshot_objects (snapshot_id, kind, namespace, name, labels, object)
  SELECT $1::uuid, r.kind, COALESCE(r.namespace, ''), r.name, COALESCE(r.labels, '{}'::json), o
  FROM json_array_elements($2::json) AS o,
    json_to_record(o) AS r(kind text, namespace text, name text, labels json)`;

const INSERT_SNAPSHOT = `INSERT INTO snapshots AS s (id, cluster, label, content_hash, counts, warnings, skipped,
    foreign_policy_kinds, complete, incomplete_reasons, object_count)
  VALUES ($1::uuid, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, ARRAY(SELECT jsonb_array_elements_text($8::jsonb)),
    $9::boolean, ARRAY(SELECT jsonb_array_elements_text($10::jsonb)), $11::integer)
  RETURNING ${SNAPSHOT}`;

// A snapshot whose objects are still arriving has this row until `COMPLETE_SNAPSHOT`: the objects need it
// (their foreign key), and its content hash, unknown until the end, is a placeholder no other row has.
const INSERT_PENDING_SNAPSHOT = `INSERT INTO snapshots (id, cluster, label, content_hash, counts, warnings, skipped,
    complete, object_count)
  VALUES ($1::uuid, $2, $3, 'pending ' || $1, '{}'::jsonb, '[]'::jsonb, '[]'::jsonb, false, 0)`;

// `seq` and `created_at` are taken now rather than when the transaction began, so that "newest" (and with
// it retention) follows the order in which snapshots were completed, as it did when they were written whole.
const COMPLETE_SNAPSHOT = `UPDATE snapshots AS s SET content_hash = $2, counts = $3::jsonb, warnings = $4::jsonb,
    skipped = $5::jsonb, foreign_policy_kinds = ARRAY(SELECT jsonb_array_elements_text($6::jsonb)),
    complete = $7::boolean, incomplete_reasons = ARRAY(SELECT jsonb_array_elements_text($8::jsonb)),
    object_count = $9::integer, seq = nextval(pg_get_serial_sequence('snapshots', 'seq')),
    created_at = statement_timestamp()
  WHERE s.id = $1::uuid
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

/** The content hash and summary of a snapshot, as the parameters that follow its identity in both statements. */
function summaryParams(snapshot: NewSnapshot): unknown[] {
  return [
    snapshot.contentHash,
    JSON.stringify(snapshot.counts),
    JSON.stringify(snapshot.warnings),
    JSON.stringify(snapshot.skipped),
    JSON.stringify(snapshot.foreignPolicyKinds),
    snapshot.complete,
    JSON.stringify(snapshot.incompleteReasons),
    snapshot.objectsJson.length,
  ];
}

/** Inserts the snapshot's own row (not its objects) and returns it as stored. */
export async function insertSnapshot(tx: SqlTransaction, snapshot: NewSnapshot): Promise<Snapshot> {
  const [row] = await tx.query<SnapshotRow>(INSERT_SNAPSHOT, [
    snapshot.id,
    snapshot.cluster,
    snapshot.label,
    ...summaryParams(snapshot),
  ]);
  return snapshotOf(row);
}

/** Inserts the row of a snapshot whose objects are yet to come, as a placeholder for `completeSnapshot`. */
export async function insertPendingSnapshot(
  tx: SqlTransaction,
  { id, cluster, label }: Pick<NewSnapshot, 'id' | 'cluster' | 'label'>,
): Promise<void> {
  await tx.query(INSERT_PENDING_SNAPSHOT, [id, cluster, label]);
}

/** Gives the row of `insertPendingSnapshot` the snapshot's content hash and summary; returns it as stored. */
export async function completeSnapshot(tx: SqlTransaction, snapshot: NewSnapshot): Promise<Snapshot> {
  const [row] = await tx.query<SnapshotRow>(COMPLETE_SNAPSHOT, [snapshot.id, ...summaryParams(snapshot)]);
  return snapshotOf(row);
}

/** Inserts objects given as JSON texts, in one statement. */
export async function insertObjects(
  tx: SqlTransaction,
  snapshotId: string,
  objectsJson: readonly string[],
): Promise<void> {
  await tx.query(INSERT_OBJECTS, [snapshotId, tx.jsonArray(objectsJson)]);
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
