import { WORKLOAD_KINDS, type ObjectKind, type WorkloadKind } from '../model/objects';
import { validateAdminPolicy } from './admin-policy-validation';
import { validateNamespace, validateNode } from './cluster-object-validation';
import type { JsonObject } from './json-shape';
import { validateNetworkPolicy } from './network-policy-validation';
import { validatePod } from './pod-validation';
import type { ReportProblem } from './problem-report';
import { validateWorkload } from './workload-validation';

export type { ReportProblem } from './problem-report';
export { childPath, indexPath, keyPath } from './field-path';
export { isJsonObject, describeJsonType, textError, type JsonObject } from './json-shape';
export { parseCidr, isStrictSubnet, type ParsedCidr } from './cidr';
export { metadataName, metadataNamespace } from './metadata';
export { REPLICATED_KINDS, templatePath } from './workload-validation';

function isWorkloadKind(kind: ObjectKind): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/**
 * Checks one object of a kind podreach understands against the API server's rules, reporting every
 * problem with its field path. Never throws on malformed input: a wrong type is a problem too.
 */
export function validateObject(kind: ObjectKind, object: JsonObject, report: ReportProblem): void {
  switch (kind) {
    case 'Namespace':
      return validateNamespace(object, report);
    case 'Node':
      return validateNode(object, report);
    case 'Pod':
      return validatePod(object, report);
    case 'NetworkPolicy':
      return validateNetworkPolicy(object, report);
    case 'AdminNetworkPolicy':
    case 'BaselineAdminNetworkPolicy':
    case 'ClusterNetworkPolicy':
      return validateAdminPolicy(kind, object, report);
    default:
      if (isWorkloadKind(kind)) validateWorkload(kind, object, report);
  }
}
