/**
 * Checks of what the database holds after crashes: every snapshot whole, every acknowledged upload there.
 * They read the tables directly, not through the service, so that nothing the service caches or filters
 * can hide a partial snapshot.
 */
import type { ClientBase } from 'pg';
import { contentHashOf, type K8sObject } from '@podreach/policy-engine';
import { inCanonicalOrder } from '../../libs/policy-engine/src/parse/canonical-json';

/** An upload the client saw succeed (201, or 200 for a duplicate): what it sent and what it was told. */
export interface AcknowledgedUpload {
  id: string;
  /** Computed by the client from the body it sent, not taken from the answer. */
  contentHash: string;
  counts: Record<string, number>;
}

interface SnapshotRow {
  id: string;
  object_count: number;
  counts: Record<string, number>;
  content_hash: string;
  rows: number;
  kinds: Record<string, number>;
}

const SNAPSHOTS_WITH_STORED_COUNTS = `
  SELECT s.id, s.object_count, s.counts, s.content_hash,
    (SELECT count(*) FROM snapshot_objects o WHERE o.snapshot_id = s.id)::int AS rows,
    (SELECT coalesce(jsonb_object_agg(kind, n), '{}'::jsonb) FROM (
       SELECT kind, count(*)::int AS n FROM snapshot_objects o WHERE o.snapshot_id = s.id GROUP BY kind) k
    ) AS kinds
  FROM snapshots s ORDER BY s.seq`;

/** The same counts per kind, whatever order the keys come in (JSONB does not keep it). */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((kind) => a[kind] === b[kind]);
}

/** sha256 of a stored snapshot's objects, as the engine hashed them at upload. */
async function storedContentHash(db: ClientBase, id: string): Promise<string> {
  const { rows } = await db.query<{ object: K8sObject }>(
    'SELECT object FROM snapshot_objects WHERE snapshot_id = $1',
    [id],
  );
  return contentHashOf(inCanonicalOrder(rows.map((row) => row.object)));
}

/**
 * Every snapshot that is not whole, described: fewer or more object rows than `object_count`, counts per
 * kind unlike its `counts`, or objects that no longer hash to its `content_hash`. Empty when all are whole.
 * Snapshots in `hashed` are only counted (committed objects never change); those hashed now are added.
 */
export async function findIncompleteSnapshots(db: ClientBase, hashed = new Set<string>()): Promise<string[]> {
  const problems: string[] = [];
  const { rows } = await db.query<SnapshotRow>(SNAPSHOTS_WITH_STORED_COUNTS);
  for (const row of rows) {
    if (row.rows !== row.object_count) {
      problems.push(`${row.id}: ${row.rows} object rows, object_count ${row.object_count}`);
    } else if (!sameCounts(row.kinds, row.counts)) {
      problems.push(
        `${row.id}: rows per kind ${JSON.stringify(row.kinds)}, counts ${JSON.stringify(row.counts)}`,
      );
    } else if (!hashed.has(row.id)) {
      const hash = await storedContentHash(db, row.id);
      if (hash !== row.content_hash)
        problems.push(`${row.id}: objects hash to ${hash}, not ${row.content_hash}`);
      else hashed.add(row.id);
    }
  }
  return problems;
}

/** Acknowledged uploads that are missing, or stored with another content hash or other counts. */
export async function findLostUploads(
  db: ClientBase,
  acknowledged: readonly AcknowledgedUpload[],
): Promise<string[]> {
  const { rows } = await db.query<{ id: string; content_hash: string; counts: Record<string, number> }>(
    'SELECT id, content_hash, counts FROM snapshots WHERE id = ANY($1::uuid[])',
    [[...new Set(acknowledged.map((upload) => upload.id))]],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  const problems: string[] = [];
  for (const upload of acknowledged) {
    const row = stored.get(upload.id);
    if (!row) problems.push(`${upload.id}: acknowledged but not stored`);
    else if (row.content_hash !== upload.contentHash) {
      problems.push(`${upload.id}: stored with hash ${row.content_hash}, sent ${upload.contentHash}`);
    } else if (!sameCounts(row.counts, upload.counts)) {
      problems.push(
        `${upload.id}: stored counts ${JSON.stringify(row.counts)}, sent ${JSON.stringify(upload.counts)}`,
      );
    }
  }
  return problems;
}
