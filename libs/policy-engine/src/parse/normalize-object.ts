import { WORKLOAD_KINDS, type K8sObject, type ObjectKind, type WorkloadKind } from '../model/objects';
import type { JsonObject } from '../validate';
import { normalizeAdminPolicy } from './normalize-admin-policy';
import type { WarnFn } from './normalize-cidr';
import { normalizeNetworkPolicy } from './normalize-network-policy';
import { normalizeNamespace, normalizeNode, normalizePod, normalizeWorkload } from './normalize-workloads';

function isWorkloadKind(kind: ObjectKind): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/**
 * Turns a validated raw object into its normalized form: only the fields `model/objects.ts` lists, with
 * the API server's defaults applied.
 *
 * Every normalizer writes the keys of what it builds in sorted order (label maps are sorted too), so
 * `canonicalJson`, which each stored object goes through, can leave the writing to `JSON.stringify`.
 */
export function normalizeObject(
  kind: ObjectKind,
  apiVersion: string,
  object: JsonObject,
  warn: WarnFn,
): K8sObject {
  switch (kind) {
    case 'Namespace':
      return normalizeNamespace(object);
    case 'Node':
      return normalizeNode(object);
    case 'Pod':
      return normalizePod(object);
    case 'NetworkPolicy':
      return normalizeNetworkPolicy(object, warn);
    case 'AdminNetworkPolicy':
    case 'BaselineAdminNetworkPolicy':
    case 'ClusterNetworkPolicy':
      return normalizeAdminPolicy(kind, apiVersion, object, warn);
  }
  if (isWorkloadKind(kind)) return normalizeWorkload(kind, object);
  throw new Error(`no normalizer for kind ${kind as string}`);
}
