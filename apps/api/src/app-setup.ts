import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator';
import { registerAuthentication } from './auth/authentication.hook';
import { BEARER_SCHEME, markPublicOperations } from './auth/openapi-security';
import { PrincipalContext } from './auth/principal-context';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { registerBodyParsers } from './common/body-parsers';
import { answerClientError, answerFrameworkError } from './common/framework-errors';
import { registerRequestIdHeader, requestId } from './common/request-id';
import type { AppConfig } from './config/app-config';
import { enableCors } from './http/cors';
import { registerSecurityHeaders } from './http/security-headers';
import { registerHttpMetrics } from './metrics/http-metrics.hook';
import { MetricsService } from './metrics/metrics.service';

/** Options for creating the Nest application: the service parses request bodies itself. */
export const APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/**
 * The Fastify adapter the service runs on, with its timeouts and security headers (registered here, before
 * Nest adds its hooks, so that they reach every answer).
 */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  const { requestTimeoutMs, keepAliveTimeoutMs } = config.http;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestId,
    // Errors raised before routing (a URL that does not decode, headers past 16 KiB) get the one error shape.
    frameworkErrors: answerFrameworkError,
    // Path segments hold names of up to 253 characters (clusters, pods, workloads), percent-encoded at worst.
    routerOptions: { maxParamLength: 3 * 253 },
    clientErrorHandler: answerClientError,
    // One setting bounds both how long a request may take to arrive and how long a connection may be silent.
    requestTimeout: requestTimeoutMs,
    connectionTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
  });
  // NODE_ENV is the Node-wide convention, not a podreach setting (as in api-graphql.module.ts).
  registerSecurityHeaders(adapter.getInstance(), process.env.NODE_ENV === 'production');
  return adapter;
}

/**
 * Everything between creating the application and listening, shared by `main.ts` and the end-to-end
 * tests so that both run the same service: logger, body parsers, metrics, error shape, OpenAPI.
 */
export function configureApp(app: NestFastifyApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  const instance = app.getHttpAdapter().getInstance();
  registerRequestIdHeader(instance);
  enableCors(app, config.http.corsOrigins);
  registerAuthentication(instance, config.auth, app.get(ApiKeyAuthenticator), app.get(PrincipalContext));
  registerBodyParsers(instance, config.bodyLimitBytes);
  registerHttpMetrics(instance, app.get(MetricsService));
  app.useGlobalFilters(new ApiExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('podreach')
      .setDescription(
        'Who can reach this Kubernetes pod, and what changed? Upload cluster snapshots and ask.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key: prk_...' }, BEARER_SCHEME)
      .addSecurityRequirements(BEARER_SCHEME)
      .build(),
  );
  markPublicOperations(document, config.auth.metricsPublic);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
