import { Injectable } from '@nestjs/common';
import type {
  AnalysisOptions,
  DiffAnswer,
  DiffContext,
  DiffFormat,
  WhatIfInput,
} from '@podreach/policy-engine';
import type { DiffTask, SnapshotLabel, WhatIfTask } from '../analysis-pool/analysis-task-types';
import { AnalysisPool } from '../analysis-pool/analysis-pool.service';
import { AnalysisStore, type StoredAnswerRef } from '../analysis-store/analysis-store.service';
import { SnapshotsService } from '../snapshots/snapshots.service';

/** How a diff is wanted: the whole answer (GraphQL pages it), or rendered and streamed to `emit` (REST). */
type DiffDelivery =
  | { type: 'answer' }
  | { type: 'render'; format: DiffFormat; context: DiffContext; emit: (chunk: string) => void };

const renderOf = (delivery: DiffDelivery) =>
  delivery.type === 'render' ? { render: { format: delivery.format, context: delivery.context } } : {};

const emitOf = (delivery: DiffDelivery) => (delivery.type === 'render' ? delivery.emit : undefined);

interface DiffResult {
  computed?: Uint8Array;
  answer?: DiffAnswer;
}

/**
 * The change-review questions over stored snapshots, shared by the REST controllers and the GraphQL resolver:
 * the diff of two snapshots, and the diff a proposed change would make to one. Both run in the analysis worker
 * of the base snapshot, on the analyses it keeps; a what-if's head is analysed once and never stored.
 */
@Injectable()
export class DiffService {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly pool: AnalysisPool,
    private readonly store: AnalysisStore,
  ) {}

  /**
   * What changes from snapshot `baseId` to snapshot `headId`; NOT_FOUND when either does not exist. The answer
   * is kept in the database: a review bot asking again, or another replica, gets it without recomputing.
   */
  async diff(baseId: string, headId: string, options: AnalysisOptions): Promise<DiffAnswer> {
    return (await this.diffTask(baseId, headId, options, { type: 'answer' })).answer!;
  }

  /** The diff of `diff`, rendered in `format` and streamed to `emit`. */
  async renderDiff(
    baseId: string,
    headId: string,
    options: AnalysisOptions,
    render: { format: DiffFormat; context: DiffContext },
    emit: (chunk: string) => void,
  ): Promise<void> {
    await this.diffTask(baseId, headId, options, { type: 'render', ...render, emit });
  }

  /**
   * What `input` (manifests to apply, objects to delete) would change in snapshot `id`, without storing
   * anything. NOT_FOUND for an unknown snapshot or deletion, PARSE_ERROR or VALIDATION_FAILED for bad manifests.
   */
  async whatIf(id: string, input: WhatIfInput, options: AnalysisOptions): Promise<DiffAnswer> {
    return (await this.whatIfTask(id, input, options, { type: 'answer' })).answer!;
  }

  /** The what-if diff of `whatIf`, rendered in `format` and streamed to `emit`. */
  async renderWhatIf(
    id: string,
    input: WhatIfInput,
    options: AnalysisOptions,
    render: { format: DiffFormat; context: DiffContext },
    emit: (chunk: string) => void,
  ): Promise<void> {
    await this.whatIfTask(id, input, options, { type: 'render', ...render, emit });
  }

  private async whatIfTask(
    id: string,
    input: WhatIfInput,
    options: AnalysisOptions,
    delivery: DiffDelivery,
  ): Promise<DiffResult> {
    const task: WhatIfTask = { base: await this.labelOf(id), input, options, ...renderOf(delivery) };
    return this.pool.run<DiffResult>(id, 'whatIf', task, { onChunk: emitOf(delivery) });
  }

  private async diffTask(
    baseId: string,
    headId: string,
    options: AnalysisOptions,
    delivery: DiffDelivery,
  ): Promise<DiffResult> {
    // Both must exist, and be visible to the caller, before a stored answer is served.
    const [base, head] = await Promise.all([this.labelOf(baseId), this.labelOf(headId)]);
    const ref: StoredAnswerRef = {
      snapshotId: baseId,
      headId,
      kind: 'diff',
      key: `ipBlockMatchesPods=${options.ipBlockMatchesPods}`,
    };
    const task: DiffTask = {
      base,
      head,
      options,
      stored: await this.store.get(ref),
      ...renderOf(delivery),
    };
    const result = await this.pool.run<DiffResult>(baseId, 'diff', task, { onChunk: emitOf(delivery) });
    if (result.computed !== undefined) void this.store.put(ref, result.computed);
    return result;
  }

  private async labelOf(id: string): Promise<SnapshotLabel> {
    const record = await this.snapshots.get(id);
    return { id, ...(record.label ? { label: record.label } : {}) };
  }
}
