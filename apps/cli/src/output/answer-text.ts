import type { AnswerMeta, PolicyRef, RuleRef } from '@podreach/policy-engine';

/** `shop/allow-web` for a NetworkPolicy, `AdminNetworkPolicy/tenants` for a cluster-scoped policy. */
export function policyText(policy: PolicyRef): string {
  return policy.namespace === undefined
    ? `${policy.kind}/${policy.name}`
    : `${policy.namespace}/${policy.name}`;
}

/** `shop/allow-web rule 0`, with the action of admin-tier rules (`AdminNetworkPolicy/x rule 2 Deny`). */
export function ruleText(rule: RuleRef): string {
  const action = rule.action === undefined ? '' : ` ${rule.action}`;
  return `${policyText(rule.policy)} rule ${rule.rule}${action}`;
}

/**
 * What a reader must know about how far to trust an answer: an incomplete snapshot (policies of other
 * plugins are not seen) and how many warnings the JSON form lists.
 */
export function answerNotes(answer: AnswerMeta): string[] {
  const notes: string[] = [];
  if (!answer.complete) {
    const reasons = answer.incompleteReasons ?? [];
    notes.push(`note: the answer may be wrong: the snapshot is incomplete${reasons.length > 0 ? ':' : ''}`);
    for (const reason of reasons) notes.push(`  - ${reason}`);
  }
  if (answer.options.ipBlockMatchesPods)
    notes.push('note: ipBlock peers match pod IPs (--ip-block-matches-pods)');
  if (answer.warnings.length > 0) {
    notes.push(`note: ${answer.warnings.length} warning(s) about the snapshot; --format json lists them`);
  }
  return notes;
}
