import type { ConnectionSet } from '../sets';
import type { Direction, DirectionVerdict, Peer } from './answers';
import { peerText } from './peer-text';
import { policyText, ruleText, uniquePolicies, uniqueRules } from './rule-refs';
import { tierWalkText } from './tiers/admin-tier-explanation';
import type { DirectionResult } from './tiers/tier-walk';

/** One pair's view of a direction: a tier walk, or a reason it was not evaluated. */
export type DirectionItem =
  | { kind: 'evaluated'; result: DirectionResult }
  | { kind: 'notChecked' }
  | { kind: 'node' }
  | { kind: 'self' };

export interface VerdictInput {
  direction: Direction;
  /** The end whose policies were consulted; absent for an outside address. */
  subject?: Peer;
  /** Why an unevaluated end was not checked: `outside` address or `hostNetwork` pod. */
  notCheckedReason: 'outside' | 'hostNetwork';
  items: DirectionItem[];
  restrict: (conn: ConnectionSet) => ConnectionSet;
  all: ConnectionSet;
  /** `TCP 81`, `UDP`, or `any connection`: what the question asked about. */
  queryText: string;
}

/**
 * Aggregates one direction over the pod pairs of a check into a verdict a person can read. When admin tiers
 * apply, the explanation walks the tiers and the verdict says whether equal priorities made it ambiguous.
 */
export function directionVerdict(input: VerdictInput): DirectionVerdict {
  const verdict = plainVerdict(input);
  const evaluated = input.items.flatMap((item) => (item.kind === 'evaluated' ? [item.result] : []));
  if (verdict.decision === 'notChecked' || evaluated.length < input.items.length) return verdict;
  const walk = tierWalkText(evaluated, input.restrict, input.queryText);
  const ambiguous = evaluated.some(
    (r) => r.ambiguous !== undefined && !input.restrict(r.ambiguous).isEmpty(),
  );
  if (walk === undefined && !ambiguous) return verdict;
  const who = `${input.direction} of ${input.subject === undefined ? 'the outside address' : peerText(input.subject)}`;
  const prefix = verdict.decision === 'partial' ? 'partial: its pods disagree; ' : '';
  return {
    ...verdict,
    ...(walk === undefined ? {} : { explanation: `${who}: ${prefix}${walk}` }),
    ...(ambiguous ? { ambiguous: true as const } : {}),
  };
}

function plainVerdict(input: VerdictInput): DirectionVerdict {
  const { direction, subject } = input;
  const who = `${direction} of ${subject === undefined ? 'the outside address' : peerText(subject)}`;
  const conns = input.items.map((item) =>
    input.restrict(item.kind === 'evaluated' ? item.result.conn : input.all),
  );
  const conn = conns.reduce((a, b) => a.union(b));
  const evaluated = input.items.flatMap((item) => (item.kind === 'evaluated' ? [item.result] : []));
  const isolatedBy = uniquePolicies(evaluated.flatMap((r) => r.isolatedBy));
  const allowedBy = uniqueRules(
    evaluated.flatMap((r) =>
      r.rules.filter((rule) => !input.restrict(rule.conn).isEmpty()).map((rule) => rule.ref),
    ),
  );
  const base = {
    direction,
    ...(subject === undefined ? {} : { subject }),
    conn: conn.toJSON(),
    isolatedBy,
    allowedBy,
  };
  const disagree = conns.some((c) => !c.equals(conns[0]));
  const special = specialText(input);
  if (special !== undefined) {
    return { ...base, decision: special.decision, explanation: `${who}: ${special.text}` };
  }
  const allowedText = allowedBy.length > 0 ? `allowed by ${allowedBy.map(ruleText).join(', ')}` : '';
  if (isolatedBy.length === 0) {
    return {
      ...base,
      decision: 'notIsolated',
      explanation: `${who}: not isolated, every connection allowed`,
    };
  }
  const isolatedText = `isolated by ${isolatedBy.map(policyText).join(', ')}`;
  if (disagree) {
    const parts = [
      'partial: its pods disagree',
      allowedText || 'no rule allows ' + input.queryText,
      isolatedText,
    ];
    return { ...base, decision: 'partial', explanation: `${who}: ${parts.filter(Boolean).join('; ')}` };
  }
  if (conn.isEmpty()) {
    return {
      ...base,
      decision: 'denied',
      explanation: `${who}: denied: ${isolatedText}, no rule allows ${input.queryText}`,
    };
  }
  return { ...base, decision: 'allowed', explanation: `${who}: ${allowedText || 'allowed'}` };
}

function specialText(
  input: VerdictInput,
): { decision: DirectionVerdict['decision']; text: string } | undefined {
  const kinds = new Set(input.items.map((i) => i.kind));
  if (kinds.size !== 1) return undefined;
  switch (input.items[0].kind) {
    case 'notChecked':
      return {
        decision: 'notChecked',
        text:
          input.notCheckedReason === 'outside'
            ? 'not checked: the end is outside the cluster'
            : "not checked: hostNetwork pods use their node's network and policies do not apply to them",
      };
    case 'node':
      return {
        decision: 'allowed',
        text: "allowed: the pod's own node may always reach it (kubelet probes)",
      };
    case 'self':
      return { decision: 'allowed', text: 'allowed: traffic of a pod to itself is always allowed' };
    default:
      return undefined;
  }
}
