import { HeaderMap } from '@apollo/server';
import { ApiError } from '../common/api-error';

/** Why an analysis could not be answered now: the queue was full, or the worker running it stopped. */
export type UnavailableReason = 'analysisQueueFull' | 'analysisWorkerLost';

/**
 * An analysis that cannot be answered now but may be shortly: 503 UNAVAILABLE with `Retry-After`. REST reads
 * `details.retryAfterSeconds` (the exception filter sets the header); GraphQL reads `extensions.http`, as for
 * RateLimitedError, so a GraphQL answer gets the same status and header.
 */
export class AnalysisUnavailableError extends ApiError {
  readonly extensions: { http: { status: number; headers: HeaderMap } };

  constructor(message: string, reason: UnavailableReason, retryAfterSeconds: number) {
    super('UNAVAILABLE', message, { reason, retryAfterSeconds });
    this.extensions = {
      http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    };
  }
}
