import type { ClassTags } from '../compile/class-tags';
import type { CompiledSnapshot } from '../compile/compiled-snapshot';
import type { ConnectionSet } from '../sets';
import type { Direction } from './answers';
import type { ClassRow } from './class-row';
import type { PairEvaluator } from './pair-evaluator';
import type { DirectionResult } from './tiers/tier-walk';

/** One direction of the matrix: a row per group of subject classes that every tier treats alike. */
interface DirectionRows {
  groups: ClassTags;
  rows: ClassRow[];
  /** Per group, what it may open toward (egress) or accept from (ingress) each outside atom: `[g * atomCount + a]`. */
  atoms: ConnectionSet[];
}

/**
 * What every class may open to every class (both ends checked) and what each class may open toward or
 * accept from each outside atom: the class-level analysis that connectivity spreads over workloads or pods.
 * Subject classes with the same policies (and, where rules name ports, the same named ports) share one row,
 * and a row keeps its rules' peer sets with one result per cell of them, so the analysis grows with the
 * policies rather than with the square of the classes; a pair's verdict is combined when asked for.
 */
export class ClassMatrix {
  private readonly directions: Record<Direction, DirectionRows>;
  /** Both ends' sets met, by the identity of each: snapshots have few distinct sets and very many pairs. */
  private readonly intersections = new Intersections();
  readonly classCount: number;
  readonly atomCount: number;
  readonly compiled: CompiledSnapshot;

  constructor(evaluator: PairEvaluator) {
    this.compiled = evaluator.compiled;
    this.classCount = evaluator.compiled.classes.length;
    this.atomCount = evaluator.compiled.atoms.count;
    this.directions = {
      ingress: this.rowsOf(evaluator, 'ingress'),
      egress: this.rowsOf(evaluator, 'egress'),
    };
  }

  /**
   * What each of `sources` may open to each class (the source's egress and each destination's ingress both
   * allow it), by source. Each ingress row is asked about all of them in turn: a row's sets are then read from
   * the cache rather than memory, which makes a pass over every source several times faster than one source at
   * a time. Callers going through all sources take them in blocks of some dozens.
   */
  fromEach(sources: Iterable<number>): Map<number, SourceRow> {
    const { egress: out, ingress: into } = this.directions;
    const distinct = [...new Set(sources)];
    const ingress = distinct.map(() => new Array<ConnectionSet>(into.rows.length));
    into.rows.forEach((row, group) => {
      for (let i = 0; i < distinct.length; i++) ingress[i][group] = row.get(distinct[i]).conn;
    });
    return new Map(
      distinct.map((src, i) => [
        src,
        new SourceRow(out.rows[out.groups.of[src]], ingress[i], into.groups.of, this.intersections),
      ]),
    );
  }

  /**
   * What `subject`'s policies allow in `direction` with class `peer`, and why: the walk behind `fromEach`, equal to
   * `PairEvaluator.direction` for that class pair.
   */
  result(direction: Direction, subject: number, peer: number): DirectionResult {
    const { groups, rows } = this.directions[direction];
    return rows[groups.of[subject]].get(peer);
  }

  /** What class `c` may open toward (`egress`) or accept from (`ingress`) outside atom `atom`. */
  atom(direction: Direction, c: number, atom: number): ConnectionSet {
    const { groups, atoms } = this.directions[direction];
    return atoms[groups.of[c] * this.atomCount + atom];
  }

  private rowsOf(evaluator: PairEvaluator, direction: Direction): DirectionRows {
    const groups = evaluator.subjectGroups(direction);
    const firsts = new Int32Array(groups.count).fill(-1);
    groups.of.forEach((group, c) => {
      if (firsts[group] < 0) firsts[group] = c;
    });
    const rows = Array.from(firsts, (subject) => evaluator.classRow(direction, subject));
    const m = this.atomCount;
    const atoms = new Array<ConnectionSet>(groups.count * m);
    firsts.forEach((subject, group) => {
      for (let a = 0; a < m; a++) {
        atoms[group * m + a] = evaluator.direction(direction, subject, { kind: 'atom', id: a }).conn;
      }
    });
    return { groups, rows, atoms };
  }
}

/** What one source class may open to each destination class. */
export class SourceRow {
  /**
   * @param egress the source's egress row (a few peer sets: reading it per destination costs a bit test)
   * @param ingress what each group of destinations' ingress allows from the source
   * @param groupOf the ingress group of each class
   */
  constructor(
    private readonly egress: ClassRow,
    private readonly ingress: readonly ConnectionSet[],
    private readonly groupOf: Int32Array,
    private readonly intersections: Intersections,
  ) {}

  to(dst: number): ConnectionSet {
    return this.intersections.of(this.ingress[this.groupOf[dst]], this.egress.get(dst).conn);
  }
}

/** Intersections of connection sets, each computed once per pair of set objects. */
class Intersections {
  private readonly met = new Map<ConnectionSet, Map<ConnectionSet, ConnectionSet>>();

  of(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
    if (a === b || b.isAll() || a.isEmpty()) return a;
    if (a.isAll() || b.isEmpty()) return b;
    let withA = this.met.get(a);
    if (withA === undefined) {
      withA = new Map();
      this.met.set(a, withA);
    }
    let both = withA.get(b);
    if (both === undefined) {
      both = a.intersect(b);
      withA.set(b, both);
    }
    return both;
  }
}
