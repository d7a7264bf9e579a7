import { ConnectionSet } from '../sets';
import type { AnswerMeta, CheckAnswer, Direction } from './answers';
import { directionVerdict, type DirectionItem } from './direction-verdict';
import type { ResolvedEndpoint } from './endpoints';
import { endsOf, type End } from './ends';
import type { PairEvaluator } from './pair-evaluator';
import { queryText, restrictTo, type ConnectionQuery } from './query';
import type { DirectionResult } from './tiers/tier-walk';

/**
 * Whether `src` may open connections to `dst`: per pod pair, src's egress AND dst's ingress (an outside
 * address end is not checked), unioned over the pods of workload ends, with `partial` when pairs disagree.
 * A pod's traffic to itself is always allowed, and so is its own node's traffic to it (SEMANTICS rule 12).
 */
export function checkConnection(
  evaluator: PairEvaluator,
  src: ResolvedEndpoint,
  dst: ResolvedEndpoint,
  query: ConnectionQuery,
  meta: AnswerMeta,
): CheckAnswer {
  let pairs = podPairs(endsOf(evaluator.compiled, src), endsOf(evaluator.compiled, dst));
  const distinct = pairs.filter(([s, d]) => !samePod(s, d));
  const self = distinct.length === 0;
  if (!self) pairs = distinct;

  const memo = new Map<string, DirectionResult>();
  const evaluate = (direction: Direction, subject: End & { kind: 'class' }, peer: End): DirectionItem => {
    const key = `${direction}|${subject.id}|${endKey(peer)}`;
    let result = memo.get(key);
    if (result === undefined) {
      result = evaluator.towardEnd(direction, subject.id, peer);
      memo.set(key, result);
    }
    return { kind: 'evaluated', result };
  };
  const egressItems: DirectionItem[] = [];
  const ingressItems: DirectionItem[] = [];
  for (const [s, d] of pairs) {
    if (self) {
      egressItems.push({ kind: 'self' });
      ingressItems.push({ kind: 'self' });
      continue;
    }
    egressItems.push(s.kind === 'class' ? evaluate('egress', s, d) : { kind: 'notChecked' });
    if (d.kind !== 'class') ingressItems.push({ kind: 'notChecked' });
    else if (s.kind === 'address' && s.nodeName !== undefined && s.nodeName === d.pod.nodeName) {
      ingressItems.push({ kind: 'node' });
    } else ingressItems.push(evaluate('ingress', d, s));
  }

  const restrict = restrictTo(query);
  const all = ConnectionSet.all();
  const itemConn = (item: DirectionItem) => restrict(item.kind === 'evaluated' ? item.result.conn : all);
  const pairConns = pairs.map((_, i) => itemConn(egressItems[i]).intersect(itemConn(ingressItems[i])));
  const conn = pairConns.reduce((a, b) => a.union(b));
  const common = { restrict, all, queryText: queryText(query) };
  const egress = directionVerdict({
    ...common,
    direction: 'egress',
    subject: src.address === undefined ? src.peer : undefined,
    notCheckedReason: src.address === undefined ? 'hostNetwork' : 'outside',
    items: egressItems,
  });
  const ingress = directionVerdict({
    ...common,
    direction: 'ingress',
    subject: dst.address === undefined ? dst.peer : undefined,
    notCheckedReason: dst.address === undefined ? 'hostNetwork' : 'outside',
    items: ingressItems,
  });
  return {
    ...meta,
    src: src.peer,
    dst: dst.peer,
    ...(query.protocol === undefined ? {} : { protocol: query.protocol }),
    ...(query.port === undefined ? {} : { port: query.port }),
    allowed: !conn.isEmpty(),
    conn: conn.toJSON(),
    ...(pairConns.some((c) => !c.equals(pairConns[0])) ? { partial: true as const } : {}),
    ...(egress.ambiguous || ingress.ambiguous ? { ambiguous: true as const } : {}),
    egress,
    ingress,
  };
}

/**
 * The pairs of ends to evaluate. Pods the evaluation cannot tell apart (one class; an address with its
 * node) give equal verdict items, and verdicts only combine distinct items, so two workloads of 50 pods
 * each cost a few pairs rather than 2,500. A pod's node matters only toward an address source that is a
 * node (SEMANTICS rule 12). When both sides share pods every pod pair is kept: which pairs are a pod's
 * traffic to itself depends on the pod, not on its class.
 */
function podPairs(srcEnds: End[], dstEnds: End[]): (readonly [End, End])[] {
  const srcPods = new Set(srcEnds.map((end) => end.pod));
  const shared = dstEnds.some((end) => end.pod !== undefined && srcPods.has(end.pod));
  if (!shared) {
    const nodeMatters = srcEnds.some((end) => end.kind === 'address' && end.nodeName !== undefined);
    srcEnds = distinctEnds(srcEnds, false);
    dstEnds = distinctEnds(dstEnds, nodeMatters);
  }
  return srcEnds.flatMap((s) => dstEnds.map((d) => [s, d] as const));
}

function distinctEnds(ends: End[], nodeMatters: boolean): End[] {
  const byKey = new Map<string, End>();
  for (const end of ends) {
    const node = end.kind === 'address' ? end.nodeName : nodeMatters ? end.pod.nodeName : undefined;
    const key = `${endKey(end)}@${node ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, end);
  }
  return [...byKey.values()];
}

function samePod(a: End, b: End): boolean {
  return a.pod !== undefined && a.pod === b.pod;
}

function endKey(end: End): string {
  return end.kind === 'class' ? `c${end.id}` : `a${end.atoms.join(',')}`;
}
