/**
 * Turns workload plans into the objects a cluster holds: the controller, a Deployment's ReplicaSets, and the
 * pods, each pod owned by its ReplicaSet, StatefulSet or DaemonSet with the labels that controller adds.
 */
import { controllerRef, type MetaFactory } from './k8s-meta';
import type { NodePool, Placement } from './nodes';
import { podSpec, podStatus, podTemplate } from './pod-spec';
import type { Random } from './random';
import type { RawObject } from './raw-objects';
import type { WorkloadPlan } from './workloads';

/** Where generated objects go, by kind, in the order `kubectl get` lists kinds. */
export interface ObjectBuckets {
  pods: RawObject[];
  replicaSets: RawObject[];
  deployments: RawObject[];
  statefulSets: RawObject[];
  daemonSets: RawObject[];
}

export class ControllerFactory {
  constructor(
    private readonly random: Random,
    private readonly meta: MetaFactory,
    private readonly nodes: NodePool,
    private readonly out: ObjectBuckets,
  ) {}

  emit(plan: WorkloadPlan): void {
    if (plan.kind === 'Deployment') this.deployment(plan);
    else if (plan.kind === 'StatefulSet') this.statefulSet(plan);
    else this.daemonSet(plan);
  }

  /**
   * A Deployment, its current ReplicaSet and pods. Some keep an old ReplicaSet scaled to 0 (revision history);
   * a few are mid-rollout, their pods split between two ReplicaSets whose templates differ in `version`.
   */
  private deployment(plan: WorkloadPlan): void {
    const deployment = this.controller('apps/v1', 'Deployment', plan, plan.labels, {
      replicas: plan.replicas,
    });
    this.out.deployments.push(deployment);
    const rollingOut = plan.replicas >= 2 && this.random.chance(0.03);
    const oldPods = rollingOut ? Math.floor(plan.replicas / 2) : 0;
    if (rollingOut || this.random.chance(0.3)) {
      this.replicaSet(plan, deployment, { ...plan.labels, version: 'v0' }, oldPods, '1');
    }
    this.replicaSet(plan, deployment, plan.labels, plan.replicas - oldPods, '2');
  }

  private replicaSet(
    plan: WorkloadPlan,
    deployment: RawObject,
    templateLabels: Record<string, string>,
    replicas: number,
    revision: string,
  ): void {
    const hash = this.meta.templateHash();
    const labels = { ...templateLabels, 'pod-template-hash': hash };
    const name = `${plan.name}-${hash}`;
    const replicaSet: RawObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: this.meta.meta({
        name,
        namespace: plan.namespace,
        labels,
        annotations: { 'deployment.kubernetes.io/revision': revision },
        ownerReferences: [controllerRef(deployment)],
        generation: 1,
      }),
      spec: {
        replicas,
        selector: { matchLabels: { ...plan.selector, 'pod-template-hash': hash } },
        template: podTemplate(plan, labels),
      },
      status: { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
    };
    this.out.replicaSets.push(replicaSet);
    const taken = new Set<string>();
    for (let i = 0; i < replicas; i++) {
      const podName = this.uniqueSuffixedName(`${name}-`, taken);
      this.pod(plan, podName, `${name}-`, labels, replicaSet, this.nodes.place());
    }
  }

  private statefulSet(plan: WorkloadPlan): void {
    const statefulSet = this.controller('apps/v1', 'StatefulSet', plan, plan.labels, {
      replicas: plan.replicas,
      serviceName: plan.name,
    });
    this.out.statefulSets.push(statefulSet);
    const revision = `${plan.name}-${this.meta.templateHash()}`;
    for (let i = 0; i < plan.replicas; i++) {
      const name = `${plan.name}-${i}`;
      const labels = {
        ...plan.labels,
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
        'apps.kubernetes.io/pod-index': String(i),
      };
      this.pod(plan, name, undefined, labels, statefulSet, this.nodes.place());
    }
  }

  private daemonSet(plan: WorkloadPlan): void {
    const daemonSet = this.controller('apps/v1', 'DaemonSet', plan, plan.labels, {});
    this.out.daemonSets.push(daemonSet);
    const labels = {
      ...plan.labels,
      'controller-revision-hash': this.meta.templateHash(),
      'pod-template-generation': '1',
    };
    const taken = new Set<string>();
    for (const placement of this.nodes.placeOnDistinctNodes(plan.replicas, plan.hostNetwork)) {
      const name = this.uniqueSuffixedName(`${plan.name}-`, taken);
      this.pod(plan, name, `${plan.name}-`, labels, daemonSet, placement);
    }
  }

  private controller(
    apiVersion: string,
    kind: string,
    plan: WorkloadPlan,
    templateLabels: Record<string, string>,
    extraSpec: Record<string, unknown>,
  ): RawObject {
    return {
      apiVersion,
      kind,
      metadata: this.meta.meta({
        name: plan.name,
        namespace: plan.namespace,
        labels: { app: plan.name, ...(plan.labels.team ? { team: plan.labels.team } : {}) },
        annotations: { 'meta.helm.sh/release-name': plan.name },
        generation: 1,
      }),
      spec: {
        ...extraSpec,
        selector: { matchLabels: { ...plan.selector } },
        template: podTemplate(plan, templateLabels),
      },
      status: { observedGeneration: 1, replicas: plan.replicas, readyReplicas: plan.replicas },
    };
  }

  private pod(
    plan: WorkloadPlan,
    name: string,
    generateName: string | undefined,
    labels: Record<string, string>,
    owner: RawObject,
    placement: Placement,
  ): void {
    const metadata = this.meta.meta({
      name,
      ...(generateName === undefined ? {} : { generateName }),
      namespace: plan.namespace,
      labels: { ...labels },
      annotations: { 'kubectl.kubernetes.io/default-container': plan.name },
      ownerReferences: [controllerRef(owner)],
    });
    this.out.pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata,
      spec: podSpec(plan, placement, this.meta.nameSuffix()),
      status: podStatus(plan, placement, metadata.creationTimestamp),
    });
  }

  private uniqueSuffixedName(prefix: string, taken: Set<string>): string {
    let name = prefix + this.meta.nameSuffix();
    while (taken.has(name)) name = prefix + this.meta.nameSuffix();
    taken.add(name);
    return name;
  }
}
