/** Messages between the pool (main thread) and a worker thread. Everything crossing is plain data. */

/** A task for a worker: run handler `op` with `args`. */
export interface TaskMessage {
  type: 'task';
  id: number;
  op: string;
  args: unknown;
}

/** The pool has consumed one chunk of task `id`'s streamed result. */
export interface ChunkAck {
  type: 'ack';
  id: number;
}

/** What the pool sends a worker. */
export type PoolMessage = TaskMessage | ChunkAck;

/**
 * Chunks of a streamed result a worker sends ahead of the pool: past them it waits until the pool consumed one.
 * Without a bound, a worker that renders faster than the main thread writes queues thousands of chunks in memory,
 * and the main thread then handles them all in one go, blocking its event loop for a long stretch.
 */
export const CHUNK_WINDOW = 8;

/** An error as it crosses the thread boundary; engine errors keep their code and details. */
export interface ErrorShape {
  name: string;
  message: string;
  code?: string;
  details?: Record<string, unknown>;
}

/** A worker's reply: the task's result, its error, or one chunk of a streamed result (more follow). */
export type ReplyMessage =
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; error: ErrorShape }
  | { id: number; type: 'chunk'; chunk: string };
