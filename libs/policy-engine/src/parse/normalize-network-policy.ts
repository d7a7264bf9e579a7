import type {
  IPBlock,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyObject,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
  PolicyType,
} from '../model/objects';
import type { JsonObject } from '../validate';
import { normalizeCidr, type WarnFn } from './normalize-cidr';
import { labelSelectorOf, labelsOf, protocolOf } from './normalize-common';
import { namespaceOf } from './normalize-workloads';
import { arrayField, integerField, objectField, objectsIn, stringField } from './raw-fields';

/**
 * A NetworkPolicy as the API server stores it: `podSelector` absent -> `{}`, port protocol -> TCP,
 * `policyTypes` defaulted, and empty lists dropped (the API's `omitempty`: a dump never shows
 * `ingress: []`, and per the v1 semantics an empty list and an absent one mean the same).
 */
export function normalizeNetworkPolicy(object: JsonObject, warn: WarnFn): NetworkPolicyObject {
  const raw = objectField(object, 'spec');
  const policyTypes = policyTypesOf(raw, warn);
  const ingress: NetworkPolicyIngressRule[] = objectsIn(arrayField(raw, 'ingress')).map((rule, i) => {
    const from = peersOf(arrayField(rule, 'from'), `spec.ingress[${i}].from`, warn);
    return { ...(from.length > 0 ? { from } : {}), ...portsOf(rule) };
  });
  const egress: NetworkPolicyEgressRule[] = objectsIn(arrayField(raw, 'egress')).map((rule, i) => {
    const to = peersOf(arrayField(rule, 'to'), `spec.egress[${i}].to`, warn);
    return { ...portsOf(rule), ...(to.length > 0 ? { to } : {}) };
  });
  const spec: NetworkPolicySpec = {
    ...(egress.length > 0 ? { egress } : {}),
    ...(ingress.length > 0 ? { ingress } : {}),
    podSelector: labelSelectorOf(raw?.podSelector),
    policyTypes,
  };
  const name = stringField(objectField(object, 'metadata'), 'name') ?? '';
  return { kind: 'NetworkPolicy', labels: labelsOf(object), name, namespace: namespaceOf(object), spec };
}

/**
 * Absent or empty: `[Ingress]`, plus `Egress` when `spec.egress` has a rule (the API server's default).
 * A repeated entry, which the API server accepts, is dropped with a warning.
 */
function policyTypesOf(spec: JsonObject | undefined, warn: WarnFn): PolicyType[] {
  const written = (arrayField(spec, 'policyTypes') ?? []).filter(
    (type): type is PolicyType => type === 'Ingress' || type === 'Egress',
  );
  if (written.length === 0) {
    return (arrayField(spec, 'egress') ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  const unique = [...new Set(written)];
  if (unique.length < written.length) {
    warn('DUPLICATE_POLICY_TYPE', `spec.policyTypes lists ${unique.join(' and ')} more than once`);
  }
  return unique;
}

function portsOf(rule: JsonObject): { ports?: NetworkPolicyPort[] } {
  const ports = objectsIn(arrayField(rule, 'ports')).map((raw) => {
    const value = raw.port;
    const endPort = integerField(raw, 'endPort');
    return {
      ...(endPort !== undefined ? { endPort } : {}),
      ...(typeof value === 'number' || typeof value === 'string' ? { port: value } : {}),
      protocol: protocolOf(raw),
    };
  });
  return ports.length > 0 ? { ports } : {};
}

function peersOf(list: unknown[] | undefined, path: string, warn: WarnFn): NetworkPolicyPeer[] {
  return objectsIn(list).map((raw, i) => {
    const peer: NetworkPolicyPeer = {};
    const ipBlock = objectField(raw, 'ipBlock');
    if (ipBlock) peer.ipBlock = ipBlockOf(ipBlock, `${path}[${i}].ipBlock`, warn);
    if (raw.namespaceSelector !== undefined && raw.namespaceSelector !== null) {
      peer.namespaceSelector = labelSelectorOf(raw.namespaceSelector);
    }
    if (raw.podSelector !== undefined && raw.podSelector !== null)
      peer.podSelector = labelSelectorOf(raw.podSelector);
    return peer;
  });
}

function ipBlockOf(raw: JsonObject, path: string, warn: WarnFn): IPBlock {
  const block: IPBlock = { cidr: normalizeCidr(stringField(raw, 'cidr') ?? '', `${path}.cidr`, warn) };
  const except = (arrayField(raw, 'except') ?? [])
    .filter((text): text is string => typeof text === 'string')
    .map((text, i) => normalizeCidr(text, `${path}.except[${i}]`, warn));
  if (except.length > 0) block.except = except;
  return block;
}
