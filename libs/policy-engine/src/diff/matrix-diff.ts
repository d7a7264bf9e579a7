import type { Direction } from '../evaluate/answers';
import type { ClassMatrix, SourceRow } from '../evaluate/class-matrix';
import { PeerCatalog, type CatalogEntry } from '../evaluate/peer-catalog';
import { ConnectionSet } from '../sets';
import { ChangeList } from './change-list';
import type { ConnectionSetCache } from './connection-set-cache';
import type { PairChange } from './connectivity-diff';
import { PeerTexts } from './peer-texts';
import type { Span } from './span-diff';

/** Per workload (by text form), the namespaces of the workloads that may open connections to it. */
export type ReachedFrom = Map<string, Set<string>>;

/** What the connectivity of both sides says, read from their class matrices. */
export interface MatrixDiff {
  /** As `diffConnections` of both sides' workload-level connectivity answers gives them. */
  changes: PairChange[];
  reachedFrom: { before: ReachedFrom; after: ReachedFrom };
}

/** A workload of either side (by text form), its entry in each side's catalog, and who reaches it there. */
interface Workload {
  text: string;
  namespace: string;
  base?: CatalogEntry;
  head?: CatalogEntry;
  reachedFrom: { before: Set<string>; after: Set<string> };
}

/**
 * The workload-level connectivity diff of two snapshots, straight from the class matrices behind their
 * connectivity: each pair of workloads is read from both matrices and compared, outside ranges atom by atom,
 * and only the pairs that changed are built. Listing every connection of the head first (hundreds of
 * thousands at 10k pods) and matching both lists would cost several times more.
 */
export function diffMatrices(base: ClassMatrix, head: ClassMatrix, sets: ConnectionSetCache): MatrixDiff {
  const texts = new PeerTexts();
  const byText = new Map<string, Workload>();
  const add = (side: 'base' | 'head', entries: CatalogEntry[]) => {
    for (const entry of entries) {
      let workload = byText.get(entry.text);
      if (workload === undefined) {
        workload = {
          text: entry.text,
          namespace: entry.pods[0].namespace,
          reachedFrom: { before: new Set(), after: new Set() },
        };
        byText.set(entry.text, workload);
      }
      workload[side] = entry;
    }
  };
  // The peers connectivity lists: workloads with an enforceable pod.
  add('base', new PeerCatalog(base.compiled).list('workload'));
  add('head', new PeerCatalog(head.compiled).list('workload'));
  const workloads = [...byText.values()];

  const sides = { before: new Side(base, workloads, 'base'), after: new Side(head, workloads, 'head') };
  const changes = new ChangeList(sets, texts);
  for (let u = 0; u < workloads.length; u++) {
    const a = workloads[u];
    const baseRows = sides.before.rowsOf(u);
    const headRows = sides.after.rowsOf(u);
    for (let v = 0; v < workloads.length; v++) {
      if (v === u) continue;
      const before = sides.before.allowed(baseRows, v);
      const after = sides.after.allowed(headRows, v);
      // Most pairs are allowed nothing on either side.
      if (before.isEmpty() && after.isEmpty()) continue;
      const b = workloads[v];
      if (!before.isEmpty()) b.reachedFrom.before.add(a.namespace);
      if (!after.isEmpty()) b.reachedFrom.after.add(a.namespace);
      if (before.equals(after)) continue;
      // A pair the base allows is named by the base's peers, as the list diff names it.
      const [src, dst] = before.isEmpty() ? [a.head, b.head] : [a.base, b.base];
      changes.pair(
        (src as CatalogEntry).peer,
        (dst as CatalogEntry).peer,
        before.isEmpty() ? undefined : before,
        after.isEmpty() ? undefined : after,
      );
    }
    const peer = (a.base ?? (a.head as CatalogEntry)).peer;
    for (const direction of ['egress', 'ingress'] as const) {
      changes.ranges(
        peer,
        direction === 'ingress',
        spansOf(base, direction, a.base),
        spansOf(head, direction, a.head),
      );
    }
  }
  const reachedFrom = (side: 'before' | 'after'): ReachedFrom =>
    new Map(workloads.filter((w) => w.reachedFrom[side].size > 0).map((w) => [w.text, w.reachedFrom[side]]));
  return {
    changes: changes.sorted(),
    reachedFrom: { before: reachedFrom('before'), after: reachedFrom('after') },
  };
}

/** Workloads whose rows are computed together (see `ClassMatrix.fromEach`). */
const ROW_BLOCK = 64;

/** The workloads as one side's class matrix sees them, by their index in the list of both sides. */
class Side {
  /** Each workload's classes on this side; `undefined` when the side does not list it. */
  private readonly classes: (readonly number[] | undefined)[];
  /** The workload's class when it has exactly one (most do), else -1. */
  private readonly single: Int32Array;
  /** The rows of the classes of the workloads before `blockEnd`, from the last block computed. */
  private block = new Map<number, SourceRow>();
  private blockEnd = 0;

  constructor(
    private readonly matrix: ClassMatrix,
    workloads: readonly Workload[],
    side: 'base' | 'head',
  ) {
    this.classes = workloads.map((w) => w[side]?.classes);
    this.single = Int32Array.from(this.classes, (c) => (c?.length === 1 ? c[0] : -1));
  }

  /**
   * What the classes of workload `u` may open to every class; `undefined` when the side does not list it. Asked
   * for workloads in increasing order: the rows of the next `ROW_BLOCK` workloads are computed together.
   */
  rowsOf(u: number): SourceRow[] | undefined {
    if (u >= this.blockEnd) {
      this.blockEnd = Math.min(u + ROW_BLOCK, this.classes.length);
      this.block = this.matrix.fromEach(this.classes.slice(u, this.blockEnd).flatMap((c) => c ?? []));
    }
    return this.classes[u]?.map((c) => this.block.get(c)!);
  }

  /** What a source's rows allow toward workload `v`: the union over their class pairs (none when unlisted). */
  allowed(rows: readonly SourceRow[] | undefined, v: number): ConnectionSet {
    if (rows === undefined) return ConnectionSet.none();
    const single = this.single[v];
    if (single >= 0 && rows.length === 1) return rows[0].to(single);
    const classes = this.classes[v];
    let conn = ConnectionSet.none();
    if (classes === undefined) return conn;
    for (const row of rows) for (const d of classes) conn = conn.union(row.to(d));
    return conn;
  }
}

/**
 * The outside ranges a workload may open toward (egress) or accept from (ingress): per atom the union of what
 * its classes may, adjacent atoms with equal sets joined (never across IPv4 and IPv6), empty ones left out.
 */
function spansOf(matrix: ClassMatrix, direction: Direction, workload: CatalogEntry | undefined): Span[] {
  if (workload === undefined) return [];
  const { atoms } = matrix.compiled;
  const spans: Span[] = [];
  let last: Span | undefined;
  for (let atom = 0; atom < matrix.atomCount; atom++) {
    let conn = matrix.atom(direction, workload.classes[0], atom);
    for (let i = 1; i < workload.classes.length; i++) {
      conn = conn.union(matrix.atom(direction, workload.classes[i], atom));
    }
    if (last !== undefined && atoms.joinsNext(atom - 1) && last.conn.equals(conn)) last.hi = atoms.last(atom);
    else if (conn.isEmpty()) last = undefined;
    else {
      last = { lo: atoms.first(atom), hi: atoms.last(atom), conn };
      spans.push(last);
    }
  }
  return spans;
}
