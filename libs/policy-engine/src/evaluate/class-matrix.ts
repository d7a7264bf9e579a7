import type { CompiledSnapshot } from '../compile/compiled-snapshot';
import { ConnectionSet } from '../sets';
import type { Direction } from './answers';
import type { ClassRow, PairEvaluator } from './pair-evaluator';
import type { DirectionResult } from './tiers/tier-walk';

/**
 * What every class may open to every class (both ends checked) and what each class may open toward or
 * accept from each outside atom: the class-level analysis that connectivity spreads over workloads or pods.
 * Pairs are combined on demand from sparse per-class rows, so memory grows with the rules, not with the
 * square of the classes.
 */
export class ClassMatrix {
  private readonly egressRows: ClassRow[];
  /** Kept with their walks (rules, isolating policies) for `result`; pairs read the transposed sets below. */
  private readonly ingressRows: ClassRow[];
  /** Per destination, what its ingress allows from classes without a result of their own. */
  private readonly ingressShared: ConnectionSet[];
  /**
   * Per source, the destinations whose ingress has a result of its own for it, and that result's set: the
   * ingress rows transposed, flat (source `s` owns entries `ingressStart[s]` to `ingressStart[s + 1] - 1`), as
   * the matrix is kept with the snapshot's connectivity and there are hundreds of thousands of them.
   */
  private readonly ingressStart: Int32Array;
  private readonly ingressDst: Int32Array;
  private readonly ingressConn: ConnectionSet[];
  /** Per direction, `atoms[c * atomCount + a]`. */
  private readonly atoms: Record<Direction, ConnectionSet[]>;
  readonly classCount: number;
  readonly atomCount: number;
  readonly compiled: CompiledSnapshot;

  constructor(evaluator: PairEvaluator) {
    this.compiled = evaluator.compiled;
    const n = evaluator.compiled.classes.length;
    const m = evaluator.compiled.atoms.count;
    this.classCount = n;
    this.atomCount = m;
    // Rows are sparse: a class's policies usually mention few peers, and the rest share one result.
    this.egressRows = Array.from({ length: n }, (_, c) => evaluator.classRow('egress', c));
    this.ingressShared = new Array<ConnectionSet>(n);
    this.ingressRows = Array.from({ length: n }, (_, d) => evaluator.classRow('ingress', d));
    const own = this.ingressRows.map((row) => [...row.ownConns()]);
    this.ingressStart = new Int32Array(n + 1);
    for (const conns of own) for (const [src] of conns) this.ingressStart[src + 1]++;
    for (let s = 0; s < n; s++) this.ingressStart[s + 1] += this.ingressStart[s];
    this.ingressDst = new Int32Array(this.ingressStart[n]);
    this.ingressConn = new Array<ConnectionSet>(this.ingressStart[n]);
    const next = this.ingressStart.slice(0, n);
    for (let d = 0; d < n; d++) {
      this.ingressShared[d] = this.ingressRows[d].sharedConn ?? ConnectionSet.none();
      for (const [src, conn] of own[d]) {
        this.ingressDst[next[src]] = d;
        this.ingressConn[next[src]++] = conn;
      }
    }
    this.atoms = { ingress: new Array(n * m), egress: new Array(n * m) };
    for (const direction of ['ingress', 'egress'] as const) {
      for (let c = 0; c < n; c++) {
        for (let a = 0; a < m; a++) {
          this.atoms[direction][c * m + a] = evaluator.direction(direction, c, { kind: 'atom', id: a }).conn;
        }
      }
    }
  }

  /**
   * What `src` may open to each class: the source's egress and each destination's ingress both allow it.
   * Built once per source as two dense arrays, so asking for many destinations costs no lookups.
   */
  from(src: number): SourceRow {
    const egress = new Array<ConnectionSet>(this.classCount);
    this.egressRows[src].fillConns(egress);
    const ingress = this.ingressShared.slice();
    for (let i = this.ingressStart[src]; i < this.ingressStart[src + 1]; i++) {
      ingress[this.ingressDst[i]] = this.ingressConn[i];
    }
    return new SourceRow(egress, ingress);
  }

  /**
   * What `subject`'s policies allow in `direction` with class `peer`, and why: the walk behind `from`, equal to
   * `PairEvaluator.direction` for that class pair.
   */
  result(direction: Direction, subject: number, peer: number): DirectionResult {
    return (direction === 'egress' ? this.egressRows : this.ingressRows)[subject].get(peer);
  }

  /** What class `c` may open toward (`egress`) or accept from (`ingress`) outside atom `atom`. */
  atom(direction: Direction, c: number, atom: number): ConnectionSet {
    return this.atoms[direction][c * this.atomCount + atom];
  }
}

/** What one source class may open to each destination class. */
export class SourceRow {
  constructor(
    private readonly egress: readonly ConnectionSet[],
    private readonly ingress: readonly ConnectionSet[],
  ) {}

  to(dst: number): ConnectionSet {
    return both(this.ingress[dst], this.egress[dst]);
  }
}

function both(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === b || b.isAll() || a.isEmpty()) return a;
  if (a.isAll() || b.isEmpty()) return b;
  return a.intersect(b);
}
