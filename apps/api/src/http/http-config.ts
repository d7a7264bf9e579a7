import { ConfigError, readInteger, readString } from '../config/env-readers';

/** How the HTTP server treats connections and browsers. */
export interface HttpServerConfig {
  /** Exact browser origins allowed to call the API cross-origin; empty sends no CORS headers at all. */
  corsOrigins: string[];
  /**
   * Longest a request may take to arrive, headers and body (Fastify `requestTimeout`), and longest a
   * connection may stay silent (`connectionTimeout`).
   */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests (`keepAliveTimeout`). */
  keepAliveTimeoutMs: number;
  /** On SIGTERM or SIGINT, how long requests in flight may take to finish before they are cut. */
  shutdownGraceMs: number;
}

/**
 * Ten minutes: a 256 MiB upload (the default PODREACH_MAX_UPLOAD_BYTES) arrives within it at 3.6 Mbit/s,
 * and the longest a snapshot's transaction may run (PODREACH_INGEST_TIMEOUT_MS) is ten minutes too.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 600_000;
/** Node's limit for socket timeouts (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * PODREACH_CORS_ORIGINS: comma-separated origins such as `https://dashboard.example.com`, each compared
 * exactly with a browser's `Origin` header, so a path, a trailing slash or a wildcard is refused here
 * rather than silently never matching.
 */
export function readCorsOrigins(env: NodeJS.ProcessEnv): string[] {
  const origins = readString(env, 'PODREACH_CORS_ORIGINS', '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const invalid = origins.filter((origin) => !isOrigin(origin));
  if (invalid.length > 0) {
    throw new ConfigError(
      `PODREACH_CORS_ORIGINS must list origins such as https://dashboard.example.com (scheme, host and ` +
        `optional port; no path, no wildcard): ${invalid.map((origin) => JSON.stringify(origin)).join(', ')}`,
    );
  }
  return [...new Set(origins)];
}

function isOrigin(value: string): boolean {
  // URL accepts `*` in a host name, where browsers never send one.
  if (value.includes('*')) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** PODREACH_REQUEST_TIMEOUT_MS (default ten minutes, at least one second). */
export function readRequestTimeout(env: NodeJS.ProcessEnv): number {
  return readInteger(env, 'PODREACH_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, 1000, MAX_TIMEOUT_MS);
}

/**
 * PODREACH_KEEP_ALIVE_TIMEOUT_MS (default 72 s, Fastify's): longer than the 60 s idle timeout of common
 * load balancers, so that the balancer, not podreach, closes an idle connection and never reuses one
 * podreach is closing.
 */
export function readKeepAliveTimeout(env: NodeJS.ProcessEnv): number {
  return readInteger(env, 'PODREACH_KEEP_ALIVE_TIMEOUT_MS', 72_000, 1000, MAX_TIMEOUT_MS);
}

/** PODREACH_SHUTDOWN_GRACE_MS (default 10 s): how long requests in flight may take to finish on SIGTERM. */
export function readShutdownGrace(env: NodeJS.ProcessEnv): number {
  return readInteger(env, 'PODREACH_SHUTDOWN_GRACE_MS', 10_000, 0, MAX_TIMEOUT_MS);
}
