import type { K8sObject } from '../model/objects';
import { buildSnapshotModel } from '../model/snapshot-model';
import { policySelectorKeys } from '../model/snapshot-model-selector-keys';
import { compareText, workloadKey, type SnapshotModel } from '../model/snapshot-model-types';
import { fieldPath } from './field-path';
import type { ObjectChange } from './policy-diff';
import { sameValue } from './same-value';
import type { FieldChange } from './value-diff';
import { CONTROLLER_POD_LABELS, workloadLabels, type WorkloadLabelValue } from './workload-labels';

/** A namespace or workload whose labels differ between two snapshots. */
export interface LabelChange {
  /** `Namespace`, a top-level workload kind (`Deployment`, `StatefulSet`, ...), or `Pod` for a bare pod. */
  kind: string;
  /** The workload's namespace; absent for a namespace. */
  namespace?: string;
  name: string;
  change: ObjectChange;
  /**
   * One entry per changed label, path `labels.team` or `labels["app.kubernetes.io/name"]`. An added or
   * removed namespace or workload lists every label it has (labels are few, and they are what selectors see).
   */
  fields: FieldChange[];
}

/**
 * Label changes from `base` to `head`, as the analysis sees them: namespaces (with the automatic
 * `kubernetes.io/metadata.name`, including namespaces only mentioned by other objects) first, by name; then
 * workloads as users know them (live pods grouped into their top-level controller, template pods of
 * workload objects without live pods, bare pods as kind `Pod`), by namespace, name and kind.
 */
export function diffLabels(base: K8sObject[], head: K8sObject[]): LabelChange[] {
  return diffModelLabels(buildSnapshotModel(base), buildSnapshotModel(head));
}

/**
 * `diffLabels` on snapshot models already built. Labels that controllers set per pod or per run
 * (`pod-template-hash`, ...) are left out unless a pod selector of either snapshot uses them.
 */
export function diffModelLabels(base: SnapshotModel, head: SnapshotModel): LabelChange[] {
  const used = new Set([
    ...policySelectorKeys(base.networkPolicies, base.adminPolicies),
    ...policySelectorKeys(head.networkPolicies, head.adminPolicies),
  ]);
  const ignored = new Set(CONTROLLER_POD_LABELS.filter((key) => !used.has(key)));
  return [
    ...diffOwners(namespaceLabels(base), namespaceLabels(head)),
    ...diffOwners(workloadLabelsOf(base, ignored), workloadLabelsOf(head, ignored)),
  ];
}

interface LabelOwner {
  kind: string;
  namespace?: string;
  name: string;
  labels: ReadonlyMap<string, WorkloadLabelValue>;
}

/** Label changes of owners matched by key, sorted by namespace, name and kind. */
function diffOwners(before: Map<string, LabelOwner>, after: Map<string, LabelOwner>): LabelChange[] {
  const changes: LabelChange[] = [];
  for (const [key, owner] of before) {
    const current = after.get(key);
    const fields = labelFields(owner.labels, current?.labels ?? new Map());
    if (current === undefined) changes.push(labelChange(owner, 'removed', fields));
    else if (fields.length > 0) changes.push(labelChange(owner, 'modified', fields));
  }
  for (const [key, owner] of after) {
    if (!before.has(key)) changes.push(labelChange(owner, 'added', labelFields(new Map(), owner.labels)));
  }
  return changes.sort(
    (a, b) =>
      compareText(a.namespace ?? '', b.namespace ?? '') ||
      compareText(a.name, b.name) ||
      compareText(a.kind, b.kind),
  );
}

function labelFields(
  before: ReadonlyMap<string, WorkloadLabelValue>,
  after: ReadonlyMap<string, WorkloadLabelValue>,
): FieldChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
  const fields: FieldChange[] = [];
  for (const key of keys) {
    const old = before.get(key) ?? null;
    const current = after.get(key) ?? null;
    if (!sameValue(old, current)) {
      fields.push({ path: fieldPath('labels', key), before: old, after: current });
    }
  }
  return fields;
}

function labelChange(owner: LabelOwner, change: ObjectChange, fields: FieldChange[]): LabelChange {
  return {
    kind: owner.kind,
    ...(owner.namespace !== undefined && { namespace: owner.namespace }),
    name: owner.name,
    change,
    fields,
  };
}

function namespaceLabels(model: SnapshotModel): Map<string, LabelOwner> {
  return new Map(
    model.namespaces.map((ns) => [
      ns.name,
      { kind: 'Namespace', name: ns.name, labels: new Map(Object.entries(ns.labels)) },
    ]),
  );
}

function workloadLabelsOf(model: SnapshotModel, ignored: ReadonlySet<string>): Map<string, LabelOwner> {
  return new Map(
    model.workloads.map((w) => [
      workloadKey(w.namespace, w.kind, w.name),
      { kind: w.kind, namespace: w.namespace, name: w.name, labels: workloadLabels(w, ignored) },
    ]),
  );
}
