/**
 * Before the API stage measures: the snapshot's workloads listed (which compiles its analysis), then each
 * sampled workload asked about once over REST and once over GraphQL, and the two answers compared, so that
 * the load runs measure warm answers that are known to be right.
 */
import {
  graphqlIngressBody,
  restIngressPath,
  type GraphqlIngressAnswer,
  type WorkloadName,
} from './ingress-requests';

/** A running service and the headers every request to it carries (the API key). */
export interface ServiceClient {
  url: string;
  headers: Record<string, string>;
}

async function json<T>(client: ServiceClient, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(new URL(path, client.url), {
    ...init,
    headers: { ...client.headers, ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as T;
}

/** The snapshot's workloads in the API's order, the order the engine's sample is drawn from. */
export async function listWorkloads(client: ServiceClient, snapshot: string): Promise<WorkloadName[]> {
  const { items } = await json<{ items: WorkloadName[] }>(
    client,
    `/api/v1/snapshots/${encodeURIComponent(snapshot)}/workloads`,
  );
  return items.map(({ namespace, kind, name }) => ({ namespace, kind, name }));
}

/** Both answers about one target; throws unless both succeed and count the same peers. Returns the count. */
async function compareAnswers(
  client: ServiceClient,
  snapshot: string,
  target: WorkloadName,
): Promise<number> {
  const rest = await json<{ peers: unknown[] }>(client, restIngressPath(snapshot, target));
  const graphql = await json<GraphqlIngressAnswer>(client, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: graphqlIngressBody(snapshot, target),
  });
  const name = `${target.namespace}/${target.kind}/${target.name}`;
  if (graphql.errors !== undefined || graphql.data === undefined) {
    throw new Error(`GraphQL ingress of ${name} failed: ${JSON.stringify(graphql.errors)}`);
  }
  const total = graphql.data.snapshot.workload.ingress.peers.totalCount;
  if (total !== rest.peers.length) {
    throw new Error(`REST and GraphQL disagree on ${name}: ${rest.peers.length} and ${total} peers`);
  }
  return total;
}

/**
 * Asks for each target's ingress over both APIs, `concurrency` targets at a time as the load runs will,
 * and checks that both name the same number of peers (GraphQL's total count, REST's list). Returns the
 * average number of peers per answer.
 */
export async function warmUp(
  client: ServiceClient,
  snapshot: string,
  targets: readonly WorkloadName[],
  concurrency: number,
): Promise<number> {
  let next = 0;
  let peers = 0;
  const worker = async () => {
    while (next < targets.length) {
      // Not `peers += await ...`, which would read `peers` before the await and lose the other worker's sums.
      const count = await compareAnswers(client, snapshot, targets[next++]);
      peers += count;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return peers / Math.max(1, targets.length);
}
