/**
 * Crash safety (issue 8): the real service, in its own process on a fresh PostgreSQL database, is killed
 * with SIGKILL during large uploads - while the body streams in, while it is parsed, inside the database
 * transaction - and once while it migrates at start-up. After every restart, every snapshot in the database
 * must be whole, every upload the client saw succeed must be there with the hash of what it sent, and the
 * service must be ready and take the client's retry.
 *
 * Where each kill lands is made certain with PostgreSQL locks held by the test rather than left to timing:
 * a lock on `cluster_settings` keeps the service from reaching its transaction (so a kill after the whole
 * body is sent falls in parsing), and a lock on `snapshot_objects` stops it inside the transaction, after the
 * snapshot row and before its objects. A seeded PRNG picks the delays; the seed is in the suite's name and
 * `PODREACH_CRASH_SEED` replays a run.
 */
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshotContent } from '@podreach/policy-engine';
import { applyMigrations, findMigrationsDir, readMigrations } from '../apps/api/src/database/migrator';
import { openPostgresSession } from '../apps/api/src/database/sql-session';
import { generateCluster, kubectlListText } from '../bench/generator';
import { Random } from '../bench/generator/random';
import { scratchDatabase, type ScratchDatabase } from './support/scratch-database';
import {
  findIncompleteSnapshots,
  findLostUploads,
  type AcknowledgedUpload,
} from './support/snapshot-integrity';
import {
  compileService,
  freePort,
  ServiceProcess,
  testAdminKey,
  type CompiledService,
} from './support/service-process';
import { streamUpload, type UploadAnswer } from './support/streamed-upload';

const DATABASE_URL = process.env.DATABASE_URL;
const SEED = Number(process.env.PODREACH_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS_PER_PHASE = 4;
type Phase = 'body' | 'parsing' | 'transaction';
const PHASES: readonly Phase[] = ['body', 'parsing', 'transaction'];

interface Round {
  phase: Phase;
  label: string;
  body: Buffer;
  expected: { contentHash: string; counts: Record<string, number> };
}

/** A different cluster of several thousand objects per round, as `kubectl get -A -o json` prints it. */
function makeRound(phase: Phase, index: number, random: Random): Round {
  const pods = random.int(1_800, 2_200);
  const size = {
    name: `crash-${index}`,
    pods,
    policies: Math.round(pods / 6),
    namespaces: Math.round(pods / 60),
  };
  const text = kubectlListText(generateCluster({ size, seed: SEED + index }).objects, { pretty: false });
  const { contentHash, counts } = buildSnapshotContent([{ name: 'upload', text }]);
  return { phase, label: `round-${index}`, body: Buffer.from(text), expected: { contentHash, counts } };
}

describe.skipIf(!DATABASE_URL)(
  `crash safety under SIGKILL, seed ${SEED} (needs PostgreSQL: DATABASE_URL)`,
  () => {
    const database = `podreach_crash_${process.pid}`;
    const random = new Random(SEED);
    const acknowledged: AcknowledgedUpload[] = [];
    const hashed = new Set<string>();
    let scratch: ScratchDatabase | undefined;
    let db: Client;
    let compiled: CompiledService;
    let service: ServiceProcess;

    beforeAll(async () => {
      scratch = await scratchDatabase(DATABASE_URL!, database);
      const { url } = scratch;
      db = scratch.client;
      compiled = await compileService();
      service = new ServiceProcess({
        entry: compiled.entry,
        cwd: compiled.dir,
        port: await freePort(),
        adminKey: testAdminKey(),
        // Small batches make the transaction many statements long, so a kill can fall between any two.
        env: { DATABASE_URL: url, LOG_LEVEL: 'warn', PODREACH_INSERT_BATCH_ROWS: '400' },
      });
    });

    afterAll(async () => {
      await service?.kill();
      await scratch?.drop();
      compiled?.remove();
    });

    /** Polls until `condition` holds; fails if the service ends or `settled` settles first. */
    async function until(condition: () => Promise<boolean>, settled?: Promise<unknown>): Promise<void> {
      let done = false;
      void settled?.then(() => (done = true));
      while (!(await condition())) {
        if (!service.running) throw new Error(`the service ended:\n${service.output}`);
        if (done) throw new Error(`the upload ended first: ${JSON.stringify(await settled)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    /** True while some other session waits for a lock on `table`. */
    async function waitingFor(table: string): Promise<boolean> {
      const { rows } = await db.query(
        `SELECT 1 FROM pg_locks WHERE NOT granted AND relation = to_regclass($1)
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [table],
      );
      return rows.length > 0;
    }

    async function tables(): Promise<string[]> {
      const { rows } = await db.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      return rows.map((row) => row.name);
    }

    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    /** Uploads the round's body and kills the service at a point of the round's phase; returns the answer. */
    async function killDuring(round: Round): Promise<UploadAnswer | Error> {
      const path = `${service.url}/api/v1/snapshots?cluster=crash&label=${round.label}`;
      if (round.phase === 'body') {
        const cut = Math.floor(round.body.length * (0.02 + 0.96 * random.next()));
        const upload = streamUpload(path, service.headers, round.body, cut);
        await upload.sent;
        await service.kill();
        return upload.answer;
      }
      const table = round.phase === 'parsing' ? 'cluster_settings' : 'snapshot_objects';
      await db.query('BEGIN');
      await db.query(
        `LOCK TABLE ${table} IN ${round.phase === 'parsing' ? 'ACCESS EXCLUSIVE' : 'EXCLUSIVE'} MODE`,
      );
      const upload = streamUpload(path, service.headers, round.body);
      if (round.phase === 'parsing') {
        await upload.sent;
        await delay(random.int(0, 200));
      } else {
        await until(() => waitingFor(table), upload.answer);
        // A third of the kills hit the stopped transaction; the others a random later point of it, or just
        // after its commit, when the client may or may not have its answer yet.
        if (random.chance(2 / 3)) {
          await db.query('ROLLBACK');
          await delay(random.int(0, 400));
        }
      }
      await service.kill();
      await db.query('ROLLBACK');
      return upload.answer;
    }

    async function expectDatabaseWhole(): Promise<void> {
      expect(await findIncompleteSnapshots(db, hashed)).toEqual([]);
      expect(await findLostUploads(db, acknowledged)).toEqual([]);
    }

    it('a kill while migrating at start-up leaves nothing half-applied, and the next start migrates', async () => {
      // The bookkeeping table exists (the service's migrator makes it when it applies nothing) and is locked
      // against inserts: the service runs the migration's SQL and then waits to record it, in one transaction.
      const session = await openPostgresSession(scratch!.url);
      await applyMigrations(session, [], { log: () => undefined, warn: () => undefined });
      await session.close();
      await db.query('BEGIN');
      await db.query('LOCK TABLE "_prisma_migrations" IN EXCLUSIVE MODE');
      service.spawn();
      await until(() => waitingFor('"_prisma_migrations"'));
      await service.kill();
      await db.query('ROLLBACK');
      expect(await tables()).toEqual(['_prisma_migrations']);

      await service.start();
      const { rows } = await db.query<{ migration_name: string }>(
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(
        readMigrations(findMigrationsDir()).map((m) => m.name),
      );
      expect(await tables()).toEqual(expect.arrayContaining(['snapshots', 'snapshot_objects']));
    }, 120_000);

    it(`${3 * KILLS_PER_PHASE} kills during large uploads leave only whole snapshots, and every acknowledged one`, async () => {
      const phases = random.sample(
        PHASES.flatMap((phase) => Array<Phase>(KILLS_PER_PHASE).fill(phase)),
        3 * KILLS_PER_PHASE,
      );
      for (const [index, phase] of phases.entries()) {
        const round = makeRound(phase, index, random);
        if (!service.running) await service.start();
        const answer = await killDuring(round);
        if (!(answer instanceof Error) && answer.status < 300) {
          acknowledged.push({ id: JSON.parse(answer.body).id, ...round.expected });
        }
        await service.start();
        await expectDatabaseWhole();

        // The client retries: the upload is stored once, whole, whether or not the killed one had committed.
        const retry = await streamUpload(
          `${service.url}/api/v1/snapshots?cluster=crash&label=${round.label}`,
          service.headers,
          round.body,
        ).answer;
        expect(retry).toMatchObject({ status: expect.toBeOneOf([200, 201]) });
        const stored = JSON.parse((retry as UploadAnswer).body);
        expect(stored).toMatchObject(round.expected);
        acknowledged.push({ id: stored.id, ...round.expected });
        await expectDatabaseWhole();
      }
    }, 420_000);

    it('after the last restart the service is ready and every snapshot is still whole', async () => {
      const ready = await fetch(`${service.url}/readyz`, { headers: service.headers });
      expect(ready.status).toBe(200);
      await expectDatabaseWhole();
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM snapshots');
      expect(rows[0].n).toBe(3 * KILLS_PER_PHASE);
    });
  },
);
