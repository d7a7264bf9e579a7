import type { ConnectionSet } from '../../sets';
import type { RuleRef } from '../answers';
import { policyText, ruleText, uniqueRules } from '../rule-refs';
import type { RuleContribution, TierStep } from './tier';
import type { DirectionResult } from './tier-walk';

type Restrict = (conn: ConnectionSet) => ConnectionSet;

/** `Deny (team-a-guard, rule 2)`; a ClusterNetworkPolicy's allowing action is written `Accept`. */
function adminRuleText(ref: RuleRef): string {
  const action = ref.action === 'Allow' && ref.policy.kind === 'ClusterNetworkPolicy' ? 'Accept' : ref.action;
  const name = ref.ruleName === undefined ? '' : ` "${ref.ruleName}"`;
  return `${action} (${ref.policy.name}, rule ${ref.rule}${name})`;
}

function touching(rules: readonly RuleContribution[], restrict: Restrict): RuleContribution[] {
  return rules.filter((rule) => !restrict(rule.conn).isEmpty());
}

function stepText(
  step: TierStep,
  result: DirectionResult,
  restrict: Restrict,
  queryText: string,
): string | undefined {
  switch (step.tier) {
    case 'admin':
    case 'baseline': {
      const rules = touching(step.matched, restrict);
      return rules.length === 0
        ? undefined
        : `${step.tier}: ${rules.map((r) => adminRuleText(r.ref)).join(', ')}`;
    }
    case 'networkPolicy': {
      const allowed = !restrict(step.allowed).isEmpty();
      if (!allowed && restrict(step.denied).isEmpty()) return undefined;
      if (allowed) {
        const rules = uniqueRules(
          touching(result.rules, restrict)
            .filter((r) => r.ref.tier === 'networkPolicy')
            .map((r) => r.ref),
        );
        return `NetworkPolicy: allowed by ${rules.map(ruleText).join(', ')}`;
      }
      const isolating = result.isolatedBy.filter((p) => p.kind === 'NetworkPolicy').map(policyText);
      return `NetworkPolicy: denied: isolated by ${isolating.join(', ')}, no rule allows ${queryText}`;
    }
    default:
      return restrict(step.allowed).isEmpty() ? undefined : 'default: allowed';
  }
}

/**
 * The tiers a direction walked, as people read them: `admin: Pass (team-a-guard, rule 2) -> NetworkPolicy:
 * allowed by payments/allow-web rule 0`. Only the part of the traffic the question asks about counts. Pods
 * that walked differently each get their walk, separated by `;`. `undefined` when no walk was kept (the
 * snapshot has no admin policies).
 */
export function tierWalkText(
  results: readonly DirectionResult[],
  restrict: Restrict,
  queryText: string,
): string | undefined {
  if (results.length === 0 || results.some((r) => r.walk === undefined)) return undefined;
  const texts = results.map((result) => {
    const parts = (result.walk ?? []).flatMap((step) => stepText(step, result, restrict, queryText) ?? []);
    return parts.length === 0 ? `no connection matches ${queryText}` : parts.join(' -> ');
  });
  return [...new Set(texts)].join('; ');
}
