import type { AdminPolicyKind, AdminPolicyObject } from '../model/objects';
import type { JsonObject } from '../validate';
import { normalizeCidr, type WarnFn } from './normalize-cidr';
import { labelSelectorOf, labelsOf, protocolOf } from './normalize-common';
import { arrayField, integerField, objectField, objectsIn, stringField } from './raw-fields';

/**
 * An AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy, keeping the spec fields
 * the API defines (a CRD drops unknown fields too) and its defaults (`protocol: TCP` in v1alpha1 ports).
 * Lists are kept as written: custom resources are stored as sent, so a dump shows what the manifest had.
 * A peer whose only fields are unknown to this API version becomes `{}`, which the evaluator treats
 * fail-closed, as the API asks.
 */
export function normalizeAdminPolicy(
  kind: AdminPolicyKind,
  apiVersion: string,
  object: JsonObject,
  warn: WarnFn,
): AdminPolicyObject {
  const raw = objectField(object, 'spec');
  // Read in the order warnings have always come in: subject, ingress, egress.
  const subject = peerOf(objectField(raw, 'subject') ?? {}, 'spec.subject', warn);
  const rules: Record<string, unknown> = {};
  for (const direction of ['ingress', 'egress'] as const) {
    const list = arrayField(raw, direction);
    if (list)
      rules[direction] = objectsIn(list).map((rule, i) => ruleOf(rule, `spec.${direction}[${i}]`, warn));
  }
  const spec: Record<string, unknown> = {};
  if (rules.egress) spec.egress = rules.egress;
  if (rules.ingress) spec.ingress = rules.ingress;
  const priority = integerField(raw, 'priority');
  if (kind !== 'BaselineAdminNetworkPolicy' && priority !== undefined) spec.priority = priority;
  spec.subject = subject;
  const tier = stringField(raw, 'tier');
  if (kind === 'ClusterNetworkPolicy' && tier !== undefined) spec.tier = tier;
  const name = stringField(objectField(object, 'metadata'), 'name') ?? '';
  return { apiVersion, kind, labels: labelsOf(object), name, spec };
}

function ruleOf(raw: JsonObject, path: string, warn: WarnFn): Record<string, unknown> {
  const peersOf = (field: string) =>
    objectsIn(arrayField(raw, field)).map((peer, i) => peerOf(peer, `${path}.${field}[${i}]`, warn));
  const rule: Record<string, unknown> = { action: stringField(raw, 'action') };
  if (arrayField(raw, 'from')) rule.from = peersOf('from');
  const name = stringField(raw, 'name');
  if (name !== undefined && name !== '') rule.name = name;
  const ports = arrayField(raw, 'ports');
  if (ports) rule.ports = objectsIn(ports).map(adminPortOf);
  const protocols = arrayField(raw, 'protocols');
  if (protocols) rule.protocols = objectsIn(protocols).map(protocolMatchOf);
  if (arrayField(raw, 'to')) rule.to = peersOf('to');
  return rule;
}

/** A subject or peer: selectors normalized, `networks` CIDRs cut to their network with a warning. */
function peerOf(raw: JsonObject, path: string, warn: WarnFn): Record<string, unknown> {
  const peer: Record<string, unknown> = {};
  const domainNames = arrayField(raw, 'domainNames');
  if (domainNames) peer.domainNames = domainNames.filter((name) => typeof name === 'string');
  const selector = (field: string) => (objectField(raw, field) ? labelSelectorOf(raw[field]) : undefined);
  const namespaces = selector('namespaces');
  if (namespaces) peer.namespaces = namespaces;
  const networks = arrayField(raw, 'networks');
  if (networks) {
    peer.networks = networks
      .filter((text): text is string => typeof text === 'string')
      .map((text, i) => normalizeCidr(text, `${path}.networks[${i}]`, warn));
  }
  const nodes = selector('nodes');
  if (nodes) peer.nodes = nodes;
  const pods = objectField(raw, 'pods');
  if (pods) {
    peer.pods = {
      namespaceSelector: labelSelectorOf(pods.namespaceSelector),
      podSelector: labelSelectorOf(pods.podSelector),
    };
  }
  return peer;
}

function adminPortOf(raw: JsonObject): Record<string, unknown> {
  const portNumber = objectField(raw, 'portNumber');
  if (portNumber)
    return { portNumber: { port: integerField(portNumber, 'port'), protocol: protocolOf(portNumber) } };
  const portRange = objectField(raw, 'portRange');
  if (portRange) {
    return {
      portRange: {
        end: integerField(portRange, 'end'),
        protocol: protocolOf(portRange),
        start: integerField(portRange, 'start'),
      },
    };
  }
  const namedPort = stringField(raw, 'namedPort');
  return namedPort !== undefined ? { namedPort } : {};
}

function protocolMatchOf(raw: JsonObject): Record<string, unknown> {
  for (const protocol of ['tcp', 'udp', 'sctp']) {
    const destination = objectField(objectField(raw, protocol), 'destinationPort');
    if (!destination) continue;
    const range = objectField(destination, 'range');
    const port = range
      ? { range: { end: integerField(range, 'end'), start: integerField(range, 'start') } }
      : { number: integerField(destination, 'number') };
    return { [protocol]: { destinationPort: port } };
  }
  const named = stringField(raw, 'destinationNamedPort');
  return named !== undefined ? { destinationNamedPort: named } : {};
}
