import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorCode } from './api-error';
import { toErrorResponse, type ErrorResponse } from './error-response';

/** A status and an error body for limits of the HTTP layer, which have statuses of their own. */
function answer(
  status: number,
  code: ApiErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): ErrorResponse {
  return { status, body: { error: { code, message, details } } };
}

/**
 * Answers the errors Fastify raises before any route is chosen, in the one error shape: a URL whose
 * percent-escapes do not decode (`/api/v1/snapshots/%zz`, 400) or a path segment past the router's
 * `maxParamLength` (414). They never reach Nest's exception filter, and Fastify's own body would be
 * `{ statusCode, code, error, message }`.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const { status, body, cause } =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? answer(414, 'LIMIT_EXCEEDED', error.message)
      : toErrorResponse(error);
  if (cause !== undefined) request.log.error({ err: cause }, 'Unexpected error while routing a request');
  void reply.status(status).send(body);
}

/** What Node's HTTP parser reports for a request it cannot read, as a status and an error body. */
function clientErrorAnswer(code: string | undefined) {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return answer(
      431,
      'LIMIT_EXCEEDED',
      'The request line and headers exceed 16 KiB; send long values in a request body',
    );
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return answer(408, 'LIMIT_EXCEEDED', 'The request did not arrive in time (PODREACH_REQUEST_TIMEOUT_MS)', {
      setting: 'PODREACH_REQUEST_TIMEOUT_MS',
    });
  }
  return answer(400, 'BAD_USER_INPUT', 'Malformed HTTP request');
}

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (headers past 16 KiB, a broken
 * request line, a timeout) in the one error shape, then closes the connection as Node and Fastify do.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = clientErrorAnswer(error.code);
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
