import type {
  NamespaceObject,
  NodeObject,
  PodObject,
  PodTemplate,
  WorkloadKind,
  WorkloadObject,
} from '../model/objects';
import { REPLICATED_KINDS, templatePath, type JsonObject } from '../validate';
import { containerPortsOf, controllerOwner, labelsOf } from './normalize-common';
import {
  arrayField,
  booleanField,
  integerField,
  objectField,
  objectsIn,
  stringField,
  stringMap,
} from './raw-fields';

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Namespaced objects without `metadata.namespace` live in `default`, as `kubectl apply` puts them. */
export function namespaceOf(object: JsonObject): string {
  return stringField(objectField(object, 'metadata'), 'namespace') || 'default';
}

function nameOf(object: JsonObject): string {
  return stringField(objectField(object, 'metadata'), 'name') ?? '';
}

/**
 * A Namespace. The API server sets `kubernetes.io/metadata.name=<name>` on every namespace (overwriting
 * any other value), so a manifest without it normalizes like the dump of the namespace it created.
 */
export function normalizeNamespace(object: JsonObject): NamespaceObject {
  const name = nameOf(object);
  const labels = stringMap({ ...labelsOf(object), [NAMESPACE_NAME_LABEL]: name });
  return { kind: 'Namespace', name, labels };
}

/** A Node: labels and `status.addresses` (which `nodes` peers of admin policies match). */
export function normalizeNode(object: JsonObject): NodeObject {
  const addresses = objectsIn(arrayField(objectField(object, 'status'), 'addresses')).map((address) => ({
    type: stringField(address, 'type') ?? '',
    address: stringField(address, 'address') ?? '',
  }));
  return { kind: 'Node', name: nameOf(object), labels: labelsOf(object), addresses };
}

/** A Pod: IPs from `status.podIPs` (dual-stack) or else `status.podIP`; phase, node, hostNetwork, ports. */
export function normalizePod(object: JsonObject): PodObject {
  const spec = objectField(object, 'spec');
  const status = objectField(object, 'status');
  const podIPs = objectsIn(arrayField(status, 'podIPs'))
    .map((entry) => stringField(entry, 'ip'))
    .filter((ip): ip is string => !!ip);
  const podIP = stringField(status, 'podIP');
  const pod: PodObject = {
    kind: 'Pod',
    namespace: namespaceOf(object),
    name: nameOf(object),
    labels: labelsOf(object),
    ips: podIPs.length > 0 ? podIPs : podIP ? [podIP] : [],
    hostNetwork: booleanField(spec, 'hostNetwork') ?? false,
    ports: containerPortsOf(spec),
  };
  const owner = controllerOwner(object);
  if (owner) pod.owner = owner;
  const phase = stringField(status, 'phase');
  if (phase) pod.phase = phase;
  const nodeName = stringField(spec, 'nodeName');
  if (nodeName) pod.nodeName = nodeName;
  return pod;
}

function templateOf(kind: WorkloadKind, object: JsonObject): PodTemplate {
  let template: JsonObject | undefined = object;
  for (const field of templatePath(kind)) template = objectField(template, field);
  const spec = objectField(template, 'spec');
  return {
    labels: template ? labelsOf(template) : {},
    hostNetwork: booleanField(spec, 'hostNetwork') ?? false,
    ports: containerPortsOf(spec),
  };
}

/** A workload: owner, replicas (default 1 where the kind has them) and its pod template. */
export function normalizeWorkload(kind: WorkloadKind, object: JsonObject): WorkloadObject {
  const workload: WorkloadObject = {
    kind,
    namespace: namespaceOf(object),
    name: nameOf(object),
    labels: labelsOf(object),
    template: templateOf(kind, object),
  };
  const owner = controllerOwner(object);
  if (owner) workload.owner = owner;
  if (REPLICATED_KINDS.includes(kind))
    workload.replicas = integerField(objectField(object, 'spec'), 'replicas') ?? 1;
  return workload;
}
