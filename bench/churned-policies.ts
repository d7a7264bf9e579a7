/**
 * The second snapshot of the diff benchmark: the cluster after `churn` changed 5% of its policies. Only the
 * policies differ, so only they are normalized again; the engine stage joins them with the first snapshot's
 * other objects.
 */
import { SnapshotBuilder, type K8sObject } from '@podreach/policy-engine';
import { BENCH_MAX_POLICIES, BENCH_MAX_WORKLOADS_AND_PODS } from './bench-limits';
import { churn, type GeneratedCluster } from './generator';

export const CHURN_FRACTION = 0.05;

export function churnedPolicies(cluster: GeneratedCluster, seed: number): K8sObject[] {
  const after = churn(cluster, CHURN_FRACTION, seed).cluster;
  const builder = new SnapshotBuilder({
    maxWorkloadsAndPods: BENCH_MAX_WORKLOADS_AND_PODS,
    maxPolicies: BENCH_MAX_POLICIES,
  });
  after.objects.forEach((object, i) => {
    if (object.kind === 'NetworkPolicy') builder.addObject(object, `items[${i}]`);
  });
  return builder.finish().objects;
}

/** The churned snapshot: every object of `base` but its NetworkPolicies, which `policies` replace. */
export function withPolicies(base: readonly K8sObject[], policies: readonly K8sObject[]): K8sObject[] {
  return [...base.filter((object) => object.kind !== 'NetworkPolicy'), ...policies];
}
