import { HttpException } from '@nestjs/common';
import { EngineError } from '@podreach/policy-engine';
import { ApiError, type ApiErrorCode } from './api-error';

/** The one error shape of every HTTP response: `{ "error": { "code", "message", "details" } }`. */
export interface ErrorBody {
  error: { code: ApiErrorCode; message: string; details: Record<string, unknown> };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** Set for faults of the service: the cause to log (it is not sent). */
  cause?: unknown;
}

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  PARSE_ERROR: 400,
  BAD_USER_INPUT: 400,
  AMBIGUOUS: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'LIMIT_EXCEEDED',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Fastify's own errors (body parsing, limits, media types) carry a status and an `FST_` code. */
interface FastifyLikeError {
  statusCode: number;
  code: string;
  message: string;
}

function isFastifyError(error: unknown): error is FastifyLikeError {
  const candidate = error as Partial<FastifyLikeError> | null;
  return (
    typeof candidate?.statusCode === 'number' &&
    typeof candidate.code === 'string' &&
    candidate.code.startsWith('FST_')
  );
}

function respond(code: ApiErrorCode, message: string, details: Record<string, unknown> = {}): ErrorResponse {
  return { status: STATUS_BY_CODE[code], body: { error: { code, message, details } } };
}

/** Which code a Fastify or Nest HTTP error stands for; a malformed body is a parse error. */
function codeForStatus(status: number, fastifyCode?: string): ApiErrorCode | undefined {
  if (status === 400 && fastifyCode !== undefined && fastifyCode.startsWith('FST_ERR_CTP'))
    return 'PARSE_ERROR';
  return CODE_BY_STATUS[status];
}

/**
 * Turns anything thrown while serving a request into the status and body to send. Domain errors keep
 * their code, message and details; HTTP-level errors of Nest and Fastify get the matching code; any
 * other error is a 500 whose cause is returned separately, for the log only.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof EngineError || error instanceof ApiError) {
    return respond(error.code, error.message, error.details);
  }
  // Nest wraps Fastify's own errors (malformed body, media type) in an HttpException.
  const fastifyError = error instanceof HttpException ? error.cause : error;
  if (isFastifyError(fastifyError)) {
    const code = codeForStatus(fastifyError.statusCode, fastifyError.code);
    if (code !== undefined) return respond(code, fastifyError.message);
  }
  if (error instanceof HttpException) {
    const code = codeForStatus(error.getStatus());
    // A failed health check (503) carries which indicator is down: worth returning.
    const response = error.getResponse();
    const details = code === 'UNAVAILABLE' && typeof response === 'object' ? { ...response } : {};
    if (code !== undefined) return respond(code, error.message, details);
  }
  return { ...respond('INTERNAL', 'Internal server error'), cause: error };
}
