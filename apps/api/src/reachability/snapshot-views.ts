import type { Labels, ModelPod, ModelWorkload, PolicyRef, SnapshotModel } from '@podreach/policy-engine';

/** A pod as the API shows it: a live pod, or the template pod of a workload without live pods. */
export interface PodView {
  namespace: string;
  name: string;
  labels: Labels;
  ips: string[];
  nodeName?: string;
  hostNetwork: boolean;
  /** True for the template pod of a workload manifest: it has no IP and stands for the pods to come. */
  template: boolean;
  workload: { namespace: string; kind: string; name: string };
}

/** A workload as users know it, with the pods the analysis sees for it. */
export interface WorkloadView {
  namespace: string;
  name: string;
  kind: string;
  template: boolean;
  /** The labels every pod of the workload carries: what selectors can count on. */
  labels: Labels;
  ips: string[];
  pods: PodView[];
}

/** Whether a target is isolated in each direction, and by which policies (SEMANTICS rule 3). */
export interface Isolation {
  ingress: { isolated: boolean; policies: PolicyRef[] };
  egress: { isolated: boolean; policies: PolicyRef[] };
}

/** The labels all pods of a workload share; pods of one rollout differ in `pod-template-hash`. */
export function commonLabels(pods: readonly ModelPod[]): Labels {
  if (pods.length === 0) return {};
  const [first, ...rest] = pods;
  return Object.fromEntries(
    Object.entries(first.labels).filter(([key, value]) => rest.every((pod) => pod.labels[key] === value)),
  );
}

export function podView(model: SnapshotModel, pod: ModelPod): PodView {
  const workload = model.workloadsByKey.get(pod.workload);
  return {
    namespace: pod.namespace,
    name: pod.name,
    labels: pod.labels,
    ips: pod.ips,
    ...(pod.nodeName !== undefined ? { nodeName: pod.nodeName } : {}),
    hostNetwork: pod.hostNetwork,
    template: pod.template,
    workload: {
      namespace: pod.namespace,
      kind: workload?.kind ?? 'Pod',
      name: workload?.name ?? pod.name,
    },
  };
}

export function workloadView(model: SnapshotModel, workload: ModelWorkload): WorkloadView {
  return {
    namespace: workload.namespace,
    name: workload.name,
    kind: workload.kind,
    template: workload.template,
    labels: commonLabels(workload.pods),
    ips: workload.pods.flatMap((pod) => pod.ips),
    pods: workload.pods.map((pod) => podView(model, pod)),
  };
}

export function isolationOf(selecting: { ingress: PolicyRef[]; egress: PolicyRef[] }): Isolation {
  return {
    ingress: { isolated: selecting.ingress.length > 0, policies: selecting.ingress },
    egress: { isolated: selecting.egress.length > 0, policies: selecting.egress },
  };
}
