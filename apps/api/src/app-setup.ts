import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { registerBodyParsers } from './common/body-parsers';
import { registerRequestIdHeader, requestId } from './common/request-id';
import type { AppConfig } from './config/app-config';
import { registerHttpMetrics } from './metrics/http-metrics.hook';
import { MetricsService } from './metrics/metrics.service';

/** Options for creating the Nest application: the service parses request bodies itself. */
export const APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/** The Fastify adapter the service runs on. */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, genReqId: requestId });
}

/**
 * Everything between creating the application and listening, shared by `main.ts` and the end-to-end
 * tests so that both run the same service: logger, body parsers, metrics, error shape, OpenAPI.
 */
export function configureApp(app: NestFastifyApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  const instance = app.getHttpAdapter().getInstance();
  registerRequestIdHeader(instance);
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
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
}
