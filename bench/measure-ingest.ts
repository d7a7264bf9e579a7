/**
 * Ingest into PostgreSQL: the service booted in this process on a fresh database, and the
 * gzipped kubectl List uploaded over HTTP as a client would, timed from the first byte sent to the answer.
 */
import { freshBenchDatabase } from './bench-database';
import { benchApiKey, benchServiceEnv, startBenchService } from './bench-service';
import type { Reporter } from './figures';
import type { ClusterStats } from './generator';
import { benchUploadUrl, uploadGzippedList } from './http-upload';
import { peakRssMb, timedAsync } from './timing';

export async function measureIngest(
  listFile: string,
  stats: ClusterStats,
  adminDatabaseUrl: string,
  report: Reporter,
): Promise<void> {
  const database = await freshBenchDatabase(adminDatabaseUrl);
  try {
    const apiKey = benchApiKey();
    const { app, url } = await startBenchService(
      benchServiceEnv({ kind: 'postgres', url: database.url }, apiKey),
    );
    try {
      await measureUpload(benchUploadUrl(url, stats.size, stats.seed), listFile, apiKey, stats, report);
    } finally {
      await app.close();
    }
  } finally {
    await database.drop();
  }
}

async function measureUpload(
  target: URL,
  listFile: string,
  apiKey: string,
  stats: ClusterStats,
  report: Reporter,
): Promise<void> {
  const { result, ms, cpuMs } = await timedAsync(() => uploadGzippedList(target, listFile, apiKey));
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
}
