export { fieldPath, itemPath } from './field-path';
export { diffValues, type DiffOptions, type FieldChange } from './value-diff';
export { sameValue } from './same-value';
export { diffPolicies, type ObjectChange, type PolicyChange } from './policy-diff';
export { diffLabels, diffModelLabels, type LabelChange } from './label-diff';
export type { WorkloadLabelValue } from './workload-labels';
export type {
  ChangeCause,
  ConnectivityChange,
  DiffAnswer,
  DiffSnapshotRef,
  DiffSummary,
  Exposure,
  WorkloadChange,
} from './diff-answer';
export { diffConnections, type PairChange } from './connectivity-diff';
export { diffSnapshots, type DiffSide, type SnapshotDiffOptions } from './snapshot-diff';
export { applyWhatIf, whatIf, type WhatIfDeletion, type WhatIfInput } from './what-if';
