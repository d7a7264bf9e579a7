import type { FastifyInstance } from 'fastify';
import type { MetricsService } from './metrics.service';

/**
 * Observes every response, including errors and unknown routes, labelled by the route pattern
 * (`/api/v1/snapshots/:id`) so that ids in URLs do not explode the number of series.
 */
export function registerHttpMetrics(instance: FastifyInstance, metrics: MetricsService): void {
  instance.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}
