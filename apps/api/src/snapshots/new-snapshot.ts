import type { SnapshotContent, Warning } from '@podreach/policy-engine';

/** A validated snapshot about to be stored: the engine's content plus where it belongs. */
export interface NewSnapshot {
  id: string;
  cluster: string;
  label: string;
  contentHash: string;
  /** The normalized objects as JSON, one text each (the engine's canonical JSON). */
  objectsJson: readonly string[];
  counts: Record<string, number>;
  warnings: readonly Warning[];
  skipped: SnapshotContent['skipped'];
  foreignPolicyKinds: string[];
  complete: boolean;
  incompleteReasons: string[];
}
