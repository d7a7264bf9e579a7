import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../prisma/generated/client';
import type { TransactionRunner } from '../database/sql-transaction';
import { SnapshotStage } from './snapshot-stage';

const stored = { id: 'stored' } as Snapshot;

/** A stage over a pretend transaction that logs what it does, and an insert that can be held up or fail. */
function stageOf(options: { streaming: boolean; timeoutMs?: number; insert?: () => Promise<void> }) {
  const log: string[] = [];
  const transaction: TransactionRunner = async (work) => {
    log.push('BEGIN');
    try {
      const result = await work({ query: () => Promise.resolve([]), jsonArray: (texts) => texts });
      log.push('COMMIT');
      return result;
    } catch (error) {
      log.push('ROLLBACK');
      throw error;
    }
  };
  const stage = new SnapshotStage({
    transaction,
    timeoutMs: options.timeoutMs ?? 60_000,
    streaming: options.streaming,
    begin: async () => {
      log.push('pending row');
    },
    insert: async (_tx, objectsJson) => {
      await options.insert?.();
      log.push(`insert ${objectsJson.join(' ')}`);
    },
  });
  return { stage, log };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SnapshotStage', () => {
  it('streaming: opens its transaction with the first objects and writes them before the end', async () => {
    const { stage, log } = stageOf({ streaming: true });
    stage.add(['a', 'b']);
    await tick();
    expect(log).toEqual(['BEGIN', 'pending row', 'insert a b']);

    stage.add(['c']);
    const ended = stage.end(async () => {
      log.push('complete');
      return stored;
    });
    expect(await ended).toBe(stored);
    expect(log).toEqual(['BEGIN', 'pending row', 'insert a b', 'insert c', 'complete', 'COMMIT']);
    expect(stage.rows).toBe(3);
  });

  it('not streaming: writes nothing before the end, then everything in one transaction', async () => {
    const { stage, log } = stageOf({ streaming: false });
    stage.add(['a']);
    stage.add([]);
    stage.add(['b']);
    await tick();
    expect(log).toEqual([]);

    expect(await stage.end(async () => stored)).toBe(stored);
    expect(log).toEqual(['BEGIN', 'pending row', 'insert a', 'insert b', 'COMMIT']);
  });

  it('rolls back when the last step finds nothing to keep', async () => {
    const { stage, log } = stageOf({ streaming: true });
    stage.add(['a']);
    expect(await stage.end(async () => undefined)).toBeUndefined();
    expect(log).toEqual(['BEGIN', 'pending row', 'insert a', 'ROLLBACK']);
  });

  it('abandon rolls back after the statement running now, skipping objects still queued', async () => {
    let release!: () => void;
    const { stage, log } = stageOf({
      streaming: true,
      insert: () => new Promise<void>((resolve) => (release = resolve)),
    });
    stage.add(['a']);
    stage.add(['b']);
    await tick();
    const abandoned = stage.abandon();
    release();
    await abandoned;
    expect(log).toEqual(['BEGIN', 'pending row', 'insert a', 'ROLLBACK']);
  });

  it('abandon does nothing when no transaction was opened', async () => {
    const { stage, log } = stageOf({ streaming: false });
    stage.add(['a']);
    await stage.abandon();
    expect(log).toEqual([]);
  });

  it('a failed write is thrown by the next add, and by end', async () => {
    const { stage, log } = stageOf({
      streaming: true,
      insert: () => Promise.reject(new Error('disk full')),
    });
    stage.add(['a']);
    await tick();
    await tick();
    expect(() => stage.add(['b'])).toThrow('disk full');
    await expect(stage.end(async () => stored)).rejects.toThrow('disk full');
    expect(log).toEqual(['BEGIN', 'pending row', 'ROLLBACK']);
  });

  it('rolls back a transaction left waiting for objects past its timeout', async () => {
    const { stage, log } = stageOf({ streaming: true, timeoutMs: 20 });
    stage.add(['a']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(log).toEqual(['BEGIN', 'pending row', 'insert a', 'ROLLBACK']);
    expect(() => stage.add(['b'])).toThrow('Transaction ran longer than its 20 ms timeout');
  });
});
