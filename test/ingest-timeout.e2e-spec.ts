import { Injectable } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlTransaction } from '../apps/api/src/database/sql-transaction';
import { SnapshotsRepository } from '../apps/api/src/snapshots/snapshots.repository';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

const TIMEOUT_MS = 1000;

/** Stores each batch of objects, then stalls past the transaction's timeout, as a starved database would. */
@Injectable()
class RepositoryStallingMidIngest extends SnapshotsRepository {
  protected override async insertObjectBatch(
    tx: SqlTransaction,
    snapshotId: string,
    objectsJson: readonly string[],
  ): Promise<void> {
    await super.insertObjectBatch(tx, snapshotId, objectsJson);
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 100));
  }
}

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    env: { PODREACH_INSERT_BATCH_ROWS: '2', PODREACH_INGEST_TIMEOUT_MS: String(TIMEOUT_MS) },
    override: (builder) =>
      builder.overrideProvider(SnapshotsRepository).useClass(RepositoryStallingMidIngest),
  });
});

afterAll(async () => {
  await t?.close();
});

describe('an ingest whose transaction outlives PODREACH_INGEST_TIMEOUT_MS', () => {
  it('is rolled back: no snapshot and no objects are left behind', async () => {
    const cluster = uniqueCluster();
    const objectsBefore = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM snapshot_objects');

    const res = await upload(t, `cluster=${cluster}`, fixture('cluster-list.json'));

    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(await t.sql('SELECT id FROM snapshots WHERE cluster = $1', cluster)).toEqual([]);
    expect(await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM snapshot_objects')).toEqual(
      objectsBefore,
    );
  });
});
