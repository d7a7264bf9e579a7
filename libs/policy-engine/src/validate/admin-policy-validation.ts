import type { AdminPolicyKind } from '../model/objects';
import { childPath } from './field-path';
import {
  objectElements,
  readArray,
  readInteger,
  readObject,
  readString,
  requireField,
  type JsonObject,
} from './json-shape';
import { validateOneOf, validatePeerField, validateSubject } from './admin-peer-validation';
import {
  ALL_PEER_FIELDS,
  ANP_RULES,
  BANP_RULES,
  CNP_RULES,
  MAX_PRIORITY,
  MAX_RULE_NAME_LENGTH,
  PEERS_WITHOUT_NAMED_PORTS,
  type AdminApiRules,
} from './admin-policy-rules';
import { validateAdminPort, validateProtocolMatch } from './admin-port-validation';
import { metadataName, validateMetadata } from './metadata';
import { dns1123SubdomainErrors } from './names';
import type { ReportProblem } from './problem-report';

const RULES: Record<AdminPolicyKind, AdminApiRules> = {
  AdminNetworkPolicy: ANP_RULES,
  BaselineAdminNetworkPolicy: BANP_RULES,
  ClusterNetworkPolicy: CNP_RULES,
};

/**
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy (v1alpha2), as their
 * CRD schemas and CEL rules validate them: priority, tier, subject, rule counts, names, actions, peers
 * with exactly one field, CIDRs, ports, and the BANP singleton's name.
 */
export function validateAdminPolicy(kind: AdminPolicyKind, object: JsonObject, report: ReportProblem): void {
  const rules = RULES[kind];
  validateMetadata(object, { namespaced: false, nameErrors: dns1123SubdomainErrors }, report);
  if (kind === 'BaselineAdminNetworkPolicy') {
    const name = metadataName(object);
    if (name !== undefined && name !== 'default') {
      report(
        'metadata.name',
        `must be "default": a cluster has only one BaselineAdminNetworkPolicy, not ${JSON.stringify(name)}`,
      );
    }
  }
  if (!requireField(object, 'spec', '', report)) return;
  const spec = readObject(object, 'spec', '', report);
  if (!spec) return;
  if (kind === 'ClusterNetworkPolicy' && requireField(spec, 'tier', 'spec', report)) {
    const tier = readString(spec, 'tier', 'spec', report);
    if (tier !== undefined && tier !== 'Admin' && tier !== 'Baseline') {
      report(
        'spec.tier',
        `Unsupported value: ${JSON.stringify(tier)}: supported values: "Admin", "Baseline"`,
      );
    }
  }
  if (kind !== 'BaselineAdminNetworkPolicy' && requireField(spec, 'priority', 'spec', report)) {
    const priority = readInteger(spec, 'priority', 'spec', report);
    if (priority !== undefined && (priority < 0 || priority > MAX_PRIORITY)) {
      report('spec.priority', `must be between 0 and ${MAX_PRIORITY}, inclusive, not ${priority}`);
    }
  }
  validateSubject(spec, rules, report);
  validateRules(spec, 'ingress', rules, report);
  validateRules(spec, 'egress', rules, report);
}

function validateRules(
  spec: JsonObject,
  direction: 'ingress' | 'egress',
  rules: AdminApiRules,
  report: ReportProblem,
): void {
  const list = readArray(spec, direction, 'spec', report);
  if (!list) return;
  const path = childPath('spec', direction);
  if (list.length > rules.maxRules)
    report(path, `must have at most ${rules.maxRules} rules, not ${list.length}`);
  for (const rule of objectElements(list, path, report))
    validateRule(rule.item, rule.path, direction, rules, report);
}

function validateRule(
  rule: JsonObject,
  path: string,
  direction: 'ingress' | 'egress',
  rules: AdminApiRules,
  report: ReportProblem,
): void {
  const name = readString(rule, 'name', path, report);
  if (name !== undefined && name.length > MAX_RULE_NAME_LENGTH) {
    report(childPath(path, 'name'), `must be no more than ${MAX_RULE_NAME_LENGTH} characters`);
  }
  let action: string | undefined;
  if (requireField(rule, 'action', path, report)) {
    action = readString(rule, 'action', path, report);
    if (action !== undefined && !rules.actions.includes(action)) {
      const supported = rules.actions.map((a) => JSON.stringify(a)).join(', ');
      report(
        childPath(path, 'action'),
        `Unsupported value: ${JSON.stringify(action)}: supported values: ${supported}`,
      );
    }
  }
  const peerKinds = validatePeers(rule, path, direction, action, rules, report);
  const namedPort = validatePorts(rule, path, rules, report);
  const portless = peerKinds.filter((kind) => PEERS_WITHOUT_NAMED_PORTS.includes(kind));
  if (namedPort && portless.length > 0) {
    report(
      childPath(path, rules.portsField),
      `a named port cannot be used with ${portless.join('/')} peers: they have no named ports`,
    );
  }
}

/** Validates `from`/`to` and returns the field set in each peer. */
function validatePeers(
  rule: JsonObject,
  path: string,
  direction: 'ingress' | 'egress',
  action: string | undefined,
  rules: AdminApiRules,
  report: ReportProblem,
): string[] {
  const field = direction === 'ingress' ? 'from' : 'to';
  const fields = direction === 'ingress' ? rules.ingressPeerFields : rules.egressPeerFields;
  if (!requireField(rule, field, path, report)) return [];
  const peers = readArray(rule, field, path, report);
  if (!peers) return [];
  const peersPath = childPath(path, field);
  if (peers.length === 0) report(peersPath, 'must have at least 1 peer');
  if (peers.length > rules.maxPeers)
    report(peersPath, `must have at most ${rules.maxPeers} peers, not ${peers.length}`);
  const kinds: string[] = [];
  for (const peer of objectElements(peers, peersPath, report)) {
    // A field this API knows, but not here, is an error (the API server prunes it and then finds the peer
    // empty). Only fields no version knows mark a peer from a newer API, which is kept and fails closed.
    const misplaced = ALL_PEER_FIELDS.filter(
      (f) => !fields.includes(f) && peer.item[f] !== undefined && peer.item[f] !== null,
    );
    if (misplaced.length > 0) {
      const verb = misplaced.length === 1 ? 'is' : 'are';
      report(
        peer.path,
        `must set exactly one of ${fields.join(', ')}; ${misplaced.join(', ')} ${verb} not allowed here`,
      );
      continue;
    }
    const kind = validateOneOf(peer.item, fields, peer.path, report, true);
    if (!kind) continue;
    kinds.push(kind);
    validatePeerField(peer.item, kind, peer.path, rules, report);
    if (kind === 'domainNames' && action !== undefined && action !== rules.allowAction) {
      report(childPath(peer.path, kind), `may only be used in rules whose action is ${rules.allowAction}`);
    }
  }
  return kinds;
}

/** Validates `ports` (v1alpha1) or `protocols` (v1alpha2); returns whether a named port is used. */
function validatePorts(rule: JsonObject, path: string, rules: AdminApiRules, report: ReportProblem): boolean {
  const ports = readArray(rule, rules.portsField, path, report);
  if (!ports) return false;
  const portsPath = childPath(path, rules.portsField);
  if (ports.length > rules.maxPeers)
    report(portsPath, `must have at most ${rules.maxPeers} items, not ${ports.length}`);
  let named = false;
  for (const port of objectElements(ports, portsPath, report)) {
    const isNamed =
      rules.portsField === 'ports'
        ? validateAdminPort(port.item, port.path, report)
        : validateProtocolMatch(port.item, port.path, report);
    named ||= isNamed;
  }
  return named;
}
