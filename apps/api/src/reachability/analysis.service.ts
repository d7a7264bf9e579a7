import { Injectable } from '@nestjs/common';
import type {
  AnalysisOptions,
  CheckAnswer,
  ConnectionQuery,
  ConnectivityAnswer,
  ConnectivityFormat,
  Direction,
  DirectionAnswer,
  DirectionQuery,
  EndpointRef,
  Granularity,
  ModelNamespace,
  PolicyRef,
  TargetRef,
} from '@podreach/policy-engine';
import type {
  ConnectivityTask,
  Listing,
  ObjectFilter,
  PolicySummary,
} from '../analysis-pool/analysis-task-types';
import { AnalysisPool } from '../analysis-pool/analysis-pool.service';
import { AnalysisStore, type StoredAnswerRef } from '../analysis-store/analysis-store.service';
import type { Isolation, PodView, WorkloadView } from './snapshot-views';

export type { ObjectFilter, PolicySummary };

/** Part of a list: where it starts and how many items it holds at most. */
type Slice = { start: number; size: number };

/** The policies that select a target, per direction. */
export interface Selecting {
  ingress: PolicyRef[];
  egress: PolicyRef[];
}

/** A part of a connectivity answer: `connections` holds the slice asked for, `total` counts them all. */
export interface ConnectivitySlice {
  answer: ConnectivityAnswer;
  total: number;
}

interface ConnectivityResult {
  missing?: true;
  computed?: Uint8Array;
  answer?: ConnectivityAnswer;
  total?: number;
}

/**
 * The reachability questions over stored snapshots, shared by the REST controllers and GraphQL resolvers.
 * Every question is answered by the analysis workers (AnalysisPool), which compile a snapshot once and keep
 * it: snapshots never change once stored. Answers are plain data: views of workloads and pods, engine answers.
 */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly pool: AnalysisPool,
    private readonly store: AnalysisStore,
  ) {}

  /** The snapshot's namespaces, by name. */
  namespaces(snapshotId: string): Promise<ModelNamespace[]> {
    return this.pool.run(snapshotId, 'namespaces', { snapshot: snapshotId });
  }

  /**
   * Workloads by namespace, name and kind, or the `slice` of them; NOT_FOUND for an unknown namespace,
   * BAD_USER_INPUT for a bad selector.
   */
  workloads(snapshotId: string, filter: ObjectFilter = {}, slice?: Slice): Promise<Listing<WorkloadView>> {
    return this.pool.run(snapshotId, 'workloads', { snapshot: snapshotId, filter, slice });
  }

  /** Live and template pods by namespace and name, filtered and sliced as `workloads` are. */
  pods(snapshotId: string, filter: ObjectFilter = {}, slice?: Slice): Promise<Listing<PodView>> {
    return this.pool.run(snapshotId, 'pods', { snapshot: snapshotId, filter, slice });
  }

  /** NetworkPolicies (of one namespace, or all) and then the cluster-scoped admin policies. */
  policies(snapshotId: string, namespace?: string): Promise<PolicySummary[]> {
    return this.pool.run(snapshotId, 'policies', { snapshot: snapshotId, namespace });
  }

  /** One workload; the kind is matched ignoring case. NOT_FOUND when absent. */
  workload(snapshotId: string, namespace: string, kind: string, name: string): Promise<WorkloadView> {
    return this.pool.run(snapshotId, 'workload', { snapshot: snapshotId, namespace, kind, name });
  }

  /** One live pod; NOT_FOUND when absent. */
  pod(snapshotId: string, namespace: string, name: string): Promise<PodView> {
    return this.pool.run(snapshotId, 'pod', { snapshot: snapshotId, namespace, name });
  }

  /** Whether the target is isolated per direction, and by which policies. */
  isolation(snapshotId: string, target: TargetRef): Promise<Isolation> {
    return this.pool.run(snapshotId, 'isolation', { snapshot: snapshotId, target });
  }

  /** The policies that select each target, per direction, in one task. */
  selecting(snapshotId: string, targets: readonly TargetRef[]): Promise<Selecting[]> {
    return this.pool.run(snapshotId, 'selecting', { snapshot: snapshotId, targets });
  }

  /** Every peer that may reach the target (`ingress`) or that it may reach (`egress`), and why. */
  direction(
    snapshotId: string,
    direction: Direction,
    target: TargetRef,
    query: DirectionQuery,
    options: AnalysisOptions,
  ): Promise<DirectionAnswer> {
    return this.pool.run(snapshotId, 'direction', {
      snapshot: snapshotId,
      direction,
      target,
      query,
      options,
    });
  }

  /**
   * Whether `from` may open `query` toward `to`, with the verdict of each direction. Both ends are a user's
   * reference (`namespace/Kind/name`, `namespace/name`, or an IP address).
   */
  check(
    snapshotId: string,
    from: string | EndpointRef,
    to: string | EndpointRef,
    query: ConnectionQuery,
    options: AnalysisOptions,
  ): Promise<CheckAnswer> {
    return this.pool.run(snapshotId, 'check', { snapshot: snapshotId, from, to, query, options });
  }

  /**
   * A workload or pod named in the users' own words: with a kind as `namespace/Kind/name` (`Pod` finds a
   * bare pod or a single pod), without one as `namespace/name` when that is unambiguous (else AMBIGUOUS).
   */
  target(snapshotId: string, namespace: string, name: string, kind?: string): Promise<TargetRef> {
    const reference = kind ? `${namespace}/${kind}/${name}` : `${namespace}/${name}`;
    return this.pool.run(snapshotId, 'target', { snapshot: snapshotId, reference });
  }

  /**
   * Connections `start` to `start + size` of the snapshot's connectivity, with the answer's meta. The answer is
   * computed once per options and kept by the worker and in the database, where a restart or another replica
   * finds it without compiling the snapshot; that of a huge snapshot (tens of millions of pairs) is never kept,
   * and each page reads its pairs again as they are computed.
   */
  async connectivitySlice(
    snapshotId: string,
    granularity: Granularity,
    options: AnalysisOptions,
    slice: { start: number; size: number },
  ): Promise<ConnectivitySlice> {
    const result = await this.connectivity({ snapshot: snapshotId, granularity, options, slice });
    return { answer: result.answer!, total: result.total! };
  }

  /** Streams the snapshot's whole connectivity, rendered in `format`, to `emit`. */
  async renderConnectivity(
    snapshotId: string,
    granularity: Granularity,
    options: AnalysisOptions,
    format: ConnectivityFormat,
    emit: (chunk: string) => void,
  ): Promise<void> {
    await this.connectivity({ snapshot: snapshotId, granularity, options, render: { format } }, emit);
  }

  private async connectivity(
    task: ConnectivityTask,
    emit?: (chunk: string) => void,
  ): Promise<ConnectivityResult> {
    const run = (args: ConnectivityTask) =>
      this.pool.run<ConnectivityResult>(task.snapshot, 'connectivity', args, { onChunk: emit });
    // What the worker has at hand costs no database read; otherwise the stored answer, else a computation.
    const kept = await run({ ...task, ifCached: true });
    if (kept.missing !== true) return kept;
    const ref: StoredAnswerRef = {
      snapshotId: task.snapshot,
      kind: 'connectivity',
      key: `granularity=${task.granularity} ipBlockMatchesPods=${task.options.ipBlockMatchesPods}`,
    };
    const stored = await this.store.get(ref);
    const result = await run({ ...task, stored });
    if (result.computed !== undefined) void this.store.put(ref, result.computed);
    return result;
  }
}
