import type { ConnectionSet } from '../sets';
import type {
  AnswerMeta,
  Connection,
  ConnectionSetJson,
  ConnectivityAnswer,
  ConnectivityListing,
  Direction,
  Granularity,
  Peer,
} from './answers';
import { ClassMatrix, type SourceRow } from './class-matrix';
import { addressRanges, type AtomConnection } from './address-peers';
import type { PairEvaluator } from './pair-evaluator';
import { peerText } from './peer-text';

/** Sources whose rows are computed together (see `ClassMatrix.fromEach`). */
const SOURCE_BLOCK = 64;

/** An outside address range a peer may reach or be reached from, with the connections. */
interface OutsideRange {
  peer: Peer;
  text: string;
  conn: ConnectionSet;
  partial: boolean;
}

/**
 * Every allowed (src, dst) pair of the snapshot with its connection set: workloads or pods, and outside
 * address ranges. Computed once per class pair (`matrix`, when the caller keeps one), then spread over
 * workloads or pods; self pairs left out.
 */
export function connectivity(
  evaluator: PairEvaluator,
  granularity: Granularity,
  meta: AnswerMeta,
  matrix: ClassMatrix = new ClassMatrix(evaluator),
): ConnectivityAnswer {
  const listing = connectivityListing(evaluator, granularity, meta, matrix);
  return { ...listing, connections: [...listing.connections] };
}

/**
 * The pairs of `connectivity`, in its order, computed as they are read. Sources come in text order and each
 * source's destinations in text order, so nothing needs sorting at the end: only the pairs whose source is an
 * outside range (few, one per range and peer it may reach) are gathered before the first is read.
 */
export function connectivityListing(
  evaluator: PairEvaluator,
  granularity: Granularity,
  meta: AnswerMeta,
  matrix: ClassMatrix = new ClassMatrix(evaluator),
): ConnectivityListing {
  return {
    ...meta,
    granularity,
    connections: { [Symbol.iterator]: () => allowedPairs(evaluator, granularity, matrix) },
  };
}

function* allowedPairs(
  evaluator: PairEvaluator,
  granularity: Granularity,
  matrix: ClassMatrix,
): Generator<Connection> {
  const entities = [...evaluator.catalog.list(granularity)].sort((x, y) => compare(x.text, y.text));
  const jsonOf = new Map<string, ConnectionSetJson>();
  const connection = (src: Peer, dst: Peer, conn: ConnectionSet, partial: boolean): Connection => {
    let json = jsonOf.get(conn.key());
    if (json === undefined) {
      json = conn.toJSON();
      jsonOf.set(conn.key(), json);
    }
    return partial ? { src, dst, conn: json, partial: true } : { src, dst, conn: json };
  };
  const ranges = outsideRanges(evaluator, matrix);
  // Ranges as sources: per range, the peers whose ingress admits it, in the peers' (text) order.
  const fromRanges = new Map<
    string,
    { peer: Peer; toward: { dst: Peer; conn: ConnectionSet; partial: boolean }[] }
  >();
  for (const a of entities) {
    for (const range of ranges('ingress', a.classes)) {
      let source = fromRanges.get(range.text);
      if (source === undefined) {
        source = { peer: range.peer, toward: [] };
        fromRanges.set(range.text, source);
      }
      source.toward.push({ dst: a.peer, conn: range.conn, partial: range.partial });
    }
  }
  const rangeTexts = [...fromRanges.keys()].sort(compare);
  const texts = entities.map((entity) => entity.text);
  // The class of each entity with exactly one (most have one), else -1: the inner loop reads plain numbers.
  const single = Int32Array.from(entities, (entity) =>
    entity.classes.length === 1 ? entity.classes[0] : -1,
  );
  let next = 0;
  let rowOf = new Map<number, SourceRow>();
  for (let i = 0; i < entities.length; i++) {
    if (i % SOURCE_BLOCK === 0) {
      rowOf = matrix.fromEach(entities.slice(i, i + SOURCE_BLOCK).flatMap((entity) => entity.classes));
    }
    const a = entities[i];
    for (; next < rangeTexts.length && compare(rangeTexts[next], a.text) < 0; next++) {
      const { peer, toward } = fromRanges.get(rangeTexts[next])!;
      for (const t of toward) yield connection(peer, t.dst, t.conn, t.partial);
    }
    // Each range the source reaches goes before the first entity whose text sorts after it.
    const egress = [...ranges('egress', a.classes)].sort((x, y) => compare(x.text, y.text));
    const before = egress.map((range) => lowerBound(texts, range.text));
    let e = 0;
    const rows = a.classes.map((c) => rowOf.get(c)!);
    const row = rows.length === 1 ? rows[0] : undefined;
    for (let j = 0; j < entities.length; j++) {
      for (; e < egress.length && before[e] <= j; e++) {
        yield connection(a.peer, egress[e].peer, egress[e].conn, egress[e].partial);
      }
      if (j === i) continue;
      const d = single[j];
      if (row !== undefined && d >= 0) {
        // One class on each side: no merging, nothing allocated for the pairs allowed nothing.
        const conn = row.to(d);
        if (!conn.isEmpty()) yield connection(a.peer, entities[j].peer, conn, false);
        continue;
      }
      const pair = allowed(rows, entities[j].classes);
      if (!pair.conn.isEmpty()) yield connection(a.peer, entities[j].peer, pair.conn, pair.partial);
    }
    for (; e < egress.length; e++)
      yield connection(a.peer, egress[e].peer, egress[e].conn, egress[e].partial);
  }
  for (; next < rangeTexts.length; next++) {
    const { peer, toward } = fromRanges.get(rangeTexts[next])!;
    for (const t of toward) yield connection(peer, t.dst, t.conn, t.partial);
  }
}

/** How many of the ascending `texts` sort before `text`. */
function lowerBound(texts: readonly string[], text: string): number {
  let lo = 0;
  let hi = texts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(texts[mid], text) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the classes of a source (`rows`) may open to `classes`: their union, `partial` when they differ. */
function allowed(
  rows: readonly SourceRow[],
  classes: readonly number[],
): { conn: ConnectionSet; partial: boolean } {
  const first = rows[0].to(classes[0]);
  let conn = first;
  let partial = false;
  for (const row of rows) {
    for (const d of classes) {
      const next = row.to(d);
      if (next === first) continue;
      partial ||= !next.equals(first);
      conn = conn.union(next);
    }
  }
  return { conn, partial };
}

/**
 * The outside ranges that classes may reach (egress) or be reached from (ingress). Pods of one class (and
 * workloads of the same classes) have the same ranges: each set of classes is computed once.
 */
function outsideRanges(
  evaluator: PairEvaluator,
  matrix: ClassMatrix,
): (direction: Direction, classes: number[]) => readonly OutsideRange[] {
  const byClasses = new Map<string, OutsideRange[]>();
  return (direction, classes) => {
    const key = `${direction}:${classes.join(',')}`;
    let ranges = byClasses.get(key);
    if (ranges === undefined) {
      const perAtom: AtomConnection[] = Array.from({ length: matrix.atomCount }, (_, atom) => ({
        ...merge(classes.map((c) => matrix.atom(direction, c, atom))),
        rules: [],
      }));
      ranges = addressRanges(evaluator.compiled.atoms, perAtom).map((r) => ({
        ...r,
        text: peerText(r.peer),
      }));
      byClasses.set(key, ranges);
    }
    return ranges;
  };
}

/** The union of the pairs behind one peer pair, `partial` when they differ. */
function merge(conns: ConnectionSet[]): { conn: ConnectionSet; partial: boolean } {
  let conn = conns[0];
  let partial = false;
  for (let i = 1; i < conns.length; i++) {
    if (conns[i] === conns[0]) continue;
    partial ||= !conns[i].equals(conns[0]);
    conn = conn.union(conns[i]);
  }
  return { conn, partial };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
