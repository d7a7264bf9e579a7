import type { ConnectionSet } from '../sets';
import type {
  AnswerMeta,
  Connection,
  ConnectionSetJson,
  ConnectivityAnswer,
  Direction,
  Granularity,
  Peer,
} from './answers';
import { ClassMatrix } from './class-matrix';
import { addressRanges, type AtomConnection } from './address-peers';
import type { PairEvaluator } from './pair-evaluator';
import { peerText } from './peer-text';

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
  const { compiled } = evaluator;
  const entities = evaluator.catalog.list(granularity);
  const jsonOf = new Map<string, ConnectionSetJson>();
  const connections: { src: string; dst: string; connection: Connection }[] = [];
  const push = (
    src: Peer,
    srcText: string,
    dst: Peer,
    dstText: string,
    conn: ConnectionSet,
    partial: boolean,
  ) => {
    let json = jsonOf.get(conn.key());
    if (json === undefined) {
      json = conn.toJSON();
      jsonOf.set(conn.key(), json);
    }
    connections.push({
      src: srcText,
      dst: dstText,
      connection: { src, dst, conn: json, ...(partial ? { partial: true as const } : {}) },
    });
  };
  // Pods of one class (and workloads of the same classes) have the same outside ranges: compute them once.
  const rangesByClasses = new Map<
    string,
    { peer: Peer; text: string; conn: ConnectionSet; partial: boolean }[]
  >();
  const outsideRanges = (direction: Direction, classes: number[]) => {
    const key = `${direction}:${classes.join(',')}`;
    let ranges = rangesByClasses.get(key);
    if (ranges === undefined) {
      const perAtom: AtomConnection[] = Array.from({ length: matrix.atomCount }, (_, atom) => ({
        ...merge(classes.map((c) => matrix.atom(direction, c, atom))),
        rules: [],
      }));
      ranges = addressRanges(compiled.atoms, perAtom).map((r) => ({ ...r, text: peerText(r.peer) }));
      rangesByClasses.set(key, ranges);
    }
    return ranges;
  };
  for (const a of entities) {
    const rows = a.classes.map((s) => matrix.from(s));
    for (const b of entities) {
      if (a === b) continue;
      if (rows.length === 1 && b.classes.length === 1) {
        const conn = rows[0].to(b.classes[0]);
        if (!conn.isEmpty()) push(a.peer, a.text, b.peer, b.text, conn, false);
        continue;
      }
      const merged = merge(rows.flatMap((row) => b.classes.map((d) => row.to(d))));
      if (!merged.conn.isEmpty()) push(a.peer, a.text, b.peer, b.text, merged.conn, merged.partial);
    }
    for (const direction of ['egress', 'ingress'] as const) {
      for (const range of outsideRanges(direction, a.classes)) {
        if (direction === 'egress') push(a.peer, a.text, range.peer, range.text, range.conn, range.partial);
        else push(range.peer, range.text, a.peer, a.text, range.conn, range.partial);
      }
    }
  }
  connections.sort((x, y) => compare(x.src, y.src) || compare(x.dst, y.dst));
  return { ...meta, granularity, connections: connections.map((c) => c.connection) };
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
