import type { Labels, ModelPod, ModelWorkload } from '@podreach/policy-engine';
import { commonLabels } from '../snapshot-views';
import type { Label } from './common.models';
import type { Pod, Workload } from './target.models';

/** Labels as a list, sorted by key: GraphQL has no map type. */
export function labelList(labels: Labels): Label[] {
  return Object.keys(labels)
    .sort()
    .map((key) => ({ key, value: labels[key] }));
}

export function workloadNode(snapshotId: string, model: ModelWorkload): Workload {
  return {
    snapshotId,
    model,
    namespace: model.namespace,
    name: model.name,
    kind: model.kind,
    template: model.template,
    labels: labelList(commonLabels(model.pods)),
    ips: model.pods.flatMap((pod) => pod.ips),
  };
}

export function podNode(snapshotId: string, model: ModelPod): Pod {
  return {
    snapshotId,
    model,
    namespace: model.namespace,
    name: model.name,
    labels: labelList(model.labels),
    ips: model.ips,
    nodeName: model.nodeName,
    hostNetwork: model.hostNetwork,
    template: model.template,
  };
}
