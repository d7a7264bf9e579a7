import type { PolicyRef } from '../evaluate/answers';
import type { VerdictSummary } from './pair-verdicts';

/** What one policy did to a direction's verdict, before naming the end: `now isolates` the end, say. */
export interface PolicyEffect {
  kind: 'policy' | 'isolation';
  policy: PolicyRef;
  /** Completed by the direction and end, e.g. `now isolates` + ` ingress of shop/api[Deployment]`. */
  effect:
    'now isolates' | 'no longer isolates' | 'changed what it allows for' | 'now allows' | 'no longer allows';
}

/**
 * The policy effects between two verdicts of one direction: policies that isolate the end only now or only
 * before, then, rule by rule, changed policies whose rules allowed the pair before or allow it now. Verdicts are
 * shared by many pairs (pairs of classes that rules treat alike share a walk), so each pair of verdicts is
 * compared once.
 */
export class PolicyEffects {
  private readonly memo = new Map<VerdictSummary, Map<VerdictSummary, PolicyEffect[]>>();

  /** `changed` says whether a policy (by `policyKey`) was added, removed or modified. */
  constructor(private readonly changed: (policyKey: string) => boolean) {}

  between(old: VerdictSummary, current: VerdictSummary): PolicyEffect[] {
    let byCurrent = this.memo.get(old);
    if (byCurrent === undefined) {
      byCurrent = new Map();
      this.memo.set(old, byCurrent);
    }
    let effects = byCurrent.get(current);
    if (effects === undefined) {
      effects = this.compare(old, current);
      byCurrent.set(current, effects);
    }
    return effects;
  }

  private compare(old: VerdictSummary, current: VerdictSummary): PolicyEffect[] {
    const effects: PolicyEffect[] = [];
    const oldIsolating = new Set(old.isolatedBy.map(policyKey));
    const newIsolating = new Set(current.isolatedBy.map(policyKey));
    for (const policy of current.isolatedBy) {
      if (!oldIsolating.has(policyKey(policy)))
        effects.push({ kind: 'isolation', policy, effect: 'now isolates' });
    }
    for (const policy of old.isolatedBy) {
      if (!newIsolating.has(policyKey(policy))) {
        effects.push({ kind: 'isolation', policy, effect: 'no longer isolates' });
      }
    }
    const allowedBefore = new Set(old.allowedBy.map((rule) => policyKey(rule.policy)));
    const allowedNow = new Set(current.allowedBy.map((rule) => policyKey(rule.policy)));
    for (const rule of [...old.allowedBy, ...current.allowedBy]) {
      const key = policyKey(rule.policy);
      if (!this.changed(key)) continue;
      const effect =
        allowedBefore.has(key) && allowedNow.has(key)
          ? 'changed what it allows for'
          : allowedNow.has(key)
            ? 'now allows'
            : 'no longer allows';
      effects.push({ kind: 'policy', policy: rule.policy, effect });
    }
    return effects;
  }
}

/** A policy's identity across snapshots: kind, namespace and name. */
export function policyKey(policy: { kind: string; namespace?: string; name: string }): string {
  return `${policy.kind}/${policy.namespace ?? ''}/${policy.name}`;
}
