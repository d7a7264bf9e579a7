import type { K8sObject, SnapshotContent, Warning } from '@podreach/policy-engine';

/** A validated snapshot about to be stored: the engine's content plus where it belongs. */
export interface NewSnapshot {
  id: string;
  cluster: string;
  label: string;
  contentHash: string;
  objects: readonly K8sObject[];
  counts: Record<string, number>;
  warnings: readonly Warning[];
  skipped: SnapshotContent['skipped'];
  foreignPolicyKinds: string[];
  complete: boolean;
  incompleteReasons: string[];
}
