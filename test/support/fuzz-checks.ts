import fc from 'fast-check';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import type { TestApp } from './test-app';

/**
 * Settings and checks shared by the fuzz suites. Runs are seeded: a failure prints fast-check's
 * `{ seed, path }`, and `FUZZ_SEED=<seed>` replays the same inputs. `FUZZ_RUNS_SCALE=10` runs ten
 * times as many inputs for a deeper search than `npm test` can afford.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS_SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);

/** Time for one fuzz test: the e2e default (60 s), scaled with the number of runs. */
export const FUZZ_TIMEOUT_MS = 60_000 * Math.max(1, RUNS_SCALE);

/** fast-check parameters for a property that may take `numRuns` inputs in an ordinary test run. */
export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_SCALE)), endOnFailure: true };
}

/** The status each error code is sent with (README, "Every error has one shape"). */
export const STATUS_OF_CODE: Readonly<Record<string, number>> = {
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
};

/**
 * Environment of a fuzzed service: rate limits off, since a fuzz run sends far more requests a minute
 * than any caller may.
 */
export const FUZZ_ENV: Readonly<Record<string, string>> = {
  PODREACH_RATE_LIMIT: '0',
  PODREACH_RATE_LIMIT_UPLOADS: '0',
  PODREACH_RATE_LIMIT_HEAVY: '0',
};

/** What a failed request said, for assertion messages: status, method and URL, and the body's start. */
export function describeResponse(res: Response): string {
  const { method, url } = res.request as unknown as { method: string; url: string };
  return `${res.status} for ${method} ${url.slice(0, 300)}: ${res.text?.slice(0, 500)}`;
}

/**
 * A response is a success, or a client error in the one error shape whose code matches its status:
 * never a 5xx, never Fastify's or Nest's own error bodies.
 */
export function expectSuccessOrClientError(res: Response): void {
  expect(res.status < 500, describeResponse(res)).toBe(true);
  if (res.status < 400) return;
  expectErrorShape(res);
}

/** `{ "error": { "code", "message", "details" } }` with a code that belongs to the status. */
export function expectErrorShape(res: Response): void {
  const context = describeResponse(res);
  expect(res.headers['content-type'], context).toMatch(/^application\/json/);
  expect(Object.keys(res.body ?? {}), context).toEqual(['error']);
  const { code, message, details } = res.body.error;
  // Limits of the HTTP layer have statuses of their own: a path segment past the router's length (414),
  // headers past 16 KiB (431), a request that arrives too slowly (408).
  const httpLimit = code === 'LIMIT_EXCEEDED' && [408, 414, 431].includes(res.status);
  expect(httpLimit ? res.status : STATUS_OF_CODE[code], context).toBe(res.status);
  expect(typeof message, context).toBe('string');
  expect(message.length, context).toBeGreaterThan(0);
  expect(details !== null && typeof details === 'object' && !Array.isArray(details), context).toBe(true);
  if (code === 'VALIDATION_FAILED') {
    for (const problem of details.problems) {
      expect(typeof problem.document, context).toBe('string');
      expect(typeof problem.path, context).toBe('string');
      expect(typeof problem.message, context).toBe('string');
    }
  }
}

/** The service still answers: nothing a request did took the process or its event loop down. */
export async function expectStillServing(t: TestApp): Promise<void> {
  const res = await t.http().get('/healthz');
  expect(res.status, describeResponse(res)).toBe(200);
}
