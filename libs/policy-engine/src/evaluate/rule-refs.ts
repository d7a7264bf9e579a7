import type { PolicyRef, RuleRef, Tier } from './answers';

const TIER_ORDER: Readonly<Record<Tier, number>> = { admin: 0, networkPolicy: 1, baseline: 2, default: 3 };

export function policyText(policy: PolicyRef): string {
  return policy.namespace === undefined
    ? `${policy.kind}/${policy.name}`
    : `${policy.namespace}/${policy.name}`;
}

function policyKey(policy: PolicyRef): string {
  return `${policy.kind}\0${policy.namespace ?? ''}\0${policy.name}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct policies, sorted by kind, namespace, name. */
export function uniquePolicies(policies: Iterable<PolicyRef>): PolicyRef[] {
  const byKey = new Map<string, PolicyRef>();
  for (const p of policies) byKey.set(policyKey(p), p);
  return [...byKey.entries()].sort((a, b) => compare(a[0], b[0])).map(([, p]) => p);
}

/** Distinct rules, sorted by tier, policy, direction, rule index. */
export function uniqueRules(rules: Iterable<RuleRef>): RuleRef[] {
  const byKey = new Map<string, RuleRef>();
  for (const r of rules) byKey.set(`${r.tier}\0${policyKey(r.policy)}\0${r.direction}\0${r.rule}`, r);
  return [...byKey.values()].sort(
    (a, b) =>
      TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
      compare(policyKey(a.policy), policyKey(b.policy)) ||
      compare(a.direction, b.direction) ||
      a.rule - b.rule,
  );
}

/** `x/allow-web rule 0`, or with the direction when both directions of one answer are listed. */
export function ruleText(rule: RuleRef): string {
  return `${policyText(rule.policy)} rule ${rule.rule}`;
}
