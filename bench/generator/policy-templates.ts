/**
 * The per-workload policies that make up most of a cluster's NetworkPolicies, weighted roughly as they
 * occur in practice: same-namespace tiers, other teams, the ingress controller, scraping, egress to the
 * internet and partners, expressions, and a few stale policies that select nothing.
 */
import {
  combined,
  egressInternet,
  egressIpv6,
  egressPartner,
  egressToDatabases,
  statsdEgress,
} from './egress-templates';
import {
  allowAll,
  expressions,
  fromAppInProd,
  fromIngressController,
  fromNodes,
  fromTeam,
  fromTier,
  metricsScrape,
  sameNamespace,
  sctpFeed,
  stale,
} from './ingress-templates';
import type { NamespacePlan } from './namespaces';
import type { Random } from './random';
import type { RawNetworkPolicySpec } from './raw-objects';
import type { WorkloadPlan } from './workloads';

export interface TemplateInput {
  target: WorkloadPlan;
  namespace: NamespacePlan;
  /** Team names and team workloads of the whole cluster, for cross-namespace peers. */
  teams: readonly string[];
  workloads: readonly WorkloadPlan[];
  random: Random;
}

export interface PolicyDraft {
  name: string;
  spec: RawNetworkPolicySpec;
}

export type Template = (input: TemplateInput) => PolicyDraft | undefined;

export const TEMPLATES: readonly (readonly [Template, number])[] = [
  [fromTier, 20],
  [fromTeam, 12],
  [fromAppInProd, 10],
  [fromIngressController, 8],
  [metricsScrape, 8],
  [egressInternet, 6],
  [egressPartner, 5],
  [expressions, 5],
  [egressToDatabases, 8],
  [fromNodes, 4],
  [allowAll, 2],
  [egressIpv6, 2],
  [stale, 3],
  [statsdEgress, 3],
  [sameNamespace, 5],
  [combined, 6],
  [sctpFeed, 4],
];
