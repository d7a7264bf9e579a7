export { fieldPath, itemPath } from './field-path';
export { diffValues, type DiffOptions, type FieldChange } from './value-diff';
export { sameValue } from './same-value';
export { diffPolicies, type ObjectChange, type PolicyChange } from './policy-diff';
export { diffLabels, diffModelLabels, type LabelChange } from './label-diff';
export type { WorkloadLabelValue } from './workload-labels';
