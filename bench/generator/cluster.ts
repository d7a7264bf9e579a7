/** `generateCluster`: a deterministic, realistic cluster of raw Kubernetes objects for one size and seed. */
import { apportion } from './apportion';
import { ControllerFactory, type ObjectBuckets } from './controllers';
import { MetaFactory } from './k8s-meta';
import { planNamespaces, type NamespacePlan } from './namespaces';
import { NodePool } from './nodes';
import { generatePolicies, type NamespaceWorkloads } from './policies';
import { Random } from './random';
import type { RawObject } from './raw-objects';
import { sizeProfile, type SizeName, type SizeProfile } from './sizes';
import { systemWorkloads, teamWorkloads, type WorkloadPlan } from './workloads';

export interface GenerateOptions {
  size: SizeName | SizeProfile;
  seed: number;
}

/** What a generated cluster holds; classes and allowed pairs are the engine's to count. */
export interface ClusterStats {
  size: string;
  seed: number;
  namespaces: number;
  nodes: number;
  pods: number;
  hostNetworkPods: number;
  /** Top-level workloads: Deployments, StatefulSets and DaemonSets. */
  workloads: number;
  workloadsByKind: Record<string, number>;
  replicaSets: number;
  policies: number;
  objects: number;
}

export interface GeneratedCluster {
  size: SizeProfile;
  seed: number;
  /** In `kubectl get namespaces,nodes,pods,replicasets,deployments,statefulsets,daemonsets,networkpolicies -A` order. */
  objects: RawObject[];
  stats: ClusterStats;
}

/** Pods per node on average; real clusters run 30-110. */
const PODS_PER_NODE = 50;
const ENV_WEIGHT = { prod: 1.5, staging: 0.8, dev: 0.5 } as const;

/** Generates the same objects for the same size and seed, on any machine. */
export function generateCluster({ size, seed }: GenerateOptions): GeneratedCluster {
  const profile = sizeProfile(size);
  const layout = Random.derive(seed, 'layout');
  const meta = new MetaFactory(Random.derive(seed, 'meta'));
  const namespaces = planNamespaces(profile.namespaces);
  const nodes = new NodePool(
    Math.max(3, Math.ceil(profile.pods / PODS_PER_NODE)),
    Random.derive(seed, 'nodes'),
    meta,
  );

  const spaces = planWorkloads(namespaces, profile.pods, nodes.size, layout);
  const buckets: ObjectBuckets = {
    pods: [],
    replicaSets: [],
    deployments: [],
    statefulSets: [],
    daemonSets: [],
  };
  const controllers = new ControllerFactory(Random.derive(seed, 'controllers'), meta, nodes, buckets);
  for (const space of spaces) for (const workload of space.workloads) controllers.emit(workload);
  const policies = generatePolicies(spaces, profile.policies, Random.derive(seed, 'policies'), meta);

  const namespaceObjects: RawObject[] = namespaces.map((plan) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta.meta({ name: plan.name, labels: plan.labels }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
  const objects = [
    ...byName(namespaceObjects),
    ...nodes.objects,
    ...byName(buckets.pods),
    ...byName(buckets.replicaSets),
    ...byName(buckets.deployments),
    ...byName(buckets.statefulSets),
    ...byName(buckets.daemonSets),
    ...byName(policies),
  ];
  return { size: profile, seed, objects, stats: clusterStats(profile.name, seed, objects) };
}

/** System workloads first; the remaining pods are spread over team namespaces, prod ones larger. */
function planWorkloads(
  namespaces: readonly NamespacePlan[],
  pods: number,
  nodeCount: number,
  random: Random,
): NamespaceWorkloads[] {
  const system = systemWorkloads(nodeCount);
  const teamPods = pods - system.reduce((sum, w) => sum + w.replicas, 0);
  const teamSpaces = namespaces.filter((ns) => ns.env !== undefined);
  if (teamPods < teamSpaces.length) {
    throw new Error(`${pods} pods are too few for ${namespaces.length} namespaces and the system workloads`);
  }
  const weights = teamSpaces.map((ns) => (0.4 + 1.2 * random.next()) * ENV_WEIGHT[ns.env ?? 'dev']);
  const budgets = apportion(teamPods, weights, 1);
  const budgetOf = new Map(teamSpaces.map((ns, i) => [ns, budgets[i]]));
  return namespaces.map((namespace) => {
    const budget = budgetOf.get(namespace);
    const workloads: WorkloadPlan[] =
      budget === undefined
        ? system.filter((w) => w.namespace === namespace.name)
        : teamWorkloads(namespace, budget, nodeCount, random);
    return { namespace, workloads };
  });
}

/** kubectl lists objects of one kind sorted by namespace, then name. */
function byName<T extends RawObject>(objects: T[]): T[] {
  const key = (o: RawObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return objects
    .map((object) => ({ object, key: key(object) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ object }) => object);
}

/** Counts of a cluster's objects (recomputed after churn). */
export function clusterStats(size: string, seed: number, objects: readonly RawObject[]): ClusterStats {
  const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
  const workloadsByKind = {
    Deployment: count('Deployment'),
    StatefulSet: count('StatefulSet'),
    DaemonSet: count('DaemonSet'),
  };
  return {
    size,
    seed,
    namespaces: count('Namespace'),
    nodes: count('Node'),
    pods: count('Pod'),
    hostNetworkPods: objects.filter(
      (o) => o.kind === 'Pod' && (o.spec as { hostNetwork?: boolean }).hostNetwork === true,
    ).length,
    workloads: workloadsByKind.Deployment + workloadsByKind.StatefulSet + workloadsByKind.DaemonSet,
    workloadsByKind,
    replicaSets: count('ReplicaSet'),
    policies: count('NetworkPolicy'),
    objects: objects.length,
  };
}
