import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUnlimitedRoute, type RateLimitBucket } from './rate-limit-buckets';
import { RateLimitedError } from './rate-limited.error';

/**
 * @nestjs/throttler's guard, fitted to podreach: a caller is its API key, or its address where there is
 * no key (local mode); counts are per caller and bucket across every route, not per route; GraphQL
 * requests count once, whatever number of root fields they ask for; going over answers 429 in the
 * service's error shape with `Retry-After` in seconds.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** The verdict on each GraphQL request, whose root fields each pass through the guard. */
  private readonly graphqlVerdicts = new WeakMap<object, Promise<boolean>>();

  override canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return super.canActivate(context);
    const { req } = this.getRequestResponse(context);
    let verdict = this.graphqlVerdicts.get(req);
    if (verdict === undefined) {
      verdict = super.canActivate(context);
      this.graphqlVerdicts.set(req, verdict);
    }
    return verdict;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return (
      context.getType() === 'http' && isUnlimitedRoute(context.switchToHttp().getRequest<FastifyRequest>())
    );
  }

  protected override getRequestResponse(context: ExecutionContext): {
    req: Record<string, unknown>;
    res: Record<string, unknown>;
  } {
    if (context.getType<GqlContextType>() !== 'graphql') return super.getRequestResponse(context);
    const { req } = GqlExecutionContext.create(context).getContext<{ req: FastifyRequest }>();
    // The GraphQL context holds no reply: Retry-After travels in the error (RateLimitedError).
    return { req: req as unknown as Record<string, unknown>, res: {} };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const keyId = (req as unknown as FastifyRequest).principal?.keyId;
    // The parent's tracker is the client address, IPv6 addresses grouped by their /56 network.
    return keyId ? `key:${keyId}` : `address:${await super.getTracker(req)}`;
  }

  /** One count per caller and bucket, the bucket first (read back by throwThrottlingException). */
  protected override generateKey(_context: ExecutionContext, tracker: string, bucket: string): string {
    return `${bucket} ${tracker}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const bucket = detail.key.slice(0, detail.key.indexOf(' ')) as RateLimitBucket;
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire);
    if (context.getType() === 'http') {
      void context
        .switchToHttp()
        .getResponse<FastifyReply>()
        .header('retry-after', String(retryAfterSeconds));
    }
    throw new RateLimitedError(bucket, detail.limit, retryAfterSeconds);
  }
}
