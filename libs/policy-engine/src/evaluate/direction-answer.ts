import type { ModelPod } from '../model/snapshot-model';
import { ConnectionSet } from '../sets';
import type {
  AnswerMeta,
  ConnectionSetJson,
  Direction,
  DirectionAnswer,
  Granularity,
  Peer,
  PeerConnection,
  RuleRef,
} from './answers';
import { addressRanges, type AtomConnection } from './address-peers';
import { entriesPerClass } from './class-entries';
import type { ResolvedEndpoint } from './endpoints';
import { podEnd, type End } from './ends';
import type { PairEvaluator } from './pair-evaluator';
import type { CatalogEntry } from './peer-catalog';
import { mergeEntries, pairEntry, type PairEntry } from './pair-entry';
import { compareTexts, peerText } from './peer-text';
import { restrictTo, type ConnectionQuery } from './query';
import { uniquePolicies } from './rule-refs';

/** What a peer of a direction answer gets, before it is named. */
interface PeerFields {
  conn: ConnectionSetJson;
  partial: boolean;
  rules: RuleRef[];
}

/** A peer's entry of the answer; `partial` appears only when true. */
function peerConnection(peer: Peer, { conn, partial, rules }: PeerFields): PeerConnection {
  return partial ? { peer, conn, partial, rules } : { peer, conn, rules };
}

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
  const classEntries = groups.map((g) => entriesPerClass(evaluator, direction, g.end, restrict));
  const classCount = compiled.classes.length;
  const seen = new Int32Array(groups.length * classCount);
  let round = 0;
  // The class-level entries behind one peer (pairs with the target's pods, self pairs left out).
  const entriesFor = (entry: CatalogEntry, overlaps: boolean): PairEntry[] => {
    if (!overlaps) return entry.classes.flatMap((c) => classEntries.map((perClass) => perClass[c]));
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
    const key = conn.key();
    let json = jsons.get(key);
    if (json === undefined) {
      json = conn.toJSON();
      jsons.set(key, json);
    }
    return json;
  };
  // What a peer gets, from the class-level entries behind it; `undefined` when they allow nothing.
  const merge = (entries: readonly PairEntry[]): PeerFields | undefined => {
    if (!entries.some((e) => !e.conn.isEmpty())) return undefined;
    const merged = mergeEntries(entries);
    return { conn: jsonOf(merged.conn), partial: merged.partial, rules: merged.rules };
  };
  // Most peers stand behind one class-level entry, and many classes share entries: merge each of them once.
  const single = new Map<PairEntry, PeerFields | undefined>();
  const fromEntry = (e: PairEntry): PeerFields | undefined => {
    if (!single.has(e)) single.set(e, merge([e]));
    return single.get(e);
  };
  // Each peer with its text, the sort key, so sorting does not build texts again per comparison.
  const peers: { text: string; connection: PeerConnection }[] = [];
  const self =
    granularity === 'workload' && target.peer.type === 'workload' ? peerText(target.peer) : undefined;
  const targetWorkloads = new Set(target.pods.map((p) => p.workload));
  for (const entry of evaluator.catalog.list(granularity)) {
    if (entry.text === self) continue;
    const overlaps = targetWorkloads.has(entry.workload) && entry.pods.some((q) => groupOf.has(q));
    const fields =
      overlaps || groups.length > 1 || entry.classes.length > 1
        ? merge(entriesFor(entry, overlaps))
        : fromEntry(classEntries[0][entry.classes[0]]);
    if (fields !== undefined)
      peers.push({ text: entry.text, connection: peerConnection(entry.peer, fields) });
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
    const fields = { conn: range.conn.toJSON(), partial: range.partial, rules: range.rules };
    peers.push({ text: peerText(range.peer), connection: peerConnection(range.peer, fields) });
  }
  peers.sort((a, b) => compareTexts(a.text, b.text));

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
    peers: peers.map((p) => p.connection),
  };
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
