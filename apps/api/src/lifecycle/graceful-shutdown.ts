import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** How long closing the database may take after the requests are done, before the process gives up. */
const CLOSE_TIMEOUT_MS = 10_000;
const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Shuts the service down on SIGTERM or SIGINT, in the order that loses no request:
 * 1. stop listening, so new connections are refused, and close idle keep-alive connections; a request
 *    arriving on a connection still open gets 503 with `Connection: close` (Fastify's own rule);
 * 2. let requests in flight finish, each answered with `Connection: close`, for at most `graceMs`,
 *    then cut the connections still open;
 * 3. close the application: the database pool or the embedded database last, once no request uses it;
 * 4. exit 0 once nothing is left open, or 1 when closing failed or hung. A second signal exits at once.
 * Nest's own shutdown hooks would close the database before the HTTP server and end the process with
 * the signal, not with 0, so they are not enabled.
 */
export function registerGracefulShutdown(app: NestFastifyApplication, graceMs: number): void {
  const logger = new Logger('Shutdown');
  const instance = app.getHttpAdapter().getInstance();
  let shuttingDown = false;

  // Without this a client's keep-alive connection would outlive its answer and hold the close up.
  instance.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) void reply.header('connection', 'close');
  });

  const giveUp = (reason: string) => {
    logger.error(`Shutdown did not finish: ${reason}; exiting with 1`);
    process.exit(1);
  };

  const shutDown = async (signal: NodeJS.Signals) => {
    shuttingDown = true;
    setTimeout(() => giveUp('something is still open'), graceMs + CLOSE_TIMEOUT_MS).unref();
    logger.log(`${signal}: refusing new connections; requests in flight have ${graceMs} ms to finish`);
    const cut = setTimeout(() => {
      logger.warn(`Requests still in flight after ${graceMs} ms: closing their connections`);
      instance.server.closeAllConnections();
    }, graceMs);
    try {
      await instance.close();
      clearTimeout(cut);
      await app.close();
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      process.exit(1);
    }
    logger.log('Shut down: requests finished, database closed');
    process.exitCode = 0;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) giveUp(`${signal} received while shutting down`);
    else void shutDown(signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
