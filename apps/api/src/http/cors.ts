import type { FastifyCorsOptions } from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * What a browser app on an allowed origin may do: every method of the API, with an API key, uploads
 * (`Content-Encoding`, `Idempotency-Key`) and GraphQL's CSRF-prevention header; and read the headers a
 * client acts on. No cookies are involved (keys travel as `Authorization: Bearer`), so no credentials.
 */
function corsOptions(origins: string[]): FastifyCorsOptions {
  return {
    // Exact strings: @fastify/cors compares them with the Origin header as they are.
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'content-encoding',
      'idempotency-key',
      'x-request-id',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ],
    exposedHeaders: ['retry-after', 'www-authenticate', 'x-request-id'],
    credentials: false,
    // Browsers cap this anyway (Chrome at 2 hours); 10 minutes spares most preflights.
    maxAge: 600,
  };
}

/**
 * CORS for the configured origins (PODREACH_CORS_ORIGINS) through Nest's adapter, which runs
 * @fastify/cors before everything else, so that refusals carry the headers too. No origins, no CORS
 * headers at all: browsers then keep other sites' pages from reading any answer.
 */
export function enableCors(app: NestFastifyApplication, origins: string[]): void {
  if (origins.length > 0) app.enableCors(corsOptions(origins));
}
