/**
 * Count limits for benchmark snapshots. An XL cluster (150k pods at the Kubernetes limit, with their
 * Deployments, ReplicaSets and StatefulSets) holds about 208k pods and workload objects, above the
 * service's default of 200k per snapshot, so the benchmark raises the limit rather than shrink the size.
 */
export const BENCH_MAX_WORKLOADS_AND_PODS = 1_000_000;
export const BENCH_MAX_POLICIES = 200_000;
