import { join } from 'node:path';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { APP_OPTIONS, configureApp, createFastifyAdapter } from '../../apps/api/src/app-setup';
import { AppModule } from '../../apps/api/src/app.module';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import { PrismaService } from '../../apps/api/src/database/prisma.service';
import { ANALYSIS_WORKER_ENTRY } from '../../apps/api/src/analysis-pool/analysis-pool.service';
import { compileService, type CompiledService } from './service-process';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** supertest on the running application: `http().get('/readyz')`. */
  http(): ReturnType<typeof request>;
  /** Runs SQL on the application's database, to check what was and was not stored. */
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables on top of the test defaults (quiet logs, in-memory database). */
  env?: Record<string, string>;
  /** Replace providers, e.g. a repository that fails on purpose. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /**
   * Whether requests need an API key: off by default, so that tests of everything else need none. Set in
   * the configuration, past the environment's rule that allows `off` only in local mode, since the tests
   * run on PostgreSQL too.
   */
  auth?: 'on' | 'off';
}

let compiled: Promise<CompiledService> | undefined;

/**
 * The analysis worker's entry: worker threads run JavaScript, so the sources are compiled once per test file
 * (as the process tests do) and the compiled files removed when the test process ends.
 */
async function workerEntry(): Promise<string> {
  if (compiled === undefined) {
    compiled = compileService();
    const service = await compiled;
    process.once('exit', () => service.remove());
  }
  return join((await compiled).dir, 'apps/api/src/analysis-pool/analysis.worker.js');
}

/**
 * Boots the real service as `main.ts` does, on PostgreSQL when DATABASE_URL is set and on an
 * in-memory PGlite otherwise.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const loaded = loadConfig({
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
    PODREACH_DATA_DIR: ':memory:',
    ...options.env,
  });
  const config: AppConfig = { ...loaded, auth: { ...loaded.auth, enabled: options.auth === 'on' } };
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(ANALYSIS_WORKER_ENTRY)
    .useValue(await workerEntry());
  const moduleRef = await (options.override ? options.override(builder) : builder).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createFastifyAdapter(config),
    APP_OPTIONS,
  );
  configureApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const prisma = app.get(PrismaService);
  return {
    app,
    config,
    http: () => request(app.getHttpServer()),
    sql: (query, ...params) => prisma.$queryRawUnsafe(query, ...params),
    close: () => app.close(),
  };
}

let clusterCount = 0;

/** A cluster name no other test uses, so that tests sharing one PostgreSQL database stay apart. */
export function uniqueCluster(prefix = 'test'): string {
  clusterCount += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${clusterCount}`;
}

export interface UploadOptions {
  contentType?: string;
  contentEncoding?: string;
  idempotencyKey?: string;
}

/**
 * POSTs a snapshot body exactly as given: superagent would otherwise re-serialize a Buffer sent as
 * application/json (gzip bytes among them) into JSON text.
 */
export function upload(t: TestApp, query: string, body: string | Buffer, options: UploadOptions = {}) {
  const req = t
    .http()
    .post(`/api/v1/snapshots?${query}`)
    .set('content-type', options.contentType ?? 'application/json')
    .serialize((data: unknown) => data as string);
  if (options.contentEncoding) req.set('content-encoding', options.contentEncoding);
  if (options.idempotencyKey) req.set('idempotency-key', options.idempotencyKey);
  return req.send(body);
}
