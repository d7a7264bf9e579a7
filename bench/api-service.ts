/** Starts the service in a child process for the API stage, and asks it for its CPU time. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ServiceMessage } from './api-service-protocol';

/** Heap room as for the stages themselves: an XL analysis takes gigabytes. */
const SERVICE_HEAP_MB = 16_384;
/** How long a service may take to close before it is killed. */
const STOP_GRACE_MS = 10_000;

export interface ApiServiceProcess {
  /** The base URL it listens on. */
  url: string;
  /** CPU time (user + system) the service process has spent since it started. */
  cpuMs(): Promise<number>;
  /** Closes the service and waits for its process to end. */
  stop(): Promise<void>;
}

/**
 * Forks `api-service-main.js` with exactly `env` (plus PATH): nothing of the bench's own environment,
 * such as a DATABASE_URL meant for something else, reaches the service.
 */
export function startApiService(env: Record<string, string>): Promise<ApiServiceProcess> {
  const child = fork(join(__dirname, 'api-service-main.js'), [], {
    env: { PATH: process.env.PATH, ...env },
    execArgv: [`--max-old-space-size=${SERVICE_HEAP_MB}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`the service process ended before listening (${signal ?? `exit code ${code}`})`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', (message: ServiceMessage) => {
      if (message.type === 'failed') reject(new Error(`the service did not start: ${message.message}`));
      if (message.type !== 'listening') return;
      child.off('exit', onExit);
      resolve({ url: message.url, cpuMs: () => askCpu(child), stop: () => stop(child) });
    });
  });
}

async function askCpu(child: ChildProcess): Promise<number> {
  const answer = new Promise<number>((resolve, reject) => {
    const onExit = () => reject(new Error('the service process ended during the run'));
    const listen = (message: ServiceMessage) => {
      if (message.type !== 'cpu') return;
      child.off('message', listen);
      child.off('exit', onExit);
      resolve(message.ms);
    };
    child.on('message', listen);
    child.once('exit', onExit);
  });
  child.send({ type: 'cpu' });
  return answer;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  child.disconnect();
  await exited;
  clearTimeout(timer);
}
