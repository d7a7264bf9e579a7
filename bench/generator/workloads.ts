/**
 * Workload plans: which controllers each namespace runs, with their labels, ports and replica counts.
 * Turning a plan into Deployment/ReplicaSet/StatefulSet/DaemonSet and Pod objects is controllers.ts' job.
 */
import { INGRESS_NAMESPACE, KUBE_SYSTEM, MONITORING_NAMESPACE, type NamespacePlan } from './namespaces';
import type { Random } from './random';
import type { RawContainerPort } from './raw-objects';
import { APP_WORDS, ROLES } from './vocabulary';

export type ControllerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface WorkloadPlan {
  namespace: string;
  name: string;
  kind: ControllerKind;
  /** The pod template's labels; `selector` is the part the controller selects its pods by. */
  labels: Record<string, string>;
  selector: Record<string, string>;
  tier: string;
  ports: readonly RawContainerPort[];
  /** Pods it runs: 1-50. */
  replicas: number;
  hostNetwork: boolean;
}

const MAX_REPLICAS = 50;

/** Most workloads run a few pods; a tenth run many (a skew seen in real clusters). */
const REPLICA_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 1], 30],
  [[2, 3], 35],
  [[4, 10], 25],
  [[11, MAX_REPLICAS], 10],
];

/** What every cluster runs in its system namespaces: DNS, kube-proxy and log agents, ingress, monitoring. */
export function systemWorkloads(nodeCount: number): WorkloadPlan[] {
  const perNode = Math.min(nodeCount, MAX_REPLICAS);
  const port = (name: string, containerPort: number, protocol: RawContainerPort['protocol'] = 'TCP') => ({
    name,
    containerPort,
    protocol,
  });
  const system = (
    namespace: string,
    name: string,
    kind: ControllerKind,
    selector: Record<string, string>,
    replicas: number,
    ports: RawContainerPort[],
    hostNetwork = false,
  ): WorkloadPlan => ({
    namespace,
    name,
    kind,
    labels: { ...selector },
    selector,
    tier: 'system',
    ports,
    replicas,
    hostNetwork,
  });
  return [
    system(KUBE_SYSTEM, 'coredns', 'Deployment', { 'k8s-app': 'kube-dns' }, 2, [
      port('dns', 53, 'UDP'),
      port('dns-tcp', 53),
      port('metrics', 9153),
    ]),
    system(KUBE_SYSTEM, 'kube-proxy', 'DaemonSet', { 'k8s-app': 'kube-proxy' }, perNode, [], true),
    system(KUBE_SYSTEM, 'fluent-bit', 'DaemonSet', { 'app.kubernetes.io/name': 'fluent-bit' }, perNode, [
      port('http', 2020),
    ]),
    system(
      INGRESS_NAMESPACE,
      'ingress-nginx-controller',
      'Deployment',
      { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      3,
      [port('http', 80), port('https', 443), port('metrics', 10254)],
    ),
    system(MONITORING_NAMESPACE, 'prometheus', 'StatefulSet', { 'app.kubernetes.io/name': 'prometheus' }, 2, [
      port('web', 9090),
    ]),
    system(MONITORING_NAMESPACE, 'grafana', 'Deployment', { 'app.kubernetes.io/name': 'grafana' }, 1, [
      port('http', 3000),
    ]),
    system(
      MONITORING_NAMESPACE,
      'node-exporter',
      'DaemonSet',
      { 'app.kubernetes.io/name': 'node-exporter' },
      perNode,
      [port('metrics', 9100)],
      true,
    ),
  ];
}

/** Team workloads for one namespace, running exactly `podBudget` pods in total. */
export function teamWorkloads(
  namespace: NamespacePlan,
  podBudget: number,
  nodeCount: number,
  random: Random,
): WorkloadPlan[] {
  const plans: WorkloadPlan[] = [];
  const names = new Set<string>();
  let remaining = podBudget;
  while (remaining > 0) {
    const app = random.pick(APP_WORDS);
    const daemon = random.chance(0.02);
    const role = random.weighted(ROLES);
    const name = uniqueName(names, daemon ? `${app}-agent` : `${app}-${role.suffix}`);
    const [min, max] = role.replicas ?? random.weighted(REPLICA_BANDS);
    const wanted = daemon ? Math.min(nodeCount, MAX_REPLICAS) : random.int(min, max);
    const replicas = Math.min(wanted, remaining);
    remaining -= replicas;
    const selector = { app: name };
    plans.push({
      namespace: namespace.name,
      name,
      kind: daemon ? 'DaemonSet' : role.kind,
      labels: {
        ...selector,
        tier: daemon ? 'worker' : role.tier,
        team: namespace.team ?? 'platform',
        version: 'v1',
        'app.kubernetes.io/part-of': app,
      },
      selector,
      tier: daemon ? 'worker' : role.tier,
      ports: daemon ? [{ name: 'metrics', containerPort: 9102, protocol: 'TCP' }] : role.ports,
      replicas,
      hostNetwork: false,
    });
  }
  return plans;
}

function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}
