/**
 * Ingest into PostgreSQL: the service booted in this process on a fresh `podreach_bench` database, and the
 * gzipped kubectl List uploaded over HTTP as a client would, timed from the first byte sent to the answer.
 */
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { request } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_OPTIONS, configureApp, createFastifyAdapter } from '../apps/api/src/app-setup';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '../apps/api/src/config/app-config';
import { BENCH_MAX_POLICIES, BENCH_MAX_WORKLOADS_AND_PODS } from './bench-limits';
import { freshBenchDatabase } from './bench-database';
import type { Reporter } from './figures';
import type { ClusterStats } from './generator';
import { peakRssMb, timedAsync } from './timing';

export async function measureIngest(
  listFile: string,
  stats: ClusterStats,
  adminDatabaseUrl: string,
  report: Reporter,
): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: await freshBenchDatabase(adminDatabaseUrl),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    PODREACH_MAX_PODS: String(BENCH_MAX_WORKLOADS_AND_PODS),
    PODREACH_MAX_POLICIES: String(BENCH_MAX_POLICIES),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    { ...APP_OPTIONS, logger: ['error', 'warn'] },
  );
  try {
    configureApp(app, config);
    await app.listen(0, '127.0.0.1');
    const url = new URL(
      `/api/v1/snapshots?cluster=bench-${stats.size}&label=seed-${stats.seed}`,
      await app.getUrl(),
    );
    const { result, ms, cpuMs } = await timedAsync(() => upload(url, listFile));
    if (result.status !== 201) {
      throw new Error(`upload answered ${result.status}: ${result.body.slice(0, 500)}`);
    }
    report.figure({
      id: 'ingest.seconds',
      label: 'ingest into PostgreSQL (HTTP, gzipped List)',
      value: ms / 1000,
      unit: 's',
      cpu: cpuMs / 1000,
    });
    report.figure({
      id: 'ingest.podsPerSecond',
      label: 'ingest into PostgreSQL',
      value: stats.pods / (ms / 1000),
      unit: 'pods/s',
      note: `${stats.objects} objects; CPU is the service's only, not PostgreSQL's`,
    });
    report.figure({
      id: 'ingest.peakRssMb',
      label: 'peak RSS (service during ingest)',
      value: peakRssMb(),
      unit: 'MB',
    });
  } finally {
    await app.close();
  }
}

/** POSTs the gzipped file as a stream and collects the answer. */
function upload(url: URL, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    createReadStream(file).on('error', reject).pipe(req);
  });
}
