import type { Warning } from '../model/objects';
import type { CompiledSnapshot } from './compiled-snapshot';

/**
 * Warnings that need compiled selectors: policies that select no pod, selector peers that match no pod, and
 * named ports that no possible destination pod has.
 */
export function compileWarnings(compiled: CompiledSnapshot): Warning[] {
  const warnings: Warning[] = [];
  const { policies, rules } = compiled.networkPolicies;
  for (const policy of policies) {
    if (policy.selected.isEmpty()) {
      warnings.push({
        code: 'POLICY_SELECTS_NO_POD',
        message: `NetworkPolicy ${policy.ref.namespace}/${policy.ref.name} selects no pod`,
        object: { kind: 'NetworkPolicy', namespace: policy.ref.namespace, name: policy.ref.name },
      });
    }
  }
  for (const rule of rules) {
    const policy = policies[rule.policy];
    const object = { kind: 'NetworkPolicy' as const, namespace: policy.ref.namespace, name: policy.ref.name };
    const where = `NetworkPolicy ${object.namespace}/${object.name} ${rule.ref.direction} rule ${rule.ref.rule}`;
    const field = rule.ref.direction === 'ingress' ? 'from' : 'to';
    for (const peer of rule.emptySelectorPeers) {
      warnings.push({
        code: 'PEER_MATCHES_NOTHING',
        message: `${where}: peer ${field}[${peer}] matches no pod`,
        object,
      });
    }
    // A named port resolves on the destination: the selected pods for ingress, the peers for egress.
    const destinations = rule.ref.direction === 'ingress' ? policy.selected : rule.peers;
    for (const key of rule.ports.namedKeys()) {
      let found = false;
      destinations.forEach((c) => {
        found ||= compiled.classes[c].namedPorts.has(key);
      });
      if (!found) {
        warnings.push({
          code: 'NAMED_PORT_UNRESOLVED',
          message: `${where}: named port ${key} is not a container port of any destination pod`,
          object,
        });
      }
    }
  }
  return warnings;
}
