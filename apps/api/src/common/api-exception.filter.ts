import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toErrorResponse, type ErrorResponse } from './error-response';

/**
 * The `Retry-After` of an answer that asks the client to come back (429, 503), from the seconds its details
 * carry (`retryAfterSeconds`); undefined for any other answer.
 */
function retryAfterOf({ status, body }: ErrorResponse): string | undefined {
  const seconds = body.error.details.retryAfterSeconds;
  const retryable = status === 429 || status === 503;
  return retryable && Number.isInteger(seconds) && (seconds as number) > 0 ? String(seconds) : undefined;
}

/**
 * The one place errors become HTTP responses. The domain throws EngineError or ApiError with a code;
 * this filter sends `{ error: { code, message, details } }` with the code's status (and `Retry-After` when
 * the details say when to retry), and logs the real cause of unexpected errors without sending it.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL answers errors inside its response: graphql/graphql-errors.ts maps their codes.
    if (host.getType<string>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = toErrorResponse(exception);
    const { status, body, cause } = response;
    if (cause !== undefined) this.logger.error({ err: cause }, 'Unexpected error while serving a request');
    const retryAfter = retryAfterOf(response);
    if (retryAfter !== undefined) reply.header('retry-after', retryAfter);
    if (status === 413) {
      // The client may still be sending a body we will not read.
      reply.header('connection', 'close');
    }
    void reply.status(status).send(body);
  }
}
