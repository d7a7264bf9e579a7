import type { ModelPod } from '../model/snapshot-model';
import { ConnectionSet } from '../sets';
import type {
  AnswerMeta,
  ConnectionSetJson,
  Direction,
  DirectionAnswer,
  Granularity,
  PeerConnection,
} from './answers';
import { addressRanges, type AtomConnection } from './address-peers';
import type { ResolvedEndpoint } from './endpoints';
import { podEnd, type End } from './ends';
import type { PairEvaluator } from './pair-evaluator';
import type { CatalogEntry } from './peer-catalog';
import { mergeEntries, pairEntry, type PairEntry } from './pair-entry';
import { comparePeers, peerText } from './peer-text';
import { restrictTo, type ConnectionQuery } from './query';
import { uniquePolicies } from './rule-refs';

/** Pods of the target that the evaluation treats alike (one class, or one hostNetwork address). */
interface TargetGroup {
  end: End;
  pods: ModelPod[];
}

/**
 * Every peer that may reach the target (`ingress`) or that the target may reach (`egress`), with what is
 * allowed and why: workloads or pods (per `granularity`) and outside address ranges. Self pairs are left out.
 */
export function directionAnswer(
  evaluator: PairEvaluator,
  direction: Direction,
  target: ResolvedEndpoint,
  query: ConnectionQuery,
  granularity: Granularity,
  meta: AnswerMeta,
): DirectionAnswer {
  const { compiled } = evaluator;
  const restrict = restrictTo(query);
  const groups = groupTargetPods(evaluator, target.pods);
  const groupOf = new Map<ModelPod, number>();
  groups.forEach((g, i) => g.pods.forEach((p) => groupOf.set(p, i)));

  // What each class may open toward (ingress) or from (egress) each target group.
  const classEntries = groups.map((g) => groupEntries(evaluator, direction, g.end, restrict));
  const classCount = compiled.classes.length;
  const seen = new Int32Array(groups.length * classCount);
  let round = 0;
  // The class-level entries behind one peer (pairs with the target's pods, self pairs left out).
  const entriesFor = (entry: CatalogEntry, overlaps: boolean): PairEntry[] => {
    if (!overlaps) {
      if (groups.length === 1 && entry.classes.length === 1) return [classEntries[0][entry.classes[0]]];
      return entry.classes.flatMap((c) => classEntries.map((perClass) => perClass[c]));
    }
    round++;
    const entries: PairEntry[] = [];
    for (const q of entry.pods) {
      const c = compiled.classOf.get(q);
      if (c === undefined) continue;
      for (let gi = 0; gi < groups.length; gi++) {
        // Self traffic is left out: a pod never counts as its own peer.
        if (groups[gi].pods.length === 1 && groups[gi].pods[0] === q) continue;
        const key = gi * classCount + c;
        if (seen[key] === round) continue;
        seen[key] = round;
        entries.push(classEntries[gi][c]);
      }
    }
    return entries;
  };

  // Many peers get the same set: build each JSON form once per answer.
  const jsons = new Map<string, ConnectionSetJson>();
  const jsonOf = (conn: ConnectionSet): ConnectionSetJson => {
    let json = jsons.get(conn.key());
    if (json === undefined) {
      json = conn.toJSON();
      jsons.set(conn.key(), json);
    }
    return json;
  };
  const peers: PeerConnection[] = [];
  const self =
    granularity === 'workload' && target.peer.type === 'workload' ? peerText(target.peer) : undefined;
  const targetWorkloads = new Set(target.pods.map((p) => p.workload));
  for (const entry of evaluator.catalog.list(granularity)) {
    if (entry.text === self) continue;
    const overlaps = targetWorkloads.has(entry.workload) && entry.pods.some((q) => groupOf.has(q));
    const entries = entriesFor(entry, overlaps);
    if (!entries.some((e) => !e.conn.isEmpty())) continue;
    const merged = mergeEntries(entries);
    peers.push({
      peer: entry.peer,
      conn: jsonOf(merged.conn),
      ...(merged.partial ? { partial: true } : {}),
      rules: merged.rules,
    });
  }

  const perAtom: AtomConnection[] = Array.from({ length: compiled.atoms.count }, (_, atom) => {
    const entries = groups.map((g): PairEntry => {
      if (g.end.kind !== 'class') return { conn: restrict(ConnectionSet.all()), rules: [] };
      const result = evaluator.direction(direction, g.end.id, { kind: 'atom', id: atom });
      return pairEntry(
        direction === 'ingress'
          ? { conn: result.conn, ingress: result }
          : { conn: result.conn, egress: result },
        restrict,
      );
    });
    return mergeEntries(entries);
  });
  for (const range of addressRanges(compiled.atoms, perAtom)) {
    peers.push({
      peer: range.peer,
      conn: range.conn.toJSON(),
      ...(range.partial ? { partial: true } : {}),
      rules: range.rules,
    });
  }
  peers.sort((a, b) => comparePeers(a.peer, b.peer));

  const isolatedBy = uniquePolicies(
    groups.flatMap((g) => (g.end.kind === 'class' ? evaluator.selecting(direction, g.end.id) : [])),
  );
  return {
    ...meta,
    target: target.peer,
    direction,
    isolated: isolatedBy.length > 0,
    isolatedBy,
    ...(groups.some((g) => g.end.kind === 'address') ? { unenforceable: true as const } : {}),
    peers,
  };
}

/**
 * What every class may open toward a target group (ingress) or accept from it (egress). The target's own
 * direction is evaluated for all classes at once; the other end only where the first allows something.
 */
function groupEntries(
  evaluator: PairEvaluator,
  direction: Direction,
  end: End,
  restrict: (c: ConnectionSet) => ConnectionSet,
): PairEntry[] {
  const other: Direction = direction === 'ingress' ? 'egress' : 'ingress';
  const none: PairEntry = { conn: ConnectionSet.none(), rules: [] };
  if (end.kind !== 'class') {
    // A hostNetwork target is not checked; only the class's own direction toward its address counts.
    return evaluator.compiled.classes.map((c) => {
      const result = evaluator.towardEnd(other, c.id, end);
      return pairEntry({ conn: result.conn, [other]: result }, restrict);
    });
  }
  const own = evaluator.towardAllClasses(direction, end.id);
  return own.map((result, id) => {
    if (restrict(result.conn).isEmpty()) return none;
    const peerSide = evaluator.direction(other, id, { kind: 'class', id: end.id });
    return pairEntry(
      { conn: result.conn.intersect(peerSide.conn), [direction]: result, [other]: peerSide },
      restrict,
    );
  });
}

function groupTargetPods(evaluator: PairEvaluator, pods: readonly ModelPod[]): TargetGroup[] {
  const byKey = new Map<string, TargetGroup>();
  for (const pod of pods) {
    const end = podEnd(evaluator.compiled, pod);
    // Each pod of a class is its own group when a pod of the target could be its own peer (self pairs).
    const key = end.kind === 'class' ? `c${end.id}` : `a${end.atoms.join(',')}|${pod.nodeName ?? ''}`;
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { end, pods: [pod] });
    else group.pods.push(pod);
  }
  return [...byKey.values()];
}
