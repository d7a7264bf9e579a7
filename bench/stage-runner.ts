/** Runs one stage in a child process with a time budget; whatever it reported before a kill is kept. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { StageMessage, StageName, StageRequest } from './stage-protocol';

export interface StageOutcome {
  stage: StageName;
  status: 'ok' | 'failed' | 'timeout' | 'skipped';
  seconds: number;
  /** Why a stage failed or was skipped. */
  reason?: string;
}

/** Heap room for XL: the generated raw objects alone take over a gigabyte. */
const CHILD_HEAP_MB = 16_384;

export function runStage(
  request: StageRequest & { adminDatabaseUrl: string },
  timeoutSeconds: number,
  onMessage: (message: StageMessage) => void,
): Promise<StageOutcome> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  return new Promise((resolve) => {
    const child = fork(join(__dirname, 'stage-main.js'), [JSON.stringify(request)], {
      execArgv: [`--max-old-space-size=${CHILD_HEAP_MB}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('message', (message) => onMessage(message as StageMessage));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ stage: request.stage, status: 'failed', seconds: seconds(), reason: error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({
          stage: request.stage,
          status: 'timeout',
          seconds: seconds(),
          reason: `stopped after ${timeoutSeconds} s`,
        });
      } else if (code === 0) {
        resolve({ stage: request.stage, status: 'ok', seconds: seconds() });
      } else {
        const reason = signal ? `killed by ${signal}` : `exited with code ${code}`;
        resolve({ stage: request.stage, status: 'failed', seconds: seconds(), reason });
      }
    });
  });
}
