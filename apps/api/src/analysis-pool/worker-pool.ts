import type { Worker } from 'node:worker_threads';
import {
  EngineError,
  ValidationError,
  type EngineErrorCode,
  type ValidationProblem,
} from '@podreach/policy-engine';
import type { ChunkAck, ErrorShape, ReplyMessage, TaskMessage } from './worker-protocol';

/** Thrown by `run` when the pool already holds as many tasks as it may: the caller should retry later. */
export class PoolFullError extends Error {
  constructor(readonly pending: number) {
    super(`the analysis queue is full (${pending} tasks)`);
    this.name = 'PoolFullError';
  }
}

/** A task's worker stopped (crashed, ran out of memory, or the pool closed) before answering. */
export class WorkerLostError extends Error {
  constructor(reason: string) {
    super(`the analysis worker stopped before answering: ${reason}`);
    this.name = 'WorkerLostError';
  }
}

export interface WorkerPoolOptions {
  /** Worker threads; at least 1. */
  size: number;
  /** Most tasks held at once, running or waiting; past it `run` throws PoolFullError. */
  maxPending: number;
  /** Starts one worker thread. */
  start: () => Worker;
}

export interface RunOptions {
  /** Receives the chunks of a streamed result, in order, before the task's promise settles. */
  onChunk?: (chunk: string) => void;
  /** Buffers inside `args` to move to the worker instead of copying (they become unusable here). */
  transfer?: ArrayBuffer[];
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onChunk?: (chunk: string) => void;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Pending>;
}

/** Rebuilds an error thrown in a worker: engine errors keep their class, so the edges map their codes. */
function errorOf(shape: ErrorShape): Error {
  if (shape.name === 'ValidationError') {
    return new ValidationError(shape.details?.problems as ValidationProblem[]);
  }
  if (shape.name === 'EngineError' && shape.code !== undefined) {
    return new EngineError(shape.code as EngineErrorCode, shape.message, shape.details);
  }
  const error = Object.assign(new Error(shape.message), { details: shape.details });
  error.name = shape.name;
  return error;
}

/** FNV-1a: a stable, well-spread slot for a key. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A fixed set of worker threads with a bounded number of tasks in flight. Tasks with the same affinity key
 * (a snapshot id) always go to the same worker, so what a worker keeps for that key (a compiled analysis) is
 * built once and not duplicated. A worker that dies fails its tasks with WorkerLostError and is replaced. A
 * streamed result arrives at most CHUNK_WINDOW chunks ahead of `onChunk`, which acknowledges each chunk it took.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private nextId = 1;
  private pendingCount = 0;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => this.startSlot());
  }

  /** Tasks held, running or waiting. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Workers with at least one task. */
  get busy(): number {
    return this.slots.filter((slot) => slot.tasks.size > 0).length;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs handler `op` on the worker of `affinity`; throws PoolFullError at once when the pool is full. */
  run<T>(affinity: string, op: string, args: unknown, options: RunOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new WorkerLostError('the service is shutting down'));
    if (this.pendingCount >= this.options.maxPending) throw new PoolFullError(this.pendingCount);
    const slot = this.slots[hashOf(affinity) % this.slots.length];
    const id = this.nextId++;
    this.pendingCount += 1;
    return new Promise<T>((resolve, reject) => {
      slot.tasks.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onChunk: options.onChunk,
      });
      const message: TaskMessage = { type: 'task', id, op, args };
      slot.worker.postMessage(message, options.transfer);
    });
  }

  /** Stops every worker; tasks still held fail with WorkerLostError. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        this.failAll(slot, new WorkerLostError('the service is shutting down'));
        await slot.worker.terminate();
      }),
    );
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: this.options.start(), tasks: new Map() };
    this.watch(slot);
    return slot;
  }

  private watch(slot: Slot): void {
    const { worker } = slot;
    worker.on('message', (reply: ReplyMessage) => this.settle(slot, reply));
    worker.on('error', (error) => this.replace(slot, worker, error.message));
    worker.on('exit', (code) => this.replace(slot, worker, `exit code ${code}`));
  }

  private settle(slot: Slot, reply: ReplyMessage): void {
    const task = slot.tasks.get(reply.id);
    if (task === undefined) return;
    if (reply.type === 'chunk') {
      task.onChunk?.(reply.chunk);
      // Consumed: the worker may send another (it waits past a few, so chunks never pile up here).
      const ack: ChunkAck = { type: 'ack', id: reply.id };
      slot.worker.postMessage(ack);
      return;
    }
    slot.tasks.delete(reply.id);
    this.pendingCount -= 1;
    if (reply.type === 'result') task.resolve(reply.value);
    else task.reject(errorOf(reply.error));
  }

  /** A worker died: its tasks fail, and a new worker takes its place (unless the pool is closing). */
  private replace(slot: Slot, dead: Worker, reason: string): void {
    if (slot.worker !== dead) return;
    this.failAll(slot, new WorkerLostError(reason));
    if (this.closed) return;
    slot.worker = this.options.start();
    this.watch(slot);
  }

  private failAll(slot: Slot, error: Error): void {
    for (const task of slot.tasks.values()) task.reject(error);
    this.pendingCount -= slot.tasks.size;
    slot.tasks.clear();
  }
}
