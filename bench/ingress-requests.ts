/**
 * The same question over both APIs: who may reach this workload. REST answers with every peer; GraphQL
 * with the first page of 100, the default page size a dashboard would ask for.
 */

/** A workload as the REST list of a snapshot's workloads names it. */
export interface WorkloadName {
  namespace: string;
  kind: string;
  name: string;
}

export const GRAPHQL_PAGE = 100;

const INGRESS_QUERY = `query Ingress($id: ID!, $namespace: String!, $kind: String!, $name: String!) {
  snapshot(id: $id) {
    workload(namespace: $namespace, kind: $kind, name: $name) {
      ingress(first: ${GRAPHQL_PAGE}) {
        complete
        isolated
        isolatedBy { kind namespace name }
        peers {
          totalCount
          nodes {
            peer { type namespace name kind start end text }
            conn { all text tcp { start end } udp { start end } sctp { start end } }
            partial
            rules { tier direction rule ruleName action policy { kind namespace name } }
          }
        }
      }
    }
  }
}`;

/** `GET /api/v1/snapshots/{id}/workloads/{namespace}/{kind}/{name}/ingress`. */
export function restIngressPath(snapshot: string, target: WorkloadName): string {
  const [id, namespace, kind, name] = [snapshot, target.namespace, target.kind, target.name].map(
    encodeURIComponent,
  );
  return `/api/v1/snapshots/${id}/workloads/${namespace}/${kind}/${name}/ingress`;
}

/** The body of `POST /graphql` asking for the first page of the workload's ingress peers. */
export function graphqlIngressBody(snapshot: string, target: WorkloadName): string {
  return JSON.stringify({ query: INGRESS_QUERY, variables: { id: snapshot, ...target } });
}

/** The part of the GraphQL answer the benchmark checks. */
export interface GraphqlIngressAnswer {
  data?: { snapshot: { workload: { ingress: { peers: { totalCount: number } } } } };
  errors?: { message: string }[];
}
