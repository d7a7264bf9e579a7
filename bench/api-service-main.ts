/**
 * Entry of the service process of the API stage (see api-service.ts): the service runs apart from the load
 * generator, so that the two do not share one event loop and the latencies are the service's own.
 */
import { startBenchService } from './bench-service';
import type { ServiceMessage, ServiceRequest } from './api-service-protocol';

function send(message: ServiceMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  // The parent sets the whole environment (benchServiceEnv), as an operator's start script would.
  const { app, url } = await startBenchService(process.env);
  process.on('message', (request: ServiceRequest) => {
    if (request.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', ms: (user + system) / 1000 });
    }
  });
  // The parent closing the channel (on purpose or by dying) ends the service.
  process.on('disconnect', () => {
    void app.close().then(() => process.exit(0));
  });
  send({ type: 'listening', url });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
