import type {
  AnalysisOptions,
  Direction,
  DirectionVerdict,
  Peer,
  PolicyRef,
  RuleRef,
} from '../evaluate/answers';
import type { ClassMatrix } from '../evaluate/class-matrix';
import type { EndpointRef } from '../evaluate/endpoints';
import { uniquePolicies, uniqueRules } from '../evaluate/rule-refs';
import type { SnapshotAnalysis } from '../evaluate/snapshot-analysis';
import type { DirectionResult } from '../evaluate/tiers/tier-walk';
import { workloadKey } from '../model/snapshot-model';
import { ConnectionSet } from '../sets';

/** The parts of a check's direction verdict that attribution compares. */
export interface VerdictSummary {
  conn: ConnectionSet;
  /** Sorted and distinct, as in `DirectionVerdict.isolatedBy`. */
  isolatedBy: PolicyRef[];
  /** Sorted and distinct, as in `DirectionVerdict.allowedBy`. */
  allowedBy: RuleRef[];
}

export type PairVerdict = Record<Direction, VerdictSummary>;

/**
 * The verdicts `check(src, dst)` gives, summarized per direction, for many pairs of one snapshot. A pair of
 * workloads whose pods all have a class is read from the class matrix that connectivity already evaluated:
 * check combines the walks of the pair's class pairs, and the matrix holds those walks. Other pairs (outside
 * ranges, hostNetwork pods, which check treats as addresses and nodes) are checked.
 */
export class PairVerdicts {
  /** By peer object: the peers of a connectivity answer are shared by all its entries. */
  private readonly classesByPeer = new Map<Peer, number[] | undefined>();
  /** One summary per walk: classes that a rule set treats alike share their walk in the matrix. */
  private readonly summaries = new Map<DirectionResult, VerdictSummary>();
  private matrix: ClassMatrix | undefined;

  constructor(
    private readonly analysis: SnapshotAnalysis,
    private readonly options: AnalysisOptions,
  ) {}

  /** The summarized egress verdict of `src` and ingress verdict of `dst`, as `check(src, dst)` gives them. */
  of(src: Peer, dst: Peer): PairVerdict {
    const srcClasses = this.classes(src);
    const dstClasses = this.classes(dst);
    // Pods shared by both ends make check pair pods, not classes: only a peer with itself could do that.
    if (srcClasses === undefined || dstClasses === undefined || sameWorkload(src, dst)) {
      return this.checked(src, dst);
    }
    const matrix = this.classMatrix();
    if (srcClasses.length === 1 && dstClasses.length === 1) {
      const [s, d] = [srcClasses[0], dstClasses[0]];
      return {
        egress: this.summary([matrix.result('egress', s, d)]),
        ingress: this.summary([matrix.result('ingress', d, s)]),
      };
    }
    const egress: DirectionResult[] = [];
    const ingress: DirectionResult[] = [];
    for (const s of srcClasses) {
      for (const d of dstClasses) {
        egress.push(matrix.result('egress', s, d));
        ingress.push(matrix.result('ingress', d, s));
      }
    }
    return { egress: this.summary(egress), ingress: this.summary(ingress) };
  }

  private checked(src: Peer, dst: Peer): PairVerdict {
    const answer = this.analysis.check(endpointOf(src), endpointOf(dst), {}, this.options);
    return { egress: summaryOf(answer.egress), ingress: summaryOf(answer.ingress) };
  }

  /** The distinct classes of a workload's pods; `undefined` when it is not a workload or some pod has none. */
  private classes(peer: Peer): number[] | undefined {
    if (peer.type !== 'workload') return undefined;
    if (this.classesByPeer.has(peer)) return this.classesByPeer.get(peer);
    const pods =
      this.analysis.model.workloadsByKey.get(workloadKey(peer.namespace, peer.kind, peer.name))?.pods ?? [];
    const { classOf } = this.classMatrix().compiled;
    const classes = new Set<number>();
    for (const pod of pods) classes.add(classOf.get(pod) ?? -1);
    const found = classes.size === 0 || classes.has(-1) ? undefined : [...classes];
    this.classesByPeer.set(peer, found);
    return found;
  }

  /** What check's verdict says of the walks of one direction: their union, isolating policies and rules. */
  private summary(results: DirectionResult[]): VerdictSummary {
    if (results.length > 1) return combine(results);
    let summary = this.summaries.get(results[0]);
    if (summary === undefined) {
      summary = combine(results);
      this.summaries.set(results[0], summary);
    }
    return summary;
  }

  private classMatrix(): ClassMatrix {
    this.matrix ??= this.analysis.classMatrix(this.options);
    return this.matrix;
  }
}

/** The endpoint a peer of a connectivity answer names; an outside range by its first address. */
export function endpointOf(peer: Peer): EndpointRef {
  switch (peer.type) {
    case 'workload':
      return { type: 'workload', namespace: peer.namespace, kind: peer.kind, name: peer.name };
    case 'pod':
      return { type: 'pod', namespace: peer.namespace, name: peer.name };
    case 'ipRange':
      return { type: 'ip', address: peer.start };
  }
}

function combine(results: DirectionResult[]): VerdictSummary {
  let conn = ConnectionSet.none();
  for (const result of results) conn = conn.union(result.conn);
  return {
    conn,
    isolatedBy: uniquePolicies(results.flatMap((result) => result.isolatedBy)),
    allowedBy: uniqueRules(
      results.flatMap((result) =>
        result.rules.filter((rule) => !rule.conn.isEmpty()).map((rule) => rule.ref),
      ),
    ),
  };
}

function summaryOf(verdict: DirectionVerdict): VerdictSummary {
  return {
    conn: ConnectionSet.fromJSON(verdict.conn),
    isolatedBy: verdict.isolatedBy,
    allowedBy: verdict.allowedBy,
  };
}

function sameWorkload(a: Peer, b: Peer): boolean {
  return (
    a.type === 'workload' &&
    b.type === 'workload' &&
    a.namespace === b.namespace &&
    a.kind === b.kind &&
    a.name === b.name
  );
}
