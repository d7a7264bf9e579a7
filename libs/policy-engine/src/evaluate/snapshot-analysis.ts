import { adminCompileWarnings } from '../compile/admin-compile-warnings';
import { compileWarnings } from '../compile/compile-warnings';
import { compileSnapshot, type CompiledSnapshot } from '../compile/compiled-snapshot';
import type { K8sObject, Warning } from '../model/objects';
import { buildSnapshotModel, type SnapshotMeta, type SnapshotModel } from '../model/snapshot-model';
import {
  DEFAULT_OPTIONS,
  type AnalysisOptions,
  type AnswerMeta,
  type CheckAnswer,
  type ConnectivityAnswer,
  type ConnectivityListing,
  type DirectionAnswer,
  type Granularity,
  type PolicyRef,
} from './answers';
import { checkConnection } from './check';
import { ClassMatrix } from './class-matrix';
import { connectivity, connectivityListing } from './connectivity';
import { directionAnswer } from './direction-answer';
import { findEndpoint, resolveEndpointText, type EndpointRef, type TargetRef } from './endpoints';
import { podEnd } from './ends';
import { PairEvaluator } from './pair-evaluator';
import { validateQuery, type ConnectionQuery } from './query';
import { uniquePolicies } from './rule-refs';
import { AdminTier } from './tiers/admin-tier';
import { NetworkPolicyTier } from './tiers/network-policy-tier';
import type { DirectionTier } from './tiers/tier';

/** A question about the peers of a target: an optional protocol/port and the granularity of the peers. */
export interface DirectionQuery extends ConnectionQuery {
  /** Default: `pod` for a pod target, `workload` for a workload target. */
  granularity?: Granularity;
}

/** The questions podreach answers about one snapshot (see SEMANTICS.md). Deterministic for equal input. */
export interface SnapshotAnalysis {
  readonly model: SnapshotModel;
  /** Every warning about the snapshot: the model's and those that need compiled selectors. */
  readonly warnings: Warning[];
  check(
    src: EndpointRef,
    dst: EndpointRef,
    query?: ConnectionQuery,
    options?: Partial<AnalysisOptions>,
  ): CheckAnswer;
  ingress(target: TargetRef, query?: DirectionQuery, options?: Partial<AnalysisOptions>): DirectionAnswer;
  egress(target: TargetRef, query?: DirectionQuery, options?: Partial<AnalysisOptions>): DirectionAnswer;
  /** Computed once per options and granularity; the answer is shared, so callers must not modify it. */
  connectivity(options?: Partial<AnalysisOptions> & { granularity?: Granularity }): ConnectivityAnswer;
  /**
   * The pairs of `connectivity`, in its order, computed as they are read rather than held: memory stays with
   * the class-level analysis however many pairs there are. The answer `connectivity` already holds, if any.
   */
  connectivityListing(
    options?: Partial<AnalysisOptions> & { granularity?: Granularity },
  ): ConnectivityListing;
  /**
   * The class-level evaluation behind `connectivity`, computed once per options and kept with its answers:
   * the diff reads the verdicts of many pairs from it rather than checking each pair again.
   */
  classMatrix(options?: Partial<AnalysisOptions>): ClassMatrix;
  policiesSelecting(target: TargetRef): { ingress: PolicyRef[]; egress: PolicyRef[] };
  resolve(text: string): EndpointRef;
}

/**
 * Builds the snapshot model and answers questions about it; each set of options is compiled once, on first
 * use, and reused by every later question.
 */
export function analyze(objects: K8sObject[], meta?: SnapshotMeta): SnapshotAnalysis {
  return new Analysis(buildSnapshotModel(objects, meta));
}

class Analysis implements SnapshotAnalysis {
  private readonly evaluators = new Map<string, PairEvaluator>();
  /** Snapshots are immutable: each full connectivity answer is computed once per options and granularity. */
  private readonly connectivityAnswers = new Map<string, ConnectivityAnswer>();
  private readonly matrices = new Map<string, ClassMatrix>();
  private allWarnings: Warning[] | undefined;

  constructor(readonly model: SnapshotModel) {}

  get warnings(): Warning[] {
    const compiled = this.evaluator(DEFAULT_OPTIONS).compiled;
    this.allWarnings ??= [
      ...this.model.warnings,
      ...compileWarnings(compiled),
      ...adminCompileWarnings(compiled),
    ];
    return this.allWarnings;
  }

  check(
    src: EndpointRef,
    dst: EndpointRef,
    query: ConnectionQuery = {},
    options?: Partial<AnalysisOptions>,
  ): CheckAnswer {
    validateQuery(query);
    const resolvedSrc = findEndpoint(this.model, src);
    const resolvedDst = findEndpoint(this.model, dst);
    const full = fullOptions(options);
    return checkConnection(this.evaluator(full), resolvedSrc, resolvedDst, query, this.meta(full));
  }

  ingress(
    target: TargetRef,
    query: DirectionQuery = {},
    options?: Partial<AnalysisOptions>,
  ): DirectionAnswer {
    return this.direction('ingress', target, query, options);
  }

  egress(target: TargetRef, query: DirectionQuery = {}, options?: Partial<AnalysisOptions>): DirectionAnswer {
    return this.direction('egress', target, query, options);
  }

  connectivity(options: Partial<AnalysisOptions> & { granularity?: Granularity } = {}): ConnectivityAnswer {
    const full = fullOptions(options);
    const granularity = options.granularity ?? 'workload';
    const key = JSON.stringify([full, granularity]);
    let answer = this.connectivityAnswers.get(key);
    if (answer === undefined) {
      answer = connectivity(this.evaluator(full), granularity, this.meta(full), this.classMatrix(full));
      this.connectivityAnswers.set(key, answer);
    }
    return answer;
  }

  connectivityListing(
    options: Partial<AnalysisOptions> & { granularity?: Granularity } = {},
  ): ConnectivityListing {
    const full = fullOptions(options);
    const granularity = options.granularity ?? 'workload';
    return (
      this.connectivityAnswers.get(JSON.stringify([full, granularity])) ??
      connectivityListing(this.evaluator(full), granularity, this.meta(full), this.classMatrix(full))
    );
  }

  classMatrix(options?: Partial<AnalysisOptions>): ClassMatrix {
    const full = fullOptions(options);
    const key = JSON.stringify(full);
    let matrix = this.matrices.get(key);
    if (matrix === undefined) {
      matrix = new ClassMatrix(this.evaluator(full));
      this.matrices.set(key, matrix);
    }
    return matrix;
  }

  policiesSelecting(target: TargetRef): { ingress: PolicyRef[]; egress: PolicyRef[] } {
    const evaluator = this.evaluator(DEFAULT_OPTIONS);
    const ends = findEndpoint(this.model, target).pods.map((pod) => podEnd(evaluator.compiled, pod));
    const selecting = (direction: 'ingress' | 'egress') =>
      uniquePolicies(
        ends.flatMap((end) => (end.kind === 'class' ? evaluator.selecting(direction, end.id) : [])),
      );
    return { ingress: selecting('ingress'), egress: selecting('egress') };
  }

  resolve(text: string): EndpointRef {
    return resolveEndpointText(this.model, text);
  }

  private direction(
    direction: 'ingress' | 'egress',
    target: TargetRef,
    query: DirectionQuery,
    options: Partial<AnalysisOptions> | undefined,
  ): DirectionAnswer {
    validateQuery(query);
    const resolved = findEndpoint(this.model, target);
    const full = fullOptions(options);
    const granularity = query.granularity ?? (target.type === 'pod' ? 'pod' : 'workload');
    return directionAnswer(this.evaluator(full), direction, resolved, query, granularity, this.meta(full));
  }

  private meta(options: AnalysisOptions): AnswerMeta {
    const reasons = [...this.model.incompleteReasons];
    return {
      options,
      complete: this.model.complete && reasons.length === 0,
      ...(reasons.length > 0 ? { incompleteReasons: reasons } : {}),
      warnings: this.warnings,
    };
  }

  private evaluator(options: AnalysisOptions): PairEvaluator {
    const key = JSON.stringify(options);
    let evaluator = this.evaluators.get(key);
    if (evaluator === undefined) {
      const compiled: CompiledSnapshot = compileSnapshot(this.model, options);
      // Per direction: admin tier, NetworkPolicy tier, baseline tier, then the default allow.
      const tiers: DirectionTier[] =
        this.model.adminPolicies.length === 0
          ? [new NetworkPolicyTier(compiled)]
          : [
              new AdminTier('admin', compiled),
              new NetworkPolicyTier(compiled),
              new AdminTier('baseline', compiled),
            ];
      evaluator = new PairEvaluator(compiled, tiers);
      this.evaluators.set(key, evaluator);
    }
    return evaluator;
  }
}

function fullOptions(options: Partial<AnalysisOptions> | undefined): AnalysisOptions {
  return { ipBlockMatchesPods: options?.ipBlockMatchesPods ?? DEFAULT_OPTIONS.ipBlockMatchesPods };
}
