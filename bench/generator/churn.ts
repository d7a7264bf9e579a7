/**
 * Policy churn between two snapshots of one cluster, as a week of merges produces it: most changed
 * policies are edited (a port opened, a team swapped, a rule dropped), some removed, some added as a new
 * version of an existing one. Every other object is shared with the original, which is left untouched.
 */
import { clusterStats, type GeneratedCluster } from './cluster';
import { MetaFactory } from './k8s-meta';
import { Random } from './random';
import { isNetworkPolicy, type RawNetworkPolicy, type RawObject } from './raw-objects';

export type ChurnChangeKind = 'added' | 'removed' | 'modified';

export interface ChurnChange {
  change: ChurnChangeKind;
  namespace: string;
  name: string;
  /** For `modified`: what was edited. */
  edit?: string;
}

export interface ChurnResult {
  cluster: GeneratedCluster;
  changes: ChurnChange[];
}

type Edit = (policy: RawNetworkPolicy, random: Random, teams: readonly string[]) => string | undefined;

/** Opens one more port in every rule that lists ports. */
const openPort: Edit = (policy) => {
  const rules = [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])].filter(
    (r) => r.ports?.length,
  );
  for (const rule of rules) rule.ports?.push({ protocol: 'TCP', port: 8443 });
  return rules.length > 0 ? 'opened TCP 8443' : undefined;
};

/** Points `team` namespace selectors at another team. */
const swapTeam: Edit = (policy, random, teams) => {
  const peers = [
    ...(policy.spec.ingress ?? []).flatMap((r) => r.from ?? []),
    ...(policy.spec.egress ?? []).flatMap((r) => r.to ?? []),
  ];
  const labels = peers.flatMap((p) =>
    p.namespaceSelector?.matchLabels?.team ? [p.namespaceSelector.matchLabels] : [],
  );
  const others = teams.filter((team) => !labels.some((matchLabels) => matchLabels.team === team));
  if (labels.length === 0 || others.length === 0) return undefined;
  const team = random.pick(others);
  for (const matchLabels of labels) matchLabels.team = team;
  return `namespaces of team ${team}`;
};

const dropRule: Edit = (policy) => {
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = policy.spec[direction];
    if (rules !== undefined && rules.length > 0) {
      rules.pop();
      return `dropped the last ${direction} rule`;
    }
  }
  return undefined;
};

/** Replaces the ingress rules by `[{}]`: everything may connect in. */
const openIngress: Edit = (policy) => {
  const rules = policy.spec.ingress;
  if (rules === undefined || (rules.length === 1 && Object.keys(rules[0]).length === 0)) return undefined;
  policy.spec.ingress = [{}];
  return 'allowed all ingress';
};

const EDITS: readonly (readonly [Edit, number])[] = [
  [openPort, 4],
  [swapTeam, 2],
  [dropRule, 2],
  [openIngress, 1],
];

/** Changes `fraction` of the cluster's policies (60% edited, 20% removed, 20% added) deterministically. */
export function churn(cluster: GeneratedCluster, fraction: number, seed: number): ChurnResult {
  const random = Random.derive(seed, 'churn');
  const policies = cluster.objects.filter(isNetworkPolicy);
  const count = Math.round(policies.length * fraction);
  const chosen = new Set(random.sample(policies, count));
  const teams = [
    ...new Set(
      cluster.objects.flatMap((o) =>
        o.kind === 'Namespace' && o.metadata.labels?.team ? [o.metadata.labels.team] : [],
      ),
    ),
  ];
  const policyKeys = new Set(policies.map(policyKey));
  const meta = new MetaFactory(random);
  const changes: ChurnChange[] = [];
  const added: RawObject[] = [];
  const objects: RawObject[] = [];
  for (const object of cluster.objects) {
    if (!isNetworkPolicy(object) || !chosen.has(object)) {
      objects.push(object);
      continue;
    }
    const ref = { namespace: object.metadata.namespace, name: object.metadata.name };
    const roll = random.next();
    if (roll < 0.2) {
      changes.push({ change: 'removed', ...ref });
    } else if (roll < 0.4) {
      objects.push(object);
      const copy = newVersion(object, policyKeys, meta);
      openPort(copy, random, teams);
      added.push(copy);
      changes.push({ change: 'added', namespace: ref.namespace, name: copy.metadata.name });
    } else {
      const copy = structuredClone(object);
      copy.metadata.resourceVersion = `${copy.metadata.resourceVersion}1`;
      copy.metadata.generation = (copy.metadata.generation ?? 1) + 1;
      const edit = applyEdit(copy, random, teams);
      objects.push(copy);
      changes.push({ change: 'modified', ...ref, edit });
    }
  }
  const all = [...objects, ...added];
  return {
    cluster: { ...cluster, objects: all, stats: clusterStats(cluster.size.name, cluster.seed, all) },
    changes,
  };
}

/** Tries edits in weighted order until one applies; `openIngress` applies to any policy with Ingress rules. */
function applyEdit(policy: RawNetworkPolicy, random: Random, teams: readonly string[]): string {
  for (let attempt = 0; attempt < 4; attempt++) {
    const done = random.weighted(EDITS)(policy, random, teams);
    if (done !== undefined) return done;
  }
  policy.spec.podSelector = {
    ...policy.spec.podSelector,
    matchLabels: { ...policy.spec.podSelector.matchLabels, version: 'v1' },
  };
  return 'narrowed to version v1';
}

function newVersion(policy: RawNetworkPolicy, taken: Set<string>, meta: MetaFactory): RawNetworkPolicy {
  const copy = structuredClone(policy);
  const base = policy.metadata.name;
  let name = `${base}-v2`;
  for (let n = 3; taken.has(`${policy.metadata.namespace}/${name}`); n++) name = `${base}-v${n}`;
  taken.add(`${policy.metadata.namespace}/${name}`);
  copy.metadata = {
    ...copy.metadata,
    name,
    uid: meta.uid(),
    creationTimestamp: meta.timestamp(),
    generation: 1,
  };
  return copy;
}

function policyKey(policy: RawNetworkPolicy): string {
  return `${policy.metadata.namespace}/${policy.metadata.name}`;
}
