import type { Labels } from '@podreach/policy-engine';
import type { PodView, WorkloadView } from '../snapshot-views';
import type { Label } from './common.models';
import type { Pod, Workload } from './target.models';

/** Labels as a list, sorted by key: GraphQL has no map type. */
export function labelList(labels: Labels): Label[] {
  return Object.keys(labels)
    .sort()
    .map((key) => ({ key, value: labels[key] }));
}

export function workloadNode(snapshotId: string, view: WorkloadView): Workload {
  return {
    snapshotId,
    view,
    namespace: view.namespace,
    name: view.name,
    kind: view.kind,
    template: view.template,
    labels: labelList(view.labels),
    ips: view.ips,
  };
}

export function podNode(snapshotId: string, view: PodView): Pod {
  return {
    snapshotId,
    view,
    namespace: view.namespace,
    name: view.name,
    labels: labelList(view.labels),
    ips: view.ips,
    nodeName: view.nodeName,
    hostNetwork: view.hostNetwork,
    template: view.template,
  };
}
