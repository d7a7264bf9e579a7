/**
 * Graceful shutdown of the real service process (`main.ts`, compiled as `npm start` runs it): on SIGTERM
 * it refuses new connections at once, lets the upload in flight finish and store, closes the database and
 * exits 0; an upload still unfinished when PODREACH_SHUTDOWN_GRACE_MS runs out is cut and stores nothing.
 *
 * "In flight" is made certain without timing: the upload asks `Expect: 100-continue`, and the service
 * answers `100 Continue` only once it hands the request to its handler. The body is sent after SIGTERM.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures';
import { uniqueCluster } from './support/test-app';
import {
  compileService,
  freePort,
  ServiceProcess,
  testAdminKey,
  type CompiledService,
} from './support/service-process';

const KiB = 1024;
/** Each test starts the service twice; on a loaded 2-core machine a start can take ten seconds. */
const TEST_TIMEOUT_MS = 180_000;
/** Tries to see a new connection refused, 25 ms apart: SIGTERM is handled within a few milliseconds. */
const REFUSAL_TRIES = 400;

let compiled: CompiledService;
let dataDir: string;

beforeAll(async () => {
  compiled = await compileService();
  dataDir = mkdtempSync(join(tmpdir(), 'podreach-shutdown-'));
});

afterAll(() => {
  compiled?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The service on PostgreSQL when DATABASE_URL is set, else on a PGlite folder that outlives a restart. */
async function service(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const database: Record<string, string> = process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL }
    : { PODREACH_DATA_DIR: dataDir };
  const started = new ServiceProcess({
    entry: compiled.entry,
    cwd: compiled.dir,
    port: await freePort(),
    adminKey: testAdminKey(),
    env: { LOG_LEVEL: 'info', ...database, ...env },
  });
  await started.start();
  return started;
}

interface InFlightUpload {
  req: ClientRequest;
  body: Buffer;
  /** The status, the Connection header and the body of the answer, or the error the connection ended with. */
  answer: Promise<{ status: number; connection?: string; body: string } | Error>;
}

/** A snapshot upload whose headers the service has accepted and whose body is not sent yet. */
async function startUpload(target: ServiceProcess, cluster: string): Promise<InFlightUpload> {
  // A pod list padded with white space: large enough to arrive in many pieces.
  const body = Buffer.from(fixture('pod-list.json').replace('{', `{${' '.repeat(512 * KiB)}`));
  const req = request(`${target.url}/api/v1/snapshots?cluster=${cluster}`, {
    method: 'POST',
    headers: {
      ...target.headers,
      'content-type': 'application/json',
      'content-length': String(body.length),
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; connection?: string; body: string } | Error>((resolve) => {
    req.on('error', resolve);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  const accepted = once(req, 'continue');
  req.flushHeaders();
  await accepted;
  return { req, body, answer };
}

/** Sends the body in slices, each after the last was handed to the socket. */
async function sendBody({ req, body }: InFlightUpload, sliceBytes = 64 * KiB): Promise<void> {
  for (let offset = 0; offset < body.length; offset += sliceBytes) {
    await new Promise<void>((resolve) =>
      req.write(body.subarray(offset, offset + sliceBytes), () => resolve()),
    );
  }
  req.end();
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function waitUntilRefusing(port: number): Promise<boolean> {
  for (let i = 0; i < REFUSAL_TRIES; i += 1) {
    if (await refusesConnections(port)) return true;
    await delay(25);
  }
  return false;
}

function portOf(target: ServiceProcess): number {
  return Number(new URL(target.url).port);
}

async function snapshotsOf(target: ServiceProcess, cluster: string): Promise<string[]> {
  const res = await fetch(`${target.url}/api/v1/snapshots?cluster=${cluster}`, { headers: target.headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((item) => item.id);
}

describe('on SIGTERM', () => {
  it(
    'refuses new connections, finishes the upload in flight, closes the database and exits 0',
    async () => {
      const cluster = uniqueCluster('shutdown');
      const running = await service();
      const upload = await startUpload(running, cluster);
      let answered = false;
      void upload.answer.then(() => (answered = true));

      const exit = running.stop();
      expect(await waitUntilRefusing(portOf(running))).toBe(true);
      expect(answered).toBe(false);
      await sendBody(upload);

      const answer = await upload.answer;
      expect(answer).toMatchObject({ status: 201, connection: 'close' });
      const { id } = JSON.parse((answer as { body: string }).body) as { id: string };
      expect(await exit).toEqual({ code: 0, signal: null });
      expect(running.output).toContain('Shut down: requests finished, database closed');

      // The answer was not a promise the database failed to keep.
      const restarted = await service();
      try {
        expect(await snapshotsOf(restarted, cluster)).toEqual([id]);
      } finally {
        expect(await restarted.stop()).toEqual({ code: 0, signal: null });
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'cuts an upload still unfinished after PODREACH_SHUTDOWN_GRACE_MS, which stores nothing',
    async () => {
      const cluster = uniqueCluster('shutdown-cut');
      const running = await service({ PODREACH_SHUTDOWN_GRACE_MS: '300' });
      const upload = await startUpload(running, cluster);
      upload.req.write(upload.body.subarray(0, 64 * KiB));

      expect(await running.stop()).toEqual({ code: 0, signal: null });
      expect(await upload.answer).toBeInstanceOf(Error);
      expect(running.output).toContain('Requests still in flight after 300 ms: closing their connections');

      const restarted = await service();
      try {
        expect(await snapshotsOf(restarted, cluster)).toEqual([]);
      } finally {
        await restarted.stop();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
