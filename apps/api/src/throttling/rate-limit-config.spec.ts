import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config';
import { rateLimitThrottlers } from './rate-limit.module';

describe('rate limit configuration', () => {
  it('defaults to limits a busy dashboard and a CI bot stay under', () => {
    expect(loadConfig({}).rateLimits).toEqual({ requests: 1200, uploads: 60, heavy: 120 });
  });

  it.each(['PODREACH_RATE_LIMIT', 'PODREACH_RATE_LIMIT_UPLOADS', 'PODREACH_RATE_LIMIT_HEAVY'])(
    'refuses a %s that is not a whole number',
    (name) => {
      expect(() => loadConfig({ [name]: '10/min' })).toThrow(name);
    },
  );

  it('has one throttler per bucket, each over one minute, and 0 turns a bucket off', () => {
    const names = (limits: { requests: number; uploads: number; heavy: number }) =>
      rateLimitThrottlers(limits).map(({ name, limit, ttl }) => ({ name, limit, ttl }));
    expect(names({ requests: 5, uploads: 2, heavy: 3 })).toEqual([
      { name: 'requests', limit: 5, ttl: 60_000 },
      { name: 'uploads', limit: 2, ttl: 60_000 },
      { name: 'heavy', limit: 3, ttl: 60_000 },
    ]);
    expect(names({ requests: 0, uploads: 2, heavy: 0 })).toEqual([
      { name: 'uploads', limit: 2, ttl: 60_000 },
    ]);
    expect(rateLimitThrottlers({ requests: 0, uploads: 0, heavy: 0 })).toEqual([]);
  });
});
