import { Injectable } from '@nestjs/common';
import {
  applyWhatIf,
  diffSnapshots,
  type AnalysisOptions,
  type DiffAnswer,
  type DiffSide,
  type Warning,
  type WhatIfInput,
} from '@podreach/policy-engine';
import { AnalysisStore } from '../analysis-store/analysis-store.service';
import { AnalysisService } from '../reachability/analysis.service';
import { SnapshotsService } from '../snapshots/snapshots.service';

/**
 * The change-review questions over stored snapshots, shared by the REST controllers and the GraphQL resolver:
 * the diff of two snapshots, and the diff a proposed change would make to one. Both sides reuse the cached
 * analyses of stored snapshots; a what-if's head is analysed once and never stored.
 */
@Injectable()
export class DiffService {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly analyses: AnalysisService,
    private readonly store: AnalysisStore,
  ) {}

  /**
   * What changes from snapshot `baseId` to snapshot `headId`; NOT_FOUND when either does not exist. The answer
   * is kept in the database: a review bot asking again, or another replica, gets it without recomputing.
   */
  async diff(baseId: string, headId: string, options: AnalysisOptions): Promise<DiffAnswer> {
    // Both must exist (and be visible to the caller) before a stored answer is served.
    await Promise.all([this.snapshots.get(baseId), this.snapshots.get(headId)]);
    const ref = {
      snapshotId: baseId,
      headId,
      kind: 'diff',
      key: `ipBlockMatchesPods=${options.ipBlockMatchesPods}`,
    } as const;
    const stored = await this.store.get<DiffAnswer>(ref);
    if (stored !== undefined) return stored;
    const [base, head] = await Promise.all([this.side(baseId), this.side(headId)]);
    const answer = diffSnapshots(base, head, options);
    void this.store.put(ref, answer);
    return answer;
  }

  /**
   * What `input` (manifests to apply, objects to delete) would change in snapshot `id`, without storing
   * anything. NOT_FOUND for an unknown snapshot or deletion, PARSE_ERROR or VALIDATION_FAILED for bad manifests.
   */
  async whatIf(id: string, input: WhatIfInput, options: AnalysisOptions): Promise<DiffAnswer> {
    const base = await this.side(id);
    const [record, baseObjects] = await Promise.all([this.snapshots.get(id), this.snapshots.objects(id)]);
    const objects = applyWhatIf(baseObjects, input.manifests, input.deletions ?? []);
    const meta = {
      complete: record.complete,
      incompleteReasons: record.incompleteReasons,
      warnings: record.warnings as unknown as Warning[],
    };
    return diffSnapshots(base, { id: `${id} (what-if)`, objects, meta }, { ...options, whatIf: true });
  }

  private async side(id: string): Promise<DiffSide> {
    const record = await this.snapshots.get(id);
    const analysis = await this.analyses.analysis(id);
    return { id, ...(record.label ? { label: record.label } : {}), analysis };
  }
}
