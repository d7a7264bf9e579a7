import type { Direction, PolicyRef, RuleRef } from '../evaluate/answers';
import type { AdminPolicyObject } from '../model/objects';
import { compareText } from '../model/snapshot-model';
import { compileAdminPeers, podClassesOf, type AdminPeerContext, type AdminPeerMatch } from './admin-peers';
import { AdminRulePorts } from './admin-rule-ports';
import { Bitset } from './bitset';

export type AdminTierName = 'admin' | 'baseline';
export type AdminAction = 'Allow' | 'Deny' | 'Pass';

/** One rule of an admin policy: its action, the classes and outside atoms it matches, and its ports. */
export interface CompiledAdminRule extends AdminPeerMatch {
  ref: RuleRef;
  action: AdminAction;
  ports: AdminRulePorts;
}

/** An ANP, BANP or CNP with the classes its subject selects and its rules per direction. */
export interface CompiledAdminPolicy {
  ref: PolicyRef;
  object: AdminPolicyObject;
  tier: AdminTierName;
  /** The BANP has no priority: it comes after every Baseline-tier CNP. */
  priority: number;
  subjects: Bitset;
  rules: Record<Direction, CompiledAdminRule[]>;
}

/** The policies of one tier in evaluation order and, per direction and class, the ones that apply to it. */
export interface AdminTierIndex {
  policies: CompiledAdminPolicy[];
  /** Per direction, per class: indexes into `policies` of those that select it and have rules there. */
  applying: Record<Direction, number[][]>;
}

export type CompiledAdminPolicies = Record<AdminTierName, AdminTierIndex>;

const BANP_PRIORITY = Number.POSITIVE_INFINITY;

function tierOf(policy: AdminPolicyObject): AdminTierName {
  if (policy.kind === 'BaselineAdminNetworkPolicy') return 'baseline';
  if (policy.kind === 'ClusterNetworkPolicy' && policy.spec.tier === 'Baseline') return 'baseline';
  return 'admin';
}

function actionOf(written: unknown): AdminAction | undefined {
  if (written === 'Allow' || written === 'Accept') return 'Allow';
  return written === 'Deny' || written === 'Pass' ? written : undefined;
}

function compileRules(
  policy: AdminPolicyObject,
  ref: PolicyRef,
  tier: AdminTierName,
  direction: Direction,
  context: AdminPeerContext,
): CompiledAdminRule[] {
  const written = policy.spec[direction];
  const rules: CompiledAdminRule[] = [];
  (Array.isArray(written) ? written : []).forEach((raw, index) => {
    const rule = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const action = actionOf(rule.action);
    // The API server rejects other actions; such a rule cannot be evaluated and is left out.
    if (action === undefined) return;
    const allowing = action === 'Allow';
    const peers = compileAdminPeers(direction === 'ingress' ? rule.from : rule.to, allowing, context);
    rules.push({
      ...peers,
      ref: {
        tier,
        policy: ref,
        direction,
        rule: index,
        action,
        ...(typeof rule.name === 'string' ? { ruleName: rule.name } : {}),
      },
      action,
      ports: new AdminRulePorts(rule, allowing),
    });
  });
  return rules;
}

/** Lower priority first; equal priorities by name (podreach's tie-break), then kind; the BANP last. */
function comparePolicies(a: CompiledAdminPolicy, b: CompiledAdminPolicy): number {
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  return compareText(a.ref.name, b.ref.name) || compareText(a.ref.kind, b.ref.kind);
}

/**
 * Compiles AdminNetworkPolicies, BaselineAdminNetworkPolicies and ClusterNetworkPolicies into the admin tier
 * (ANPs and Admin-tier CNPs ordered together by priority) and the baseline tier (Baseline-tier CNPs by
 * priority, then the BANP).
 */
export function compileAdminPolicies(
  objects: readonly AdminPolicyObject[],
  context: AdminPeerContext,
): CompiledAdminPolicies {
  const compiled = objects.map((object): CompiledAdminPolicy => {
    const tier = tierOf(object);
    const ref: PolicyRef = { kind: object.kind, name: object.name };
    const subject = (typeof object.spec.subject === 'object' ? object.spec.subject : {}) as Record<
      string,
      unknown
    >;
    const priority =
      object.kind === 'BaselineAdminNetworkPolicy'
        ? BANP_PRIORITY
        : typeof object.spec.priority === 'number'
          ? object.spec.priority
          : 0;
    return {
      ref,
      object,
      tier,
      priority,
      // A subject the engine cannot read selects nothing (the API server rejects it).
      subjects: podClassesOf(subject, context) ?? Bitset.empty(context.classes.length),
      rules: {
        ingress: compileRules(object, ref, tier, 'ingress', context),
        egress: compileRules(object, ref, tier, 'egress', context),
      },
    };
  });
  const index = (tier: AdminTierName): AdminTierIndex => {
    const policies = compiled.filter((p) => p.tier === tier).sort(comparePolicies);
    const applying = {
      ingress: context.classes.map((): number[] => []),
      egress: context.classes.map((): number[] => []),
    };
    policies.forEach((policy, p) => {
      for (const direction of ['ingress', 'egress'] as const) {
        // A policy with no rules in a direction does not affect that direction.
        if (policy.rules[direction].length === 0) continue;
        policy.subjects.forEach((c) => applying[direction][c].push(p));
      }
    });
    return { policies, applying };
  };
  return { admin: index('admin'), baseline: index('baseline') };
}
