import { readInteger } from '../config/env-readers';

/**
 * Requests per minute that one caller (an API key, or a client address where there is no key) may send,
 * per bucket; 0 turns a bucket off. Every limited request counts in `requests`; uploads and heavy
 * requests count in their own stricter bucket as well.
 */
export interface RateLimits {
  /** PODREACH_RATE_LIMIT: every request except the probes and metrics. */
  requests: number;
  /** PODREACH_RATE_LIMIT_UPLOADS: snapshot uploads and what-if requests, which decode a whole body. */
  uploads: number;
  /** PODREACH_RATE_LIMIT_HEAVY: full connectivity and diffs (REST or GraphQL), the costliest answers. */
  heavy: number;
}

/** Every limit counts requests in a sliding window of one minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The highest limit accepted: far above anything one process can serve in a minute. */
const MAX_PER_MINUTE = 1_000_000;

/** PODREACH_RATE_LIMIT: requests per minute per caller (default 1200, 0 turns the limit off). */
export function readRequestLimit(env: NodeJS.ProcessEnv): number {
  return readInteger(env, 'PODREACH_RATE_LIMIT', 1200, 0, MAX_PER_MINUTE);
}

/** PODREACH_RATE_LIMIT_UPLOADS: uploads and what-ifs per minute per caller (default 60, 0 turns it off). */
export function readUploadLimit(env: NodeJS.ProcessEnv): number {
  return readInteger(env, 'PODREACH_RATE_LIMIT_UPLOADS', 60, 0, MAX_PER_MINUTE);
}

/** PODREACH_RATE_LIMIT_HEAVY: connectivity and diff requests per minute per caller (default 120, 0: off). */
export function readHeavyLimit(env: NodeJS.ProcessEnv): number {
  return readInteger(env, 'PODREACH_RATE_LIMIT_HEAVY', 120, 0, MAX_PER_MINUTE);
}
