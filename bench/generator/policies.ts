/**
 * The NetworkPolicies of a cluster: a baseline per namespace (default deny in most team namespaces, DNS
 * egress where egress is denied, the system namespaces' own policies), then per-workload policies from the
 * weighted templates until the size's exact policy count is reached.
 */
import { apportion } from './apportion';
import type { MetaFactory } from './k8s-meta';
import { INGRESS_NAMESPACE, KUBE_SYSTEM, MONITORING_NAMESPACE, type NamespacePlan } from './namespaces';
import { TEMPLATES, type PolicyDraft, type TemplateInput } from './policy-templates';
import { DNS_PEER, DNS_PORTS, byLabel, namespaceNamed } from './policy-peers';
import type { Random } from './random';
import type { RawNetworkPolicy } from './raw-objects';
import type { WorkloadPlan } from './workloads';

export interface NamespaceWorkloads {
  namespace: NamespacePlan;
  workloads: WorkloadPlan[];
}

const DEFAULT_DENY_SHARE = 0.85;
/** Of the namespaces that deny by default, the share that denies egress too (and then allows DNS). */
const DENY_EGRESS_SHARE = 0.4;

export function generatePolicies(
  spaces: readonly NamespaceWorkloads[],
  total: number,
  random: Random,
  meta: MetaFactory,
): RawNetworkPolicy[] {
  const drafts = spaces.map(({ namespace }) => ({ namespace, policies: baseline(namespace, random) }));
  const draftOf = new Map(drafts.map((draft) => [draft.namespace, draft]));
  const baselineCount = drafts.reduce((sum, d) => sum + d.policies.length, 0);
  if (baselineCount > total) trimTo(drafts, total);

  const teamSpaces = spaces.filter((space) => space.namespace.team !== undefined);
  const teams = [...new Set(teamSpaces.map((space) => space.namespace.team as string))];
  const teamWorkloads = teamSpaces.flatMap((space) => space.workloads);
  const shares = apportion(
    Math.max(0, total - baselineCount),
    teamSpaces.map((space) => space.workloads.length),
  );
  teamSpaces.forEach((space, i) => {
    const draft = draftOf.get(space.namespace) as (typeof drafts)[number];
    const names = new Set(draft.policies.map((p) => p.name));
    for (let n = 0; n < shares[i]; n++) {
      const input = { namespace: space.namespace, teams, workloads: teamWorkloads, random };
      draft.policies.push(perWorkloadPolicy(space.workloads, input, names));
    }
  });

  return drafts.flatMap(({ namespace, policies }) =>
    policies.map((draft) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy' as const,
      metadata: {
        ...meta.meta({ name: draft.name, namespace: namespace.name, generation: 1 }),
        namespace: namespace.name,
      },
      // Templates share constant peers and ports; each policy gets its own copy, as parsed JSON would.
      spec: structuredClone(draft.spec),
    })),
  );
}

/** A template's policy for a random workload; a name already taken is tried with other draws, then numbered. */
function perWorkloadPolicy(
  workloads: readonly WorkloadPlan[],
  input: Omit<TemplateInput, 'target'>,
  names: Set<string>,
): PolicyDraft {
  let draft: PolicyDraft | undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = input.random.weighted(TEMPLATES)({ ...input, target: input.random.pick(workloads) });
    if (candidate === undefined) continue;
    draft = candidate;
    if (!names.has(candidate.name)) break;
  }
  const chosen = draft ?? TEMPLATES[0][0]({ ...input, target: workloads[0] });
  if (chosen === undefined) throw new Error('the first template applies to every workload');
  let name = chosen.name;
  for (let n = 2; names.has(name); n++) name = `${chosen.name}-${n}`;
  names.add(name);
  return { ...chosen, name };
}

function baseline(namespace: NamespacePlan, random: Random): PolicyDraft[] {
  switch (namespace.name) {
    case KUBE_SYSTEM:
      return [
        {
          name: 'allow-dns-from-cluster',
          spec: {
            podSelector: byLabel('k8s-app', 'kube-dns'),
            ingress: [{ from: [{ namespaceSelector: {} }], ports: DNS_PORTS }],
          },
        },
      ];
    case INGRESS_NAMESPACE:
      return [
        {
          name: 'allow-public-web',
          spec: {
            podSelector: byLabel('app.kubernetes.io/name', 'ingress-nginx'),
            policyTypes: ['Ingress'],
            ingress: [
              {
                from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }],
                ports: [{ port: 'http' }, { protocol: 'TCP', port: 'https' }],
              },
            ],
          },
        },
      ];
    case MONITORING_NAMESPACE:
      return [
        { name: 'default-deny-ingress', spec: { podSelector: {}, policyTypes: ['Ingress'] } },
        {
          name: 'allow-grafana-from-ingress',
          spec: {
            podSelector: byLabel('app.kubernetes.io/name', 'grafana'),
            ingress: [
              { from: [{ namespaceSelector: namespaceNamed(INGRESS_NAMESPACE) }], ports: [{ port: 3000 }] },
            ],
          },
        },
        {
          name: 'allow-prometheus-scrape',
          spec: {
            podSelector: byLabel('app.kubernetes.io/name', 'prometheus'),
            policyTypes: ['Egress'],
            egress: [
              { to: [{ namespaceSelector: {} }], ports: [{ port: 'metrics' }] },
              { to: [DNS_PEER], ports: DNS_PORTS },
            ],
          },
        },
      ];
  }
  if (!random.chance(DEFAULT_DENY_SHARE)) return [];
  if (!random.chance(DENY_EGRESS_SHARE)) {
    // Absent policyTypes with no egress rules defaults to [Ingress]: the same policy, written shorter.
    const types = random.chance(0.5) ? { policyTypes: ['Ingress' as const] } : {};
    return [{ name: 'default-deny-ingress', spec: { podSelector: {}, ...types } }];
  }
  return [
    { name: 'default-deny-all', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
    {
      name: 'allow-dns',
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [DNS_PEER], ports: DNS_PORTS }] },
    },
  ];
}

/** Tiny custom sizes may have fewer policies than the baseline: keep the first ones. */
function trimTo(drafts: { policies: PolicyDraft[] }[], total: number): void {
  let left = total;
  for (const draft of drafts) {
    draft.policies.splice(left);
    left -= draft.policies.length;
  }
}
