/** One autocannon run against the service, checked for failed requests. */
import autocannon from 'autocannon';

export interface LoadOptions {
  /** Names the run in errors. */
  title: string;
  /** The service's base URL. */
  url: string;
  /** Sent in turn by every connection, from the first again after the last. */
  requests: autocannon.Request[];
  /** Headers of every request (the API key, the content type). */
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadFigures {
  /** Answered requests per second over the whole run. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/**
 * Runs autocannon for `seconds` and returns throughput and latency. A run with any error, timeout or
 * non-2xx answer throws instead: autocannon leaves failed requests out of its latencies, so they would
 * make the figures look better than the service is.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    title: options.title,
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    requests: options.requests,
  });
  if (result.errors > 0 || result.non2xx > 0) {
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([status, { count }]) => `${count ?? 0} x ${status}`)
      .join(', ');
    throw new Error(
      `${options.title}: ${result.errors} errors (${result.timeouts} timeouts), ` +
        `${result.non2xx} non-2xx answers; statuses: ${statuses}`,
    );
  }
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}
