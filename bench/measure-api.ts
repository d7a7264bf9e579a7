/**
 * The APIs under load (issue 4): the service started in its own process on a fresh database, the generated
 * cluster uploaded, the analysis warmed, then autocannon asking who may reach a rotating, seeded sample of
 * workloads, over REST and then over GraphQL, with 2 connections for 10 s each.
 */
import { performance } from 'node:perf_hooks';
import { freshBenchDatabase } from './bench-database';
import { benchApiKey, benchServiceEnv, type BenchDatabase } from './bench-service';
import { startApiService, type ApiServiceProcess } from './api-service';
import { listWorkloads, warmUp, type ServiceClient } from './api-warm-up';
import type { Reporter } from './figures';
import type { ClusterStats } from './generator';
import { benchUploadUrl, uploadGzippedList } from './http-upload';
import { GRAPHQL_PAGE, graphqlIngressBody, restIngressPath, type WorkloadName } from './ingress-requests';
import { runLoad } from './load-run';
import { INGRESS_SAMPLE, sampleWorkloads } from './sampling';

const CONNECTIONS = 2;
const LOAD_SECONDS = 10;

interface ServiceDatabase {
  database: BenchDatabase;
  drop(): Promise<void>;
}

/** PostgreSQL as for the ingest stage; in-memory PGlite, with a note, where there is no PostgreSQL. */
async function serviceDatabase(adminDatabaseUrl: string, report: Reporter): Promise<ServiceDatabase> {
  try {
    const { url, drop } = await freshBenchDatabase(adminDatabaseUrl);
    return { database: { kind: 'postgres', url }, drop };
  } catch (error) {
    report.note(`PostgreSQL unavailable (${(error as Error).message}): the service ran on in-memory PGlite`);
    return { database: { kind: 'pglite' }, drop: async () => undefined };
  }
}

/** Uploads the generated List as the ingest stage does; returns the new snapshot's id. */
async function uploadSnapshot(
  client: ServiceClient,
  listFile: string,
  stats: ClusterStats,
  apiKey: string,
): Promise<string> {
  const answer = await uploadGzippedList(
    benchUploadUrl(client.url, stats.size, stats.seed),
    listFile,
    apiKey,
  );
  if (answer.status !== 201) {
    throw new Error(`upload answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  }
  return (JSON.parse(answer.body) as { id: string }).id;
}

/** What a service stage measures: its own service, a client holding the bench key, the uploaded snapshot. */
export interface UploadedService {
  service: ApiServiceProcess;
  client: ServiceClient;
  snapshot: string;
  database: BenchDatabase;
}

/**
 * Runs `measure` against a service of its own, on a fresh database, with the generated List uploaded; the
 * service and its database go however it ends.
 */
export async function withUploadedSnapshot(
  listFile: string,
  stats: ClusterStats,
  adminDatabaseUrl: string,
  report: Reporter,
  measure: (uploaded: UploadedService) => Promise<void>,
): Promise<void> {
  const { database, drop } = await serviceDatabase(adminDatabaseUrl, report);
  try {
    const apiKey = benchApiKey();
    const service = await startApiService(benchServiceEnv(database, apiKey));
    try {
      const client: ServiceClient = { url: service.url, headers: { authorization: `Bearer ${apiKey}` } };
      const snapshot = await uploadSnapshot(client, listFile, stats, apiKey);
      await measure({ service, client, snapshot, database });
    } finally {
      await service.stop();
    }
  } finally {
    await drop();
  }
}

interface ApiLoad {
  /** `rest` or `graphql`, in figure ids. */
  api: string;
  /** How the table names it. */
  label: string;
  method: 'GET' | 'POST';
  requests: { path: string; body?: string }[];
  headers: Record<string, string>;
  /** Said about the answers on the first figure. */
  note: string;
}

/** One autocannon run: requests per second, p50, p99, and the service's CPU time per request. */
async function measureLoad(service: ApiServiceProcess, load: ApiLoad, report: Reporter): Promise<void> {
  const cpuBefore = await service.cpuMs();
  const figures = await runLoad({
    title: load.label,
    url: service.url,
    requests: load.requests.map((request) => ({ method: load.method, ...request })),
    headers: load.headers,
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
  });
  const cpuPerRequest = ((await service.cpuMs()) - cpuBefore) / figures.requests;
  const id = `api.${load.api}`;
  report.figure({
    id: `${id}.requestsPerSecond`,
    label: `${load.label}, warm, ${CONNECTIONS} connections`,
    value: figures.requestsPerSecond,
    unit: 'req/s',
    note: `${figures.requests} requests in ${LOAD_SECONDS} s; ${load.note}`,
  });
  report.figure({ id: `${id}.p50Ms`, label: `${load.label} p50`, value: figures.p50Ms, unit: 'ms' });
  report.figure({ id: `${id}.p99Ms`, label: `${load.label} p99`, value: figures.p99Ms, unit: 'ms' });
  report.figure({
    id: `${id}.serviceCpuMsPerRequest`,
    label: `${load.label}, service CPU per request`,
    value: cpuPerRequest,
    unit: 'ms',
    note: 'unlike wall time, not raised by other load on the machine',
  });
}

/** The `api` stage: set-up, then one load run per API; the service and its database go however it ends. */
export async function measureApi(
  listFile: string,
  stats: ClusterStats,
  adminDatabaseUrl: string,
  report: Reporter,
): Promise<void> {
  const started = performance.now();
  await withUploadedSnapshot(listFile, stats, adminDatabaseUrl, report, async (uploaded) => {
    const { service, client, snapshot, database } = uploaded;
    const targets = sampleWorkloads(await listWorkloads(client, snapshot), INGRESS_SAMPLE, stats.seed);
    const peers = (await warmUp(client, snapshot, targets, CONNECTIONS)).toFixed(0);
    report.figure({
      id: 'api.setup.seconds',
      label: 'API service start, upload, warm-up (bench set-up)',
      value: (performance.now() - started) / 1000,
      unit: 's',
      note: `service on ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}; REST and GraphQL answers agree`,
    });
    await measureBothApis(service, client, snapshot, targets, peers, report);
  });
}

/** REST, then GraphQL, asking about `targets` in turn. */
async function measureBothApis(
  service: ApiServiceProcess,
  client: ServiceClient,
  snapshot: string,
  targets: readonly WorkloadName[],
  peers: string,
  report: Reporter,
): Promise<void> {
  const asked = `${targets.length} workloads in turn`;
  await measureLoad(
    service,
    {
      api: 'rest',
      label: 'REST ingress',
      method: 'GET',
      requests: targets.map((target) => ({ path: restIngressPath(snapshot, target) })),
      headers: client.headers,
      note: `${asked}, ${peers} peers per answer on average`,
    },
    report,
  );
  await measureLoad(
    service,
    {
      api: 'graphql',
      label: 'GraphQL ingress',
      method: 'POST',
      requests: targets.map((target) => ({ path: '/graphql', body: graphqlIngressBody(snapshot, target) })),
      headers: { ...client.headers, 'content-type': 'application/json' },
      note: `${asked}, ingress(first: ${GRAPHQL_PAGE}) with peers, connections and rules`,
    },
    report,
  );
}
