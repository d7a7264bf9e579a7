import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/**
 * Structured JSON logs, one line per request with its id (see request-id.ts). Only the method, URL
 * and status are logged: never bodies (uploads hold whole clusters) nor headers such as Authorization.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    // nestjs-pino's default route pattern (`{/*splat}`) matches no request under Nest 12 on Fastify,
    // which silently turns request logging off; `*` matches every request.
    forRoutes: ['*'],
    pinoHttp: {
      level: config.logLevel,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
