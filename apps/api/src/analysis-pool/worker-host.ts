import { parentPort } from 'node:worker_threads';
import { CHUNK_WINDOW, type ErrorShape, type PoolMessage, type ReplyMessage } from './worker-protocol';

/** What a handler may do besides returning its result: stream a large result in chunks. */
export interface TaskContext {
  /**
   * Sends the next chunk; resolves at once while fewer than CHUNK_WINDOW chunks wait for the pool, else once the
   * pool consumed one. A handler awaits it before producing the next chunk.
   */
  emit(chunk: string): Promise<void>;
}

/** A streaming task's chunks not yet consumed by the pool, and the handler waiting for room, if it is. */
interface Flow {
  unconsumed: number;
  resume?: () => void;
}

export type TaskHandler = (args: never, context: TaskContext) => unknown;

function shapeOf(error: unknown): ErrorShape {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, details } = error as Error & { code?: unknown; details?: Record<string, unknown> };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(details !== undefined ? { details } : {}),
  };
}

/**
 * Serves the pool's tasks inside a worker thread, one at a time in arrival order: each handler runs to its end
 * (awaiting a promise it returns) before the next task starts, so a worker never interleaves two analyses. A
 * streamed result goes out at the pace the pool consumes it (see CHUNK_WINDOW).
 */
export function serveTasks(handlers: Record<string, TaskHandler>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks runs inside a worker thread');
  const post = (reply: ReplyMessage) => port.postMessage(reply);
  const flows = new Map<number, Flow>();
  let queue = Promise.resolve();
  port.on('message', (message: PoolMessage) => {
    if (message.type === 'ack') {
      const flow = flows.get(message.id);
      if (flow === undefined) return;
      flow.unconsumed -= 1;
      const resume = flow.resume;
      flow.resume = undefined;
      resume?.();
      return;
    }
    const task = message;
    queue = queue.then(async () => {
      const flow: Flow = { unconsumed: 0 };
      flows.set(task.id, flow);
      try {
        const handler = handlers[task.op];
        if (handler === undefined) throw new Error(`unknown task ${task.op}`);
        const context: TaskContext = {
          emit: async (chunk) => {
            post({ id: task.id, type: 'chunk', chunk });
            flow.unconsumed += 1;
            while (flow.unconsumed >= CHUNK_WINDOW) {
              await new Promise<void>((resolve) => (flow.resume = resolve));
            }
          },
        };
        post({ id: task.id, type: 'result', value: await handler(task.args as never, context) });
      } catch (error) {
        post({ id: task.id, type: 'error', error: shapeOf(error) });
      } finally {
        flows.delete(task.id);
      }
    });
  });
}
