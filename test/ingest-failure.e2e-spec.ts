import { Injectable } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlTransaction } from '../apps/api/src/database/sql-transaction';
import { SnapshotsRepository } from '../apps/api/src/snapshots/snapshots.repository';
import { fixture } from './support/fixtures';
import { startTestApp, uniqueCluster, upload, type TestApp } from './support/test-app';

/** Stores the first batch of objects, then fails as a lost connection or full disk would. */
@Injectable()
class RepositoryFailingMidIngest extends SnapshotsRepository {
  static batches = 0;

  protected override async insertObjectBatch(
    tx: SqlTransaction,
    snapshotId: string,
    objectsJson: readonly string[],
  ): Promise<void> {
    await super.insertObjectBatch(tx, snapshotId, objectsJson);
    RepositoryFailingMidIngest.batches += 1;
    throw new Error('disk full at postgres://admin:hunter2@db.internal');
  }
}

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    env: { PODREACH_INSERT_BATCH_ROWS: '2' },
    override: (builder) => builder.overrideProvider(SnapshotsRepository).useClass(RepositoryFailingMidIngest),
  });
});

afterAll(async () => {
  await t?.close();
});

describe('a failure in the middle of an ingest', () => {
  it('leaves no snapshot and no objects behind, and leaks nothing of the cause', async () => {
    const cluster = uniqueCluster();
    const objectsBefore = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM snapshot_objects');

    const res = await upload(t, `cluster=${cluster}`, fixture('cluster-list.json'));

    expect(RepositoryFailingMidIngest.batches).toBe(1);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error', details: {} } });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(await t.sql('SELECT id FROM snapshots WHERE cluster = $1', cluster)).toEqual([]);
    expect(await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM snapshot_objects')).toEqual(
      objectsBefore,
    );

    const list = await t.http().get(`/api/v1/snapshots?cluster=${cluster}`);
    expect(list.body.items).toEqual([]);
  });
});
