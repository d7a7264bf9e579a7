import type { Labels, Warning, WorkloadKind } from './objects';
import type { ModelWorkload } from './snapshot-model-types';

/** Labels controllers set per pod; they differ between pods of one workload by design. */
const PER_POD_CONTROLLER_LABELS = [
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
];

/**
 * A `WORKLOAD_PODS_DIFFER` warning for each workload whose live pods carry different labels, ignoring the
 * per-pod controller labels unless some selector uses them (then policies can tell those pods apart).
 */
export function workloadLabelWarnings(
  workloads: ModelWorkload[],
  selectorKeys: ReadonlySet<string>,
): Warning[] {
  const ignored = new Set(PER_POD_CONTROLLER_LABELS.filter((key) => !selectorKeys.has(key)));
  const warnings: Warning[] = [];
  for (const workload of workloads) {
    if (workload.pods.length < 2) continue;
    const firstLabels = workload.pods[0].labels;
    const other = workload.pods.find((pod) => !sameLabels(firstLabels, pod.labels, ignored));
    if (other === undefined) continue;
    const first = labelText(firstLabels, ignored);
    warnings.push({
      code: 'WORKLOAD_PODS_DIFFER',
      message: `pods of ${workload.namespace}/${workload.name}[${workload.kind}] have different labels (${workload.pods[0].name}: ${first || '(none)'}; ${other.name}: ${labelText(other.labels, ignored) || '(none)'}): policies may treat them differently`,
      object: {
        kind: workload.kind as WorkloadKind | 'Pod',
        namespace: workload.namespace,
        name: workload.name,
      },
    });
  }
  return warnings;
}

function labelText(labels: Labels, ignored: ReadonlySet<string>): string {
  return Object.keys(labels)
    .filter((key) => !ignored.has(key))
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

function sameLabels(a: Labels, b: Labels, ignored: ReadonlySet<string>): boolean {
  let counted = 0;
  for (const key in a) {
    if (ignored.has(key)) continue;
    if (b[key] !== a[key]) return false;
    counted++;
  }
  for (const key in b) if (!ignored.has(key)) counted--;
  return counted === 0;
}
