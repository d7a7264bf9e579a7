import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The id of a request, in logs and the `x-request-id` response header: the caller's own when it
 * sends a sane one (so an id follows a request across services), else a new UUID. Fastify stores it
 * on the raw request too, where the request logger picks it up.
 */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Returns every response's request id to the caller. */
export function registerRequestIdHeader(instance: FastifyInstance): void {
  instance.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
