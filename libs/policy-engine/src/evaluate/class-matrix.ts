import { ConnectionSet } from '../sets';
import type { Direction } from './answers';
import type { ClassRow, PairEvaluator } from './pair-evaluator';

/**
 * What every class may open to every class (`pair(s, d)`, both ends checked) and what each class may open
 * toward or accept from each outside atom: the class-level analysis that connectivity spreads over
 * workloads or pods. Pairs are combined on demand from sparse per-class rows, so memory grows with the
 * rules, not with the square of the classes.
 */
export class ClassMatrix {
  private readonly ingressRows: ClassRow[];
  private readonly egressRows: ClassRow[];
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
    this.ingressRows = Array.from({ length: n }, (_, d) => evaluator.classRow('ingress', d));
    this.egressRows = Array.from({ length: n }, (_, c) => evaluator.classRow('egress', c));
    this.atoms = { ingress: new Array(n * m), egress: new Array(n * m) };
    for (const direction of ['ingress', 'egress'] as const) {
      for (let c = 0; c < n; c++) {
        for (let a = 0; a < m; a++) {
          this.atoms[direction][c * m + a] = evaluator.direction(direction, c, { kind: 'atom', id: a }).conn;
        }
      }
    }
  }

  /** What `src` may open to `dst`: the source's egress and the destination's ingress both allow it. */
  pair(src: number, dst: number): ConnectionSet {
    return both(this.ingressRows[dst].get(src).conn, this.egressRows[src].get(dst).conn);
  }

  /** What class `c` may open toward (`egress`) or accept from (`ingress`) outside atom `atom`. */
  atom(direction: Direction, c: number, atom: number): ConnectionSet {
    return this.atoms[direction][c * this.atomCount + atom];
  }
}

function both(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === b || b.isAll() || a.isEmpty()) return a;
  if (a.isAll() || b.isEmpty()) return b;
  return a.intersect(b);
}
