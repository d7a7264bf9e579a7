import type { Response } from 'supertest';
import { expect } from 'vitest';
import { describeResponse, expectSuccessOrClientError } from './fuzz-checks';
import type { WireBody } from './fuzz-encodings';
import { uniqueCluster, type TestApp } from './test-app';

/** The answer to one fuzzed upload, with the cluster and Idempotency-Key it used. */
export interface UploadOutcome {
  res: Response;
  cluster: string;
  idempotencyKey?: string;
}

let keys = 0;

/**
 * POSTs `wire` as a snapshot of a cluster no other request uses, with exactly the headers given (none
 * added: a missing Content-Type stays missing), and an Idempotency-Key on every other request.
 */
export async function postUpload(t: TestApp, wire: WireBody): Promise<UploadOutcome> {
  const cluster = uniqueCluster('fuzz');
  keys += 1;
  const idempotencyKey = keys % 2 === 0 ? `fuzz-${cluster}` : undefined;
  const req = t
    .http()
    .post(`/api/v1/snapshots?cluster=${cluster}&label=fuzz`)
    .serialize((data: unknown) => data as string);
  if (wire.contentType !== undefined) req.set('content-type', wire.contentType);
  if (wire.contentEncoding !== undefined) req.set('content-encoding', wire.contentEncoding);
  if (idempotencyKey !== undefined) req.set('idempotency-key', idempotencyKey);
  return { res: await req.send(wire.body), cluster, idempotencyKey };
}

async function count(t: TestApp, query: string, value: string): Promise<number> {
  const [row] = await t.sql<{ n: number }>(query, value);
  return row.n;
}

/**
 * The upload succeeded whole or was refused whole: a 2xx stored one snapshot with every object it
 * reports (and its Idempotency-Key), a 4xx in the error shape stored nothing at all.
 */
export async function expectAllOrNothing(
  t: TestApp,
  { res, cluster, idempotencyKey }: UploadOutcome,
): Promise<void> {
  expectSuccessOrClientError(res);
  const snapshots = await count(t, 'SELECT count(*)::int AS n FROM snapshots WHERE cluster = $1', cluster);
  const objects = await count(
    t,
    `SELECT count(*)::int AS n FROM snapshot_objects o JOIN snapshots s ON s.id = o.snapshot_id WHERE s.cluster = $1`,
    cluster,
  );
  const storedKeys =
    idempotencyKey === undefined
      ? 0
      : await count(t, 'SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', idempotencyKey);
  const context = describeResponse(res);
  if (res.status >= 400) {
    expect({ snapshots, objects, storedKeys }, context).toEqual({ snapshots: 0, objects: 0, storedKeys: 0 });
    return;
  }
  expect(res.status, context).toBe(201);
  expect({ snapshots, objects, storedKeys }, context).toEqual({
    snapshots: 1,
    objects: res.body.objectCount,
    storedKeys: idempotencyKey === undefined ? 0 : 1,
  });
}
