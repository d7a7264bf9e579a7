import type { Warning } from '../model/objects';
import type { SnapshotContent } from './snapshot-content';

type SkippedEntry = SnapshotContent['skipped'][number];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Counts the objects an upload had that podreach does not store: kinds it does not use (per kind and
 * apiVersion) and policies of other network plugins. Only counts are kept, never contents.
 */
export class SkippedKinds {
  private readonly other = new Map<string, SkippedEntry>();
  private readonly foreign = new Map<string, number>();

  addOther(kind: string, apiVersion: string | undefined): void {
    const key = `${kind}\u0000${apiVersion ?? ''}`;
    const entry = this.other.get(key);
    if (entry) entry.count++;
    else this.other.set(key, { kind, ...(apiVersion !== undefined ? { apiVersion } : {}), count: 1 });
  }

  /** `label` names the kind as users know it, e.g. `NetworkPolicy (crd.projectcalico.org/v1)`. */
  addForeignPolicy(label: string): void {
    this.foreign.set(label, (this.foreign.get(label) ?? 0) + 1);
  }

  /**
   * The snapshot's account of what was left out: one `SKIPPED_KIND` warning per kind with its count, and
   * for foreign policies a reason the snapshot is incomplete (traffic they block is not seen) that is
   * also a `FOREIGN_POLICY_KIND` warning.
   */
  summary(): Pick<SnapshotContent, 'skipped' | 'foreignPolicyKinds' | 'incompleteReasons'> & {
    warnings: Warning[];
  } {
    const skipped = [...this.other.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, entry]) => ({ ...entry }));
    const foreignPolicyKinds = [...this.foreign.keys()].sort(compareText);
    const incompleteReasons = foreignPolicyKinds.map(
      (label) =>
        `${this.foreign.get(label)} ${label} object(s) were skipped: podreach does not evaluate this network plugin's policies, so traffic they block is not seen`,
    );
    const warnings: Warning[] = [
      ...skipped.map(({ kind, apiVersion, count }) => ({
        code: 'SKIPPED_KIND',
        message: `skipped ${count} ${kind}${apiVersion ? ` (${apiVersion})` : ''} object(s): podreach does not use this kind, and keeps none of its contents`,
      })),
      ...incompleteReasons.map((message) => ({ code: 'FOREIGN_POLICY_KIND', message })),
    ];
    return { skipped, foreignPolicyKinds, incompleteReasons, warnings };
  }
}
