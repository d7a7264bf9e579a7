import { threadId } from 'node:worker_threads';
import { EngineError } from '@podreach/policy-engine';
import { serveTasks } from '../worker-host';

/** A worker for the pool's tests: each task shows one thing a real worker may do. */
serveTasks({
  echo: (args: unknown) => ({ args, threadId }),
  fail: () => {
    throw new EngineError('NOT_FOUND', 'no such thing', { name: 'thing' });
  },
  sleep: (ms: number) => new Promise((resolve) => setTimeout(() => resolve(threadId), ms)),
  stream: async (count: number, context) => {
    for (let i = 0; i < count; i++) await context.emit(`chunk ${i};`);
    return count;
  },
  crash: () => process.exit(3),
});
