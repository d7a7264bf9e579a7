import type { Direction } from '../evaluate/answers';
import type { ObjectRef, Warning } from '../model/objects';
import { ConnectionSet } from '../sets';
import type { CompiledAdminPolicy, CompiledAdminRule } from './admin-policy-compiler';
import type { Bitset } from './bitset';
import type { CompiledSnapshot } from './compiled-snapshot';

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

function objectOf(policy: CompiledAdminPolicy): ObjectRef {
  return { kind: policy.object.kind, name: policy.object.name };
}

function ruleText(policy: CompiledAdminPolicy, rule: CompiledAdminRule): string {
  const name = rule.ref.ruleName === undefined ? '' : ` (${rule.ref.ruleName})`;
  return `${policy.ref.kind} ${policy.ref.name} ${rule.ref.direction} rule ${rule.ref.rule}${name}`;
}

/**
 * Warnings about admin policies that need compiled selectors: peers that cannot be resolved from a snapshot
 * (`domainNames`, `nodes` without Node objects, `networks` toward pods without IPs), rules shadowed by earlier
 * rules of the same policy, and policies of equal priority whose rules overlap (decided by name order).
 */
export function adminCompileWarnings(compiled: CompiledSnapshot): Warning[] {
  const warnings: Warning[] = [];
  const templates = compiled.classes.filter((c) => c.pods.some((pod) => pod.template));
  for (const tier of [compiled.adminPolicies.admin, compiled.adminPolicies.baseline]) {
    for (const policy of tier.policies) {
      const object = objectOf(policy);
      for (const direction of DIRECTIONS) {
        policy.rules[direction].forEach((rule, i) => {
          const where = ruleText(policy, rule);
          if (rule.domainNames) {
            warnings.push({
              code: 'ADMIN_DOMAIN_NAMES_UNRESOLVED',
              message: `${where}: domainNames cannot be resolved from a snapshot; the peer is never matched`,
              object,
            });
          }
          if (rule.nodesUnknown) {
            warnings.push({
              code: 'ADMIN_NODES_UNKNOWN',
              message: `${where}: the snapshot has no Node objects, so the nodes peer matches no address`,
              object,
            });
          }
          if (rule.networks && templates.length > 0 && !policy.subjects.isEmpty()) {
            const names = templates.flatMap((c) =>
              c.pods.filter((p) => p.template).map((p) => `${p.namespace}/${p.name}`),
            );
            warnings.push({
              code: 'ADMIN_NETWORKS_PODS_WITHOUT_IP',
              message: `${where}: networks cannot match pods without a known IP (${names.join(', ')}); their answers may change once they run`,
              object,
            });
          }
          if (isShadowed(compiled, policy, policy.rules[direction], i)) {
            warnings.push({
              code: 'ADMIN_RULE_SHADOWED',
              message: `${where} never decides anything: earlier rules of the policy match all its traffic`,
              object,
            });
          }
        });
      }
    }
    warnings.push(...overlapWarnings(tier.policies));
  }
  return warnings;
}

/** Whether every connection rule `index` matches is matched by an earlier rule of the same list. */
function isShadowed(
  compiled: CompiledSnapshot,
  policy: CompiledAdminPolicy,
  rules: readonly CompiledAdminRule[],
  index: number,
): boolean {
  const rule = rules[index];
  const earlier = rules.slice(0, index);
  if (earlier.length === 0 || policy.subjects.isEmpty()) return false;
  if (rule.classes.isEmpty() && rule.atoms.isEmpty()) return false;
  const ingress = rule.ref.direction === 'ingress';
  const named = [rule, ...earlier].some((r) => r.ports.names.length > 0);
  // Named ports of ingress rules resolve on the subject: check each subject class then, else one suffices.
  const subjects = ingress && named ? policy.subjects.toArray() : [policy.subjects.toArray()[0]];
  const classes = compiled.classes;
  const covered = (
    peers: (r: CompiledAdminRule) => boolean,
    ports: (r: CompiledAdminRule) => ConnectionSet,
  ) => {
    let union = ConnectionSet.none();
    for (const e of earlier) if (peers(e)) union = union.union(ports(e));
    return ports(rule).subtract(union).isEmpty();
  };
  const everyMember = (set: Bitset, test: (id: number) => boolean) => set.toArray().every(test);
  for (const s of subjects) {
    const classOk = everyMember(rule.classes, (c) =>
      covered(
        (e) => e.classes.has(c),
        (r) => r.ports.toward(classes[ingress ? s : c]),
      ),
    );
    const atomOk = everyMember(rule.atoms, (a) =>
      covered(
        (e) => e.atoms.has(a),
        (r) => (ingress ? r.ports.toward(classes[s]) : r.ports.towardAddress()),
      ),
    );
    if (!classOk || !atomOk) return false;
  }
  return true;
}

/** Equal-priority policies that select common pods and have rules matching common peers and ports. */
function overlapWarnings(policies: readonly CompiledAdminPolicy[]): Warning[] {
  const warnings: Warning[] = [];
  for (let i = 0; i < policies.length; i++) {
    for (let j = i + 1; j < policies.length && policies[j].priority === policies[i].priority; j++) {
      const [a, b] = [policies[i], policies[j]];
      if (!a.subjects.intersects(b.subjects)) continue;
      const overlap = DIRECTIONS.some((direction) =>
        a.rules[direction].some((r) => b.rules[direction].some((q) => rulesOverlap(r, q))),
      );
      if (!overlap) continue;
      warnings.push({
        code: 'ADMIN_PRIORITY_AMBIGUOUS',
        message: `${a.ref.kind} ${a.ref.name} and ${b.ref.kind} ${b.ref.name} have the same priority ${a.priority} and match the same traffic; the API leaves their order undefined, podreach applies ${a.ref.name} first (name order) and marks such verdicts ambiguous`,
        object: objectOf(a),
      });
    }
  }
  return warnings;
}

function rulesOverlap(a: CompiledAdminRule, b: CompiledAdminRule): boolean {
  const peers = a.classes.intersects(b.classes) || a.atoms.intersects(b.atoms);
  if (!peers) return false;
  // Named ports depend on the destination pod; count them as overlapping rather than miss an ambiguity.
  if (a.ports.names.length > 0 || b.ports.names.length > 0) return true;
  return !a.ports.towardAddress().intersect(b.ports.towardAddress()).isEmpty();
}
