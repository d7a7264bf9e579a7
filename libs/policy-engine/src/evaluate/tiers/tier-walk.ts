import { ConnectionSet } from '../../sets';
import type { Direction, PolicyRef, Tier } from '../answers';
import type { DirectionTier, PeerEnd, RuleContribution, TierStep } from './tier';

/** What one direction allows for a subject class toward or from one peer, and why. */
export interface DirectionResult {
  conn: ConnectionSet;
  /** Rules that allowed part of `conn`, each with what it allowed. */
  rules: RuleContribution[];
  /** Policies that select the subject in this direction (any tier). */
  isolatedBy: PolicyRef[];
  /** Tiers that decided some traffic, in order; `default` when something reached the default allow. */
  decidedBy: Tier[];
  /** The tiers that had something to say, in order, when the snapshot has admin tiers (for explanations). */
  walk?: TierStep[];
  /** Traffic decided by one of several equal-priority admin policies that all match it. */
  ambiguous?: ConnectionSet;
}

/**
 * Walks the tiers in order: each decides part of the connections still undecided (allow or deny), passes the
 * rest on; what reaches the end is allowed by default.
 */
export function walkTiers(
  tiers: readonly DirectionTier[],
  direction: Direction,
  subject: number,
  peer: PeerEnd,
): DirectionResult {
  let remaining = ConnectionSet.all();
  let allowed = ConnectionSet.none();
  const rules: RuleContribution[] = [];
  const isolatedBy: PolicyRef[] = [];
  const decidedBy: Tier[] = [];
  const walk: TierStep[] = [];
  // Walks are only kept for explanations when admin tiers exist: NetworkPolicy-only snapshots skip the cost.
  const explain = tiers.some((tier) => tier.tier === 'admin' || tier.tier === 'baseline');
  let ambiguous = ConnectionSet.none();
  for (const tier of tiers) {
    const verdict = tier.decide(direction, subject, peer);
    if (verdict === undefined) continue;
    isolatedBy.push(...verdict.isolatedBy);
    const fresh = remaining.isAll();
    const granted = fresh ? verdict.allow : remaining.intersect(verdict.allow);
    // `rest` decides whatever is still undecided; an explicit deny may leave some undecided.
    const denied = verdict.deny === 'rest' ? undefined : remaining.intersect(verdict.deny);
    if (verdict.ambiguous !== undefined) ambiguous = ambiguous.union(remaining.intersect(verdict.ambiguous));
    if (explain) {
      walk.push({
        tier: tier.tier,
        allowed: granted,
        denied: denied ?? remaining.subtract(granted),
        matched: (verdict.matched ?? []).flatMap((rule) => {
          const own = remaining.intersect(rule.conn);
          return own.isEmpty() ? [] : [{ ref: rule.ref, conn: own }];
        }),
      });
    }
    if (denied !== undefined && granted.isEmpty() && denied.isEmpty()) continue;
    decidedBy.push(tier.tier);
    allowed = allowed.union(granted);
    for (const rule of verdict.rules) {
      const own = fresh ? rule.conn : rule.conn.intersect(remaining);
      if (!own.isEmpty()) rules.push({ ref: rule.ref, conn: own });
    }
    if (denied === undefined) {
      remaining = ConnectionSet.none();
      break;
    }
    remaining = remaining.subtract(granted).subtract(denied);
    if (remaining.isEmpty()) break;
  }
  if (!remaining.isEmpty()) {
    decidedBy.push('default');
    allowed = allowed.union(remaining);
    if (explain)
      walk.push({ tier: 'default', allowed: remaining, denied: ConnectionSet.none(), matched: [] });
  }
  return {
    conn: allowed,
    rules,
    isolatedBy,
    decidedBy,
    ...(explain ? { walk } : {}),
    ...(ambiguous.isEmpty() ? {} : { ambiguous }),
  };
}
