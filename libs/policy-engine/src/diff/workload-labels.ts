import type { ModelWorkload } from '../model/snapshot-model-types';

/**
 * Labels controllers set per pod or per run: a rollout changes `pod-template-hash`, every CronJob run brings a
 * new `job-name` and `controller-uid`. They say nothing about a change a person made.
 */
export const CONTROLLER_POD_LABELS: readonly string[] = [
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-completion-index',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
  'controller-uid',
  'job-name',
];

/**
 * A label of a workload's pods: its value when every pod has it with that value, otherwise (pods of one
 * workload that disagree, as in the middle of a rollout) the sorted distinct values, `null` standing for
 * pods without the label.
 */
export type WorkloadLabelValue = string | (string | null)[];

/**
 * The labels a workload's pods carry (its template's labels when it has no live pods), leaving out the keys
 * in `ignored`.
 */
export function workloadLabels(
  workload: ModelWorkload,
  ignored: ReadonlySet<string>,
): Map<string, WorkloadLabelValue> {
  const valuesByKey = new Map<string, Set<string | null>>();
  workload.pods.forEach((pod, index) => {
    for (const [key, value] of Object.entries(pod.labels)) {
      if (ignored.has(key)) continue;
      let values = valuesByKey.get(key);
      if (values === undefined) {
        values = new Set(index > 0 ? [null] : []);
        valuesByKey.set(key, values);
      }
      values.add(value);
    }
    for (const [key, values] of valuesByKey) {
      if (!Object.hasOwn(pod.labels, key)) values.add(null);
    }
  });
  const labels = new Map<string, WorkloadLabelValue>();
  for (const [key, values] of valuesByKey) {
    const distinct = [...values];
    labels.set(key, distinct.length === 1 && distinct[0] !== null ? distinct[0] : distinct.sort(nullsFirst));
  }
  return labels;
}

function nullsFirst(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
