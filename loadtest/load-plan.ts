/**
 * What the load test sends: generated clusters to upload (each with the content hash and counts the client
 * expects stored), and questions about one stored snapshot - ingress, check, full connectivity and GraphQL.
 */
import { buildSnapshotContent } from '@podreach/policy-engine';
import { generateCluster, kubectlListText, type RawObject } from '../bench/generator';
import { Random } from '../bench/generator/random';
import type { ServiceProcess } from '../test/support/service-process';

export const REQUEST_KINDS = ['upload', 'ingress', 'check', 'connectivity', 'graphql'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type QueryKind = Exclude<RequestKind, 'upload'>;

/** Concurrent connections per kind: the two cores also run PostgreSQL and this load generator. */
export const CONNECTIONS: Readonly<Record<RequestKind, number>> = {
  upload: 2,
  ingress: 2,
  check: 2,
  connectivity: 1,
  graphql: 2,
};

export interface UploadBody {
  bytes: Buffer;
  /** What the client expects stored, computed from the bytes by the engine. */
  contentHash: string;
  counts: Record<string, number>;
}

export interface QueryRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadPlan {
  uploads: UploadBody[];
  /** Sent in turn by each connection of the kind. */
  queries: Record<QueryKind, QueryRequest[]>;
}

/**
 * Different clusters to upload, about 500 objects each, so that uploads differ in content and hash. Small
 * enough that uploads finish between kills: 50 kills in 60 s leave about a second between two.
 */
const UPLOAD_CLUSTERS = 4;
const UPLOAD_SIZE = { name: 'load', pods: 320, policies: 64, namespaces: 8 };
/** Workloads and pairs the questions rotate through. */
const TARGETS = 20;

const INGRESS_QUERY = `query Ingress($id: ID!, $namespace: String!, $kind: String!, $name: String!) {
  snapshot(id: $id) {
    workload(namespace: $namespace, kind: $kind, name: $name) {
      ingress(first: 100) { isolated peers { totalCount nodes { peer { text } conn { text } } } }
    }
  }
}`;

function uploadBody(seed: number): UploadBody {
  const text = kubectlListText(generateCluster({ size: UPLOAD_SIZE, seed }).objects, { pretty: false });
  const { contentHash, counts } = buildSnapshotContent([{ name: 'upload', text }]);
  return { bytes: Buffer.from(text), contentHash, counts };
}

/** `namespace/Kind/name` of the controllers of a generated cluster. */
function workloadRefs(objects: readonly RawObject[]): string[] {
  return objects
    .filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind))
    .map((o) => `${o.metadata.namespace}/${o.kind}/${o.metadata.name}`);
}

/**
 * Uploads the cluster the questions are about (size S of the benchmarks) and prepares the requests. The
 * same seed gives the same clusters and questions.
 */
export async function prepareLoad(service: ServiceProcess, seed: number): Promise<LoadPlan> {
  const base = generateCluster({ size: 'S', seed });
  const stored = await fetch(`${service.url}/api/v1/snapshots?cluster=load-questions&label=seed-${seed}`, {
    method: 'POST',
    headers: { ...service.headers, 'content-type': 'application/json' },
    body: kubectlListText(base.objects, { pretty: false }),
  });
  if (stored.status !== 201) throw new Error(`the questions' snapshot was refused: ${await stored.text()}`);
  const { id } = (await stored.json()) as { id: string };

  const random = Random.derive(seed, 'loadtest-targets');
  const refs = workloadRefs(base.objects);
  const targets = random.sample(refs, TARGETS);
  const snapshot = `/api/v1/snapshots/${id}`;
  const graphql = (ref: string) => {
    const [namespace, kind, name] = ref.split('/');
    return JSON.stringify({ query: INGRESS_QUERY, variables: { id, namespace, kind, name } });
  };
  return {
    uploads: Array.from({ length: UPLOAD_CLUSTERS }, (_, i) => uploadBody(seed + 1 + i)),
    queries: {
      ingress: targets.map((ref) => ({ method: 'GET', path: `${snapshot}/workloads/${ref}/ingress` })),
      check: targets.map((to) => ({
        method: 'GET',
        path: `${snapshot}/check?from=${encodeURIComponent(random.pick(refs))}&to=${encodeURIComponent(to)}`,
      })),
      connectivity: [{ method: 'GET', path: `${snapshot}/connectivity?format=csv` }],
      graphql: targets.map((ref) => ({ method: 'POST', path: '/graphql', body: graphql(ref) })),
    },
  };
}
