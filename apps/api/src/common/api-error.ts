import type { EngineErrorCode } from '@podreach/policy-engine';

/** Codes the service adds to the engine's own: every error response carries one of these. */
export type ApiErrorCode =
  | EngineErrorCode
  /** The request conflicts with stored state, e.g. an Idempotency-Key reused for another upload. */
  | 'CONFLICT'
  /** The body's Content-Type is not one this route reads. */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** No API key, or one that is unknown, revoked or expired (401, with `WWW-Authenticate: Bearer`). */
  | 'UNAUTHENTICATED'
  /** The API key lacks the scope the request needs, or may not act on the cluster it names. */
  | 'FORBIDDEN'
  /** Too many requests; retry later. */
  | 'RATE_LIMITED'
  /** Not ready to serve (e.g. the database is unreachable); `details` says what is down. */
  | 'UNAVAILABLE'
  /** A fault of the service; the cause is logged, never returned. */
  | 'INTERNAL';

/** A domain error raised by the service layer (not the engine); mapped to HTTP by the exception filter. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
