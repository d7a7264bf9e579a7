import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EngineError } from '@podreach/policy-engine';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileService, type CompiledService } from '../../../../test/support/service-process';
import { PoolFullError, WorkerLostError, WorkerPool } from './worker-pool';
import { CHUNK_WINDOW } from './worker-protocol';

// Worker threads run JavaScript: the sources are compiled once, as the service's process tests do.
let compiled: CompiledService;
let pool: WorkerPool | undefined;

function echoPool(size: number, maxPending = 10): WorkerPool {
  const entry = join(compiled.dir, 'apps/api/src/analysis-pool/testing/echo.worker.js');
  pool = new WorkerPool({ size, maxPending, start: () => new Worker(entry) });
  return pool;
}

beforeAll(async () => {
  compiled = await compileService();
});

afterAll(() => compiled?.remove());

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('WorkerPool', () => {
  it('runs tasks in worker threads and returns their results', async () => {
    const result = await echoPool(1).run<{ args: unknown; threadId: number }>('a', 'echo', { n: 1 });
    expect(result.args).toEqual({ n: 1 });
    expect(result.threadId).toBeGreaterThan(0);
  });

  it('rethrows engine errors with their code and details, so the edges map them as usual', async () => {
    const failure = echoPool(1).run('a', 'fail', undefined);
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', details: { name: 'thing' } });
  });

  it('delivers the chunks of a streamed result in order before the result', async () => {
    const chunks: string[] = [];
    const count = await echoPool(1).run('a', 'stream', 3, { onChunk: (chunk) => chunks.push(chunk) });
    expect(count).toBe(3);
    expect(chunks).toEqual(['chunk 0;', 'chunk 1;', 'chunk 2;']);
  });

  it('streams a result far longer than its window of unconsumed chunks, whole and in order', async () => {
    const chunks: string[] = [];
    const count = CHUNK_WINDOW * 50;
    await expect(
      echoPool(1).run('a', 'stream', count, { onChunk: (chunk) => chunks.push(chunk) }),
    ).resolves.toBe(count);
    expect(chunks).toEqual(Array.from({ length: count }, (_, i) => `chunk ${i};`));
  });

  it('sends tasks with the same affinity key to the same worker', async () => {
    const p = echoPool(3);
    const threads = await Promise.all(
      ['s1', 's2', 's3', 's1', 's2', 's3'].map((key) => p.run<{ threadId: number }>(key, 'echo', key)),
    );
    expect(threads[3].threadId).toBe(threads[0].threadId);
    expect(threads[4].threadId).toBe(threads[1].threadId);
    expect(threads[5].threadId).toBe(threads[2].threadId);
  });

  it('refuses a task at once when it already holds as many as it may, and accepts again once they end', async () => {
    const p = echoPool(1, 2);
    const running = [p.run('a', 'sleep', 50), p.run('a', 'sleep', 50)];
    expect(p.pending).toBe(2);
    expect(() => p.run('a', 'echo', 1)).toThrow(PoolFullError);
    await Promise.all(running);
    expect(p.pending).toBe(0);
    await expect(p.run('a', 'echo', 1)).resolves.toMatchObject({ args: 1 });
  });

  it("fails a dead worker's tasks and replaces the worker", async () => {
    const p = echoPool(1);
    const crash = p.run('a', 'crash', undefined);
    const queued = p.run('a', 'sleep', 10);
    await expect(crash).rejects.toBeInstanceOf(WorkerLostError);
    await expect(queued).rejects.toBeInstanceOf(WorkerLostError);
    expect(p.pending).toBe(0);
    await expect(p.run('a', 'echo', 2)).resolves.toMatchObject({ args: 2 });
  });

  it('fails held tasks and refuses new ones once closed', async () => {
    const p = echoPool(1);
    const held = expect(p.run('a', 'sleep', 1000)).rejects.toBeInstanceOf(WorkerLostError);
    await p.close();
    await held;
    await expect(p.run('a', 'echo', 1)).rejects.toBeInstanceOf(WorkerLostError);
  });
});
