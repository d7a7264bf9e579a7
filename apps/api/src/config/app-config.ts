import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  isLocalMode,
  readAdminKey,
  readAuthEnabled,
  readMetricsPublic,
  type AuthConfig,
} from '../auth/auth-config';
import {
  readCorsOrigins,
  readKeepAliveTimeout,
  readRequestTimeout,
  readShutdownGrace,
  type HttpServerConfig,
} from '../http/http-config';
import {
  readHeavyLimit,
  readRequestLimit,
  readUploadLimit,
  type RateLimits,
} from '../throttling/rate-limit-config';
import { ConfigError, readEnum, readInteger, readPostgresUrl, readString } from './env-readers';

const MiB = 1024 * 1024;

/** Where the service keeps its data: PostgreSQL, or the embedded PGlite (a directory or in memory). */
export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** Upload limits; every one of them answers 413 when exceeded. */
export interface IngestLimits {
  /** Bytes on the wire, before any decompression. */
  wireBytes: number;
  /** Bytes of JSON after decompression. */
  jsonBytes: number;
  /** Bytes of YAML after decompression. */
  yamlBytes: number;
  maxWorkloadsAndPods: number;
  maxPolicies: number;
}

/** Limits that keep one GraphQL request from doing unbounded work; past one, a clear error, not a timeout. */
export interface GraphqlLimits {
  /** Deepest nesting of fields in an operation (fragments included). */
  maxDepth: number;
  /** Most aliased fields in one operation: each alias can repeat an expensive field. */
  maxAliases: number;
  /** Highest estimated cost of an operation: paged fields count `first` times their selection. */
  maxCost: number;
}

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  limits: IngestLimits;
  /** Limit of ordinary (non-upload) request bodies such as JSON settings. */
  bodyLimitBytes: number;
  /** Snapshots kept per cluster unless a cluster sets its own retention; 0 keeps all. */
  defaultKeepNewest: number;
  /** Rows per bulk INSERT of snapshot objects. */
  insertBatchRows: number;
  /** Longest an upload's transaction may take before it is rolled back. */
  ingestTimeoutMs: number;
  /** Bytes of snapshot analyses each analysis worker keeps in memory, least recently used evicted first. */
  analysisCacheBytes: number;
  /** Worker threads that compile and analyse snapshots. */
  analysisWorkers: number;
  /** Analysis tasks held at once, running or waiting; past it requests get 503 with Retry-After. */
  analysisQueue: number;
  /** Retry-After of those 503 answers. */
  analysisRetryAfterSeconds: number;
  graphql: GraphqlLimits;
  auth: AuthConfig;
  /** Requests per minute per caller, per bucket (0 turns a bucket off). */
  rateLimits: RateLimits;
  http: HttpServerConfig;
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Reads and validates the configuration from environment variables, once, at start. Every bad value
 * is reported together in one ConfigError, so an operator fixes them in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const problems: string[] = [];
  const read = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
      return fallback;
    }
  };

  const databaseUrl = read(() => readPostgresUrl(env, 'DATABASE_URL'), undefined);
  const dataDir = readString(env, 'PODREACH_DATA_DIR', './.podreach-data');
  const host = readString(env, 'HOST', '127.0.0.1');
  const database: DatabaseConfig = databaseUrl
    ? { kind: 'postgres', url: databaseUrl }
    : { kind: 'pglite', dataDir: dataDir === ':memory:' ? dataDir : resolve(dataDir) };
  const config: AppConfig = {
    port: read(() => readInteger(env, 'PORT', 8080, 0, 65535), 0),
    host,
    database,
    logLevel: read(
      () =>
        readEnum(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
      'info',
    ),
    limits: {
      wireBytes: read(() => readInteger(env, 'PODREACH_MAX_UPLOAD_BYTES', 256 * MiB, 1), 0),
      jsonBytes: read(() => readInteger(env, 'PODREACH_MAX_JSON_BYTES', 2048 * MiB, 1), 0),
      yamlBytes: read(() => readInteger(env, 'PODREACH_MAX_YAML_BYTES', 256 * MiB, 1), 0),
      maxWorkloadsAndPods: read(() => readInteger(env, 'PODREACH_MAX_WORKLOADS_AND_PODS', 200_000, 1), 0),
      maxPolicies: read(() => readInteger(env, 'PODREACH_MAX_POLICIES', 50_000, 1), 0),
    },
    bodyLimitBytes: read(() => readInteger(env, 'PODREACH_MAX_BODY_BYTES', 1 * MiB, 1), 0),
    defaultKeepNewest: read(() => readInteger(env, 'PODREACH_RETENTION_KEEP_NEWEST', 0, 0), 0),
    insertBatchRows: read(() => readInteger(env, 'PODREACH_INSERT_BATCH_ROWS', 1000, 1, 100_000), 0),
    ingestTimeoutMs: read(() => readInteger(env, 'PODREACH_INGEST_TIMEOUT_MS', 600_000, 1000), 0),
    analysisCacheBytes:
      read(() => readInteger(env, 'PODREACH_ANALYSIS_CACHE_MB', 1024, 64, 1_048_576), 0) * MiB,
    analysisWorkers: read(
      () => readInteger(env, 'PODREACH_ANALYSIS_WORKERS', Math.max(1, availableParallelism() - 1), 1, 256),
      0,
    ),
    analysisQueue: read(() => readInteger(env, 'PODREACH_ANALYSIS_QUEUE', 64, 1, 100_000), 0),
    analysisRetryAfterSeconds: read(() => readInteger(env, 'PODREACH_ANALYSIS_RETRY_AFTER_S', 5, 1, 3600), 0),
    graphql: {
      maxDepth: read(() => readInteger(env, 'PODREACH_GRAPHQL_MAX_DEPTH', 12, 1, 100), 0),
      maxAliases: read(() => readInteger(env, 'PODREACH_GRAPHQL_MAX_ALIASES', 20, 0, 1000), 0),
      maxCost: read(() => readInteger(env, 'PODREACH_GRAPHQL_MAX_COST', 200_000, 1), 0),
    },
    auth: {
      // Fails closed: a bad PODREACH_AUTH stops the start anyway, and until then auth counts as on.
      enabled: read(() => readAuthEnabled(env, isLocalMode(database, host)), true),
      adminKey: read(() => readAdminKey(env), undefined),
      metricsPublic: read(() => readMetricsPublic(env), false),
    },
    rateLimits: {
      requests: read(() => readRequestLimit(env), 0),
      uploads: read(() => readUploadLimit(env), 0),
      heavy: read(() => readHeavyLimit(env), 0),
    },
    http: {
      corsOrigins: read(() => readCorsOrigins(env), []),
      requestTimeoutMs: read(() => readRequestTimeout(env), 0),
      keepAliveTimeoutMs: read(() => readKeepAliveTimeout(env), 0),
      shutdownGraceMs: read(() => readShutdownGrace(env), 0),
    },
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
