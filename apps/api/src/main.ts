import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_OPTIONS, configureApp, createFastifyAdapter } from './app-setup';
import { AppModule } from './app.module';
import { loadConfig, type AppConfig } from './config/app-config';
import { ConfigError } from './config/env-readers';
import { registerGracefulShutdown } from './lifecycle/graceful-shutdown';

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`podreach cannot start. ${error.message}\n`);
    process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    APP_OPTIONS,
  );
  configureApp(app, config);
  registerGracefulShutdown(app, config.http.shutdownGraceMs);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  const database = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.database.dataDir})`;
  process.stdout.write(`podreach is serving ${url} on ${database}; API docs at ${url}/api/docs\n`);
  process.stdout.write(
    config.auth.enabled
      ? 'authentication is on: send an API key as Authorization: Bearer <key>\n'
      : `authentication is off: local mode (embedded database on ${config.host}), so anyone on this ` +
          'machine can read and change everything; PODREACH_AUTH=on requires API keys\n',
  );
}

void bootstrap();
