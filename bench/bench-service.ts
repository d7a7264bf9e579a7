/**
 * The service as the benchmarks run it: the real Nest application on loopback, with quiet logs, the count
 * limits raised for the largest sizes and an admin API key, so that it answers the same whether auth is on
 * or off.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_OPTIONS, configureApp, createFastifyAdapter } from '../apps/api/src/app-setup';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '../apps/api/src/config/app-config';
import { BENCH_MAX_POLICIES, BENCH_MAX_WORKLOADS_AND_PODS } from './bench-limits';

/** Where the benchmarked service keeps its data: a PostgreSQL database URL, or in-memory PGlite. */
export type BenchDatabase = { kind: 'postgres'; url: string } | { kind: 'pglite' };

/** A fresh admin key in the shape API keys have (`prk_`, then 43 URL-safe characters), new for every run. */
export function benchApiKey(): string {
  return `prk_${randomBytes(32).toString('base64url')}`;
}

/** The highest per-key rate limit the service accepts: its limiter still runs, but never answers 429. */
const UNREACHABLE_RATE_LIMIT = 1_000_000;

/**
 * The environment the service reads at start: the database, loopback on a free port, warnings only (a log
 * line per request would be measured too), the raised count limits, a rate limit no run reaches, and
 * `PODREACH_ADMIN_KEY`.
 */
export function benchServiceEnv(database: BenchDatabase, adminKey: string): Record<string, string> {
  return {
    ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : { PODREACH_DATA_DIR: ':memory:' }),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    PODREACH_MAX_WORKLOADS_AND_PODS: String(BENCH_MAX_WORKLOADS_AND_PODS),
    PODREACH_MAX_POLICIES: String(BENCH_MAX_POLICIES),
    PODREACH_RATE_LIMIT: String(UNREACHABLE_RATE_LIMIT),
    PODREACH_ADMIN_KEY: adminKey,
  };
}

export interface BenchService {
  app: NestFastifyApplication;
  /** The base URL it listens on, e.g. `http://127.0.0.1:41234`. */
  url: string;
}

/** Boots the service as `main.ts` does, from `env` (see `benchServiceEnv`), and starts listening. */
export async function startBenchService(env: Record<string, string | undefined>): Promise<BenchService> {
  const config = loadConfig(env);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    { ...APP_OPTIONS, logger: ['error', 'warn'] },
  );
  try {
    configureApp(app, config);
    await app.listen(config.port, config.host);
    return { app, url: await app.getUrl() };
  } catch (error) {
    await app.close();
    throw error;
  }
}
