import type { AdminPolicyObject, LabelSelector, NetworkPolicyObject } from './objects';

/**
 * Every pod label key some policy selector uses (NetworkPolicy pod selectors and peers, and the pod selectors of
 * admin policies). Pods that differ only in other keys are indistinguishable to every policy.
 */
export function policySelectorKeys(
  networkPolicies: NetworkPolicyObject[],
  adminPolicies: AdminPolicyObject[],
): Set<string> {
  const keys = new Set<string>();
  for (const policy of networkPolicies) {
    addSelectorKeys(keys, policy.spec.podSelector);
    for (const rule of policy.spec.ingress ?? [])
      for (const peer of rule.from ?? []) addSelectorKeys(keys, peer.podSelector);
    for (const rule of policy.spec.egress ?? [])
      for (const peer of rule.to ?? []) addSelectorKeys(keys, peer.podSelector);
  }
  for (const policy of adminPolicies) collectAdminPodSelectorKeys(keys, policy.spec);
  return keys;
}

function addSelectorKeys(keys: Set<string>, selector: LabelSelector | undefined): void {
  if (selector === undefined) return;
  for (const key of Object.keys(selector.matchLabels ?? {})) keys.add(key);
  for (const requirement of selector.matchExpressions ?? []) keys.add(requirement.key);
}

/** Admin policy specs are kept as written: every `podSelector` anywhere in them selects pods. */
function collectAdminPodSelectorKeys(keys: Set<string>, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) collectAdminPodSelectorKeys(keys, item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [field, child] of Object.entries(value)) {
    if (field === 'podSelector' && typeof child === 'object' && child !== null) {
      addSelectorKeys(keys, child as LabelSelector);
    } else collectAdminPodSelectorKeys(keys, child);
  }
}
