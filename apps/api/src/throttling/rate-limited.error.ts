import { HeaderMap } from '@apollo/server';
import { ApiError } from '../common/api-error';
import type { RateLimitBucket } from './rate-limit-buckets';
import { RATE_LIMIT_WINDOW_MS } from './rate-limit-config';

const BUCKET_WORDS: Record<RateLimitBucket, string> = {
  requests: 'requests',
  uploads: 'uploads and what-if requests',
  heavy: 'connectivity and diff requests',
};

/**
 * A caller went over one of its rate limits. REST answers 429 through the exception filter (the guard
 * sets `Retry-After`); GraphQL reads `extensions.http` of a resolver's error, so the same error gives a
 * GraphQL answer the same status and header.
 */
export class RateLimitedError extends ApiError {
  readonly extensions: { http: { status: number; headers: HeaderMap } };

  constructor(
    bucket: RateLimitBucket,
    limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      'RATE_LIMITED',
      `Rate limit exceeded: at most ${limit} ${BUCKET_WORDS[bucket]} per minute; retry in ${retryAfterSeconds} s`,
      { bucket, limit, windowSeconds: RATE_LIMIT_WINDOW_MS / 1000, retryAfterSeconds },
    );
    this.extensions = {
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    };
  }
}
