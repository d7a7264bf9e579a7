import type { AdminPolicyKind, AdminPolicyObject } from '../model/objects';
import type { JsonObject } from '../validate';
import { normalizeCidr, type WarnFn } from './normalize-cidr';
import { labelSelectorOf, labelsOf, protocolOf } from './normalize-common';
import { arrayField, integerField, objectField, objectsIn, stringField } from './raw-fields';

const PEER_SELECTOR_FIELDS = ['namespaces', 'nodes'];

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
  const spec: Record<string, unknown> = {};
  const tier = stringField(raw, 'tier');
  if (kind === 'ClusterNetworkPolicy' && tier !== undefined) spec.tier = tier;
  const priority = integerField(raw, 'priority');
  if (kind !== 'BaselineAdminNetworkPolicy' && priority !== undefined) spec.priority = priority;
  spec.subject = peerOf(objectField(raw, 'subject') ?? {}, 'spec.subject', warn);
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = arrayField(raw, direction);
    if (rules)
      spec[direction] = objectsIn(rules).map((rule, i) => ruleOf(rule, `spec.${direction}[${i}]`, warn));
  }
  const name = stringField(objectField(object, 'metadata'), 'name') ?? '';
  return { kind, apiVersion, name, labels: labelsOf(object), spec };
}

function ruleOf(raw: JsonObject, path: string, warn: WarnFn): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  const name = stringField(raw, 'name');
  if (name !== undefined && name !== '') rule.name = name;
  rule.action = stringField(raw, 'action');
  for (const peersField of ['from', 'to']) {
    const peers = arrayField(raw, peersField);
    if (peers)
      rule[peersField] = objectsIn(peers).map((peer, i) => peerOf(peer, `${path}.${peersField}[${i}]`, warn));
  }
  const ports = arrayField(raw, 'ports');
  if (ports) rule.ports = objectsIn(ports).map(adminPortOf);
  const protocols = arrayField(raw, 'protocols');
  if (protocols) rule.protocols = objectsIn(protocols).map(protocolMatchOf);
  return rule;
}

/** A subject or peer: selectors normalized, `networks` CIDRs cut to their network with a warning. */
function peerOf(raw: JsonObject, path: string, warn: WarnFn): Record<string, unknown> {
  const peer: Record<string, unknown> = {};
  for (const field of PEER_SELECTOR_FIELDS) {
    if (objectField(raw, field)) peer[field] = labelSelectorOf(raw[field]);
  }
  const pods = objectField(raw, 'pods');
  if (pods) {
    peer.pods = {
      namespaceSelector: labelSelectorOf(pods.namespaceSelector),
      podSelector: labelSelectorOf(pods.podSelector),
    };
  }
  const networks = arrayField(raw, 'networks');
  if (networks) {
    peer.networks = networks
      .filter((text): text is string => typeof text === 'string')
      .map((text, i) => normalizeCidr(text, `${path}.networks[${i}]`, warn));
  }
  const domainNames = arrayField(raw, 'domainNames');
  if (domainNames) peer.domainNames = domainNames.filter((name) => typeof name === 'string');
  return peer;
}

function adminPortOf(raw: JsonObject): Record<string, unknown> {
  const portNumber = objectField(raw, 'portNumber');
  if (portNumber)
    return { portNumber: { protocol: protocolOf(portNumber), port: integerField(portNumber, 'port') } };
  const portRange = objectField(raw, 'portRange');
  if (portRange) {
    return {
      portRange: {
        protocol: protocolOf(portRange),
        start: integerField(portRange, 'start'),
        end: integerField(portRange, 'end'),
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
      ? { range: { start: integerField(range, 'start'), end: integerField(range, 'end') } }
      : { number: integerField(destination, 'number') };
    return { [protocol]: { destinationPort: port } };
  }
  const named = stringField(raw, 'destinationNamedPort');
  return named !== undefined ? { destinationNamedPort: named } : {};
}
