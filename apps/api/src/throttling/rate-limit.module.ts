import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import { specialBucket, type RateLimitBucket } from './rate-limit-buckets';
import { RATE_LIMIT_WINDOW_MS, type RateLimits } from './rate-limit-config';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * The named throttlers of the enabled buckets. `blockDuration: 0` makes each a sliding window: a refused
 * request does not count, and a caller may send again as soon as its oldest request leaves the window.
 */
export function rateLimitThrottlers(limits: RateLimits): ThrottlerOptions[] {
  const bucket = (name: RateLimitBucket, skipIf?: ThrottlerOptions['skipIf']): ThrottlerOptions[] =>
    limits[name] > 0
      ? [{ name, limit: limits[name], ttl: RATE_LIMIT_WINDOW_MS, blockDuration: 0, skipIf }]
      : [];
  return [
    ...bucket('requests'),
    ...bucket('uploads', (context) => specialBucket(context) !== 'uploads'),
    ...bucket('heavy', (context) => specialBucket(context) !== 'heavy'),
  ];
}

/**
 * Rate limits per caller on every REST route and GraphQL operation (a global guard), counted in this
 * process's memory: behind several replicas each one counts on its own, so a caller may reach the limit
 * once per replica.
 */
@Module({})
export class RateLimitModule {
  static forRoot(limits: RateLimits): DynamicModule {
    const throttlers = rateLimitThrottlers(limits);
    if (throttlers.length === 0) return { module: RateLimitModule };
    return {
      module: RateLimitModule,
      // The guard sets Retry-After itself; the X-RateLimit-* headers of every answer are left out.
      imports: [ThrottlerModule.forRoot({ throttlers, setHeaders: false })],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
