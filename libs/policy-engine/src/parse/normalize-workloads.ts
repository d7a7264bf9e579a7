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
  return { kind: 'Namespace', labels, name };
}

/** A Node: labels and `status.addresses` (which `nodes` peers of admin policies match). */
export function normalizeNode(object: JsonObject): NodeObject {
  const addresses = objectsIn(arrayField(objectField(object, 'status'), 'addresses')).map((address) => ({
    address: stringField(address, 'address') ?? '',
    type: stringField(address, 'type') ?? '',
  }));
  return { addresses, kind: 'Node', labels: labelsOf(object), name: nameOf(object) };
}

/** A Pod: IPs from `status.podIPs` (dual-stack) or else `status.podIP`; phase, node, hostNetwork, ports. */
export function normalizePod(object: JsonObject): PodObject {
  const spec = objectField(object, 'spec');
  const status = objectField(object, 'status');
  const podIPs = objectsIn(arrayField(status, 'podIPs'))
    .map((entry) => stringField(entry, 'ip'))
    .filter((ip): ip is string => !!ip);
  const podIP = stringField(status, 'podIP');
  const nodeName = stringField(spec, 'nodeName');
  const owner = controllerOwner(object);
  const phase = stringField(status, 'phase');
  return {
    hostNetwork: booleanField(spec, 'hostNetwork') ?? false,
    ips: podIPs.length > 0 ? podIPs : podIP ? [podIP] : [],
    kind: 'Pod',
    labels: labelsOf(object),
    name: nameOf(object),
    namespace: namespaceOf(object),
    ...(nodeName ? { nodeName } : {}),
    ...(owner ? { owner } : {}),
    ...(phase ? { phase } : {}),
    ports: containerPortsOf(spec),
  };
}

function templateOf(kind: WorkloadKind, object: JsonObject): PodTemplate {
  let template: JsonObject | undefined = object;
  for (const field of templatePath(kind)) template = objectField(template, field);
  const spec = objectField(template, 'spec');
  return {
    hostNetwork: booleanField(spec, 'hostNetwork') ?? false,
    labels: template ? labelsOf(template) : {},
    ports: containerPortsOf(spec),
  };
}

/** A workload: owner, replicas (default 1 where the kind has them) and its pod template. */
export function normalizeWorkload(kind: WorkloadKind, object: JsonObject): WorkloadObject {
  const owner = controllerOwner(object);
  const replicated = REPLICATED_KINDS.includes(kind);
  return {
    kind,
    labels: labelsOf(object),
    name: nameOf(object),
    namespace: namespaceOf(object),
    ...(owner ? { owner } : {}),
    ...(replicated ? { replicas: integerField(objectField(object, 'spec'), 'replicas') ?? 1 } : {}),
    template: templateOf(kind, object),
  };
}
