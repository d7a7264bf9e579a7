import { ConnectionSet } from '../sets';
import type { Direction } from './answers';
import type { ClassRow, PairEvaluator } from './pair-evaluator';

/**
 * What every class may open to every class (both ends checked) and what each class may open toward or
 * accept from each outside atom: the class-level analysis that connectivity spreads over workloads or pods.
 * Pairs are combined on demand from sparse per-class rows, so memory grows with the rules, not with the
 * square of the classes.
 */
export class ClassMatrix {
  private readonly egressRows: ClassRow[];
  /** Per destination, what its ingress allows from classes without a result of their own. */
  private readonly ingressShared: ConnectionSet[];
  /** Per source, the destinations whose ingress has a result of its own for it: the ingress rows transposed. */
  private readonly ingressBySource: [number, ConnectionSet][][];
  /** Per direction, `atoms[c * atomCount + a]`. */
  private readonly atoms: Record<Direction, ConnectionSet[]>;
  readonly classCount: number;
  readonly atomCount: number;

  constructor(evaluator: PairEvaluator) {
    const n = evaluator.compiled.classes.length;
    const m = evaluator.compiled.atoms.count;
    this.classCount = n;
    this.atomCount = m;
    // Rows are sparse: a class's policies usually mention few peers, and the rest share one result.
    this.egressRows = Array.from({ length: n }, (_, c) => evaluator.classRow('egress', c));
    this.ingressShared = new Array<ConnectionSet>(n);
    this.ingressBySource = Array.from({ length: n }, () => []);
    for (let d = 0; d < n; d++) {
      const row = evaluator.classRow('ingress', d);
      this.ingressShared[d] = row.sharedConn ?? ConnectionSet.none();
      for (const [src, conn] of row.ownConns()) this.ingressBySource[src].push([d, conn]);
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
    for (const [dst, conn] of this.ingressBySource[src]) ingress[dst] = conn;
    return new SourceRow(egress, ingress);
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
