import type { AdminPolicyKind, AdminPolicyObject, K8sObject, NetworkPolicyObject } from '../model/objects';
import { compareText } from '../model/snapshot-model-types';
import { sameValue } from './same-value';
import { diffValues, type DiffOptions, type FieldChange } from './value-diff';

export type ObjectChange = 'added' | 'removed' | 'modified';

/** A policy that differs between two snapshots. */
export interface PolicyChange {
  kind: 'NetworkPolicy' | AdminPolicyKind;
  /** Present for NetworkPolicies; admin policies are cluster-scoped. */
  namespace?: string;
  name: string;
  change: ObjectChange;
  /**
   * For a modified policy, its changed fields (`spec...`, and `apiVersion` for an admin policy). An added or
   * removed policy has none: its whole spec would crowd a pull-request comment, and the connectivity diff
   * already says what it does.
   */
  fields: FieldChange[];
}

type Policy = NetworkPolicyObject | AdminPolicyObject;

/**
 * In a NetworkPolicy every list is a set: rules and peers are ORed, ports unioned, selector requirements
 * ANDed, and `policyTypes`, `values` and `except` are sets. Reordering any of them changes nothing.
 */
const NETWORK_POLICY_LISTS: DiffOptions = { isSetLike: () => true };

/**
 * In AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy the first matching rule decides,
 * so the order of `spec.ingress` and `spec.egress` matters; every list inside a rule (peers, ports,
 * networks, selector requirements) is still a set.
 */
const ADMIN_POLICY_LISTS: DiffOptions = {
  isSetLike: (fields) => !(fields.length === 2 && fields[0] === 'spec' && isRuleList(fields[1])),
};

/**
 * Policies added, removed and modified from `base` to `head` (NetworkPolicy by namespace and name, admin
 * policies by kind and name), sorted by kind, namespace and name. Only what policies enforce is compared
 * (the spec; for admin policies also the API version): a change of a policy's own labels is no change, and a
 * policy whose lists were only reordered where order means nothing is not listed.
 */
export function diffPolicies(base: K8sObject[], head: K8sObject[]): PolicyChange[] {
  const before = policiesByKey(base);
  const after = policiesByKey(head);
  const changes: PolicyChange[] = [];
  for (const [key, old] of before) {
    const current = after.get(key);
    if (current === undefined) {
      changes.push(policyChange(old, 'removed', []));
      continue;
    }
    const oldContent = enforcedContent(old);
    const newContent = enforcedContent(current);
    if (sameValue(oldContent, newContent)) continue;
    const options = current.kind === 'NetworkPolicy' ? NETWORK_POLICY_LISTS : ADMIN_POLICY_LISTS;
    const fields = diffValues(oldContent, newContent, '', options);
    if (fields.length > 0) changes.push(policyChange(current, 'modified', fields));
  }
  for (const [key, policy] of after) {
    if (!before.has(key)) changes.push(policyChange(policy, 'added', []));
  }
  return changes.sort(
    (a, b) =>
      compareText(a.kind, b.kind) ||
      compareText(a.namespace ?? '', b.namespace ?? '') ||
      compareText(a.name, b.name),
  );
}

function policiesByKey(objects: K8sObject[]): Map<string, Policy> {
  const policies = new Map<string, Policy>();
  for (const object of objects) {
    if (object.kind === 'NetworkPolicy')
      policies.set(`${object.kind}/${object.namespace}/${object.name}`, object);
    else if (isAdminPolicy(object)) policies.set(`${object.kind}/${object.name}`, object);
  }
  return policies;
}

function enforcedContent(policy: Policy): Record<string, unknown> {
  return policy.kind === 'NetworkPolicy'
    ? { spec: policy.spec }
    : { apiVersion: policy.apiVersion, spec: policy.spec };
}

function policyChange(policy: Policy, change: ObjectChange, fields: FieldChange[]): PolicyChange {
  return {
    kind: policy.kind,
    ...(policy.kind === 'NetworkPolicy' && { namespace: policy.namespace }),
    name: policy.name,
    change,
    fields,
  };
}

function isAdminPolicy(object: K8sObject): object is AdminPolicyObject {
  return (
    object.kind === 'AdminNetworkPolicy' ||
    object.kind === 'BaselineAdminNetworkPolicy' ||
    object.kind === 'ClusterNetworkPolicy'
  );
}

function isRuleList(field: string): boolean {
  return field === 'ingress' || field === 'egress';
}
