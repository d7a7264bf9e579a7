import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATABASE_CONNECTION, type DatabaseConnection } from '../database/database-connection';
import { engineVersion } from './engine-version';

/**
 * Longest a read or write of one stored answer may take. Answers are megabytes: they go through plain SQL, as
 * Prisma's query compiler (WebAssembly on the event loop) took 160 ms to pass on one of M's connectivity.
 */
const STATEMENT_TIMEOUT_MS = 60_000;

/** Identifies a stored answer: everything the answer depends on besides the engine. */
export interface StoredAnswerRef {
  snapshotId: string;
  kind: 'connectivity' | 'diff';
  /** Canonical text of the options (and granularity) the answer was computed with. */
  key: string;
  /** A two-snapshot answer's other snapshot (a diff's head). */
  headId?: string;
}

/**
 * Computed answers persisted in the database as gzip JSON, so that a restart or another replica serving the
 * same database reuses them. The analysis workers compress and parse them; here they are only bytes. Storing
 * is best effort: an answer that cannot be stored is still answered, and logged.
 */
@Injectable()
export class AnalysisStore {
  private readonly logger = new Logger(AnalysisStore.name);
  private readonly version = engineVersion();

  constructor(@Inject(DATABASE_CONNECTION) private readonly database: DatabaseConnection) {}

  /** The stored answer (gzip JSON), or undefined when none was stored by this engine. */
  async get(ref: StoredAnswerRef): Promise<Uint8Array | undefined> {
    const rows = await this.database.transaction(
      (tx) =>
        tx.query<{ payload: string }>(
          `SELECT encode(payload, 'base64') AS payload FROM analysis_results
            WHERE snapshot_id = $1::uuid AND kind = $2 AND key = $3 AND engine_version = $4`,
          [ref.snapshotId, ref.kind, this.keyOf(ref), this.version],
        ),
      { timeoutMs: STATEMENT_TIMEOUT_MS },
    );
    return rows.length === 0 ? undefined : Buffer.from(rows[0].payload, 'base64');
  }

  /** Stores an answer (gzip JSON); a replica that stored the same answer first wins: it is the same answer. */
  async put(ref: StoredAnswerRef, payload: Uint8Array): Promise<void> {
    try {
      // Bytes travel as base64 text: the one form both PostgreSQL's and PGlite's drivers pass the same way.
      await this.database.transaction(
        (tx) =>
          tx.query(
            `INSERT INTO analysis_results (snapshot_id, kind, key, engine_version, head_id, payload)
             VALUES ($1::uuid, $2, $3, $4, $5::uuid, decode($6, 'base64'))
             ON CONFLICT DO NOTHING`,
            [
              ref.snapshotId,
              ref.kind,
              this.keyOf(ref),
              this.version,
              ref.headId ?? null,
              Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('base64'),
            ],
          ),
        { timeoutMs: STATEMENT_TIMEOUT_MS },
      );
    } catch (error) {
      // A snapshot deleted meanwhile (foreign key) or a database hiccup must not fail the request that
      // already has its answer.
      this.logger.warn({ err: error, snapshotId: ref.snapshotId, kind: ref.kind }, 'answer not stored');
    }
  }

  private keyOf(ref: StoredAnswerRef): string {
    return ref.headId === undefined ? ref.key : `${ref.key} head=${ref.headId}`;
  }
}
