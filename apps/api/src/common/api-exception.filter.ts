import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toErrorResponse } from './error-response';

/**
 * The one place errors become HTTP responses. The domain throws EngineError or ApiError with a code;
 * this filter sends `{ error: { code, message, details } }` with the code's status, and logs the real
 * cause of unexpected errors without sending it.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL answers errors inside its response: graphql/graphql-errors.ts maps their codes.
    if (host.getType<string>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, cause } = toErrorResponse(exception);
    if (cause !== undefined) this.logger.error({ err: cause }, 'Unexpected error while serving a request');
    if (status === 413) {
      // The client may still be sending a body we will not read.
      reply.header('connection', 'close');
    }
    void reply.status(status).send(body);
  }
}
