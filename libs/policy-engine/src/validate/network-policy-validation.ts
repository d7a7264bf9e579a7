import { CIDR_FORMAT_MESSAGE, isStrictSubnet, parseCidr } from './cidr';
import { childPath, indexPath } from './field-path';
import {
  describeJsonType,
  objectElements,
  readArray,
  readInteger,
  readObject,
  readString,
  requireField,
  type JsonObject,
} from './json-shape';
import { validateLabelSelector } from './label-selector';
import { validateMetadata } from './metadata';
import { dns1123SubdomainErrors, portNameErrors, portNumberErrors } from './names';
import { validateProtocol } from './pod-spec-validation';
import type { ReportProblem } from './problem-report';

const DIRECTIONS = [
  { rules: 'ingress', peers: 'from' },
  { rules: 'egress', peers: 'to' },
] as const;

/** A `networking.k8s.io/v1` NetworkPolicy, rule for rule as the API server's `ValidateNetworkPolicySpec`. */
export function validateNetworkPolicy(object: JsonObject, report: ReportProblem): void {
  validateMetadata(object, { namespaced: true, nameErrors: dns1123SubdomainErrors }, report);
  const spec = readObject(object, 'spec', '', report);
  if (!spec) return;
  if (spec.podSelector !== undefined && spec.podSelector !== null) {
    validateLabelSelector(spec.podSelector, 'spec.podSelector', report);
  }
  for (const direction of DIRECTIONS) {
    const rules = readArray(spec, direction.rules, 'spec', report);
    if (!rules) continue;
    for (const { item, path } of objectElements(rules, childPath('spec', direction.rules), report)) {
      const ports = readArray(item, 'ports', path, report);
      if (ports) {
        for (const port of objectElements(ports, childPath(path, 'ports'), report)) {
          validatePort(port.item, port.path, report);
        }
      }
      const peers = readArray(item, direction.peers, path, report);
      if (peers) {
        for (const peer of objectElements(peers, childPath(path, direction.peers), report)) {
          validatePeer(peer.item, peer.path, report);
        }
      }
    }
  }
  validatePolicyTypes(spec, report);
}

function validatePort(port: JsonObject, path: string, report: ReportProblem): void {
  const protocol = readString(port, 'protocol', path, report);
  if (protocol !== undefined) validateProtocol(protocol, childPath(path, 'protocol'), report);
  const endPort = readInteger(port, 'endPort', path, report);
  const endPortPath = childPath(path, 'endPort');
  const value = port.port;
  if (value === undefined || value === null) {
    if (endPort !== undefined) report(endPortPath, 'may not be specified when `port` is not specified');
  } else if (typeof value === 'number' && Number.isSafeInteger(value)) {
    for (const message of portNumberErrors(value)) report(childPath(path, 'port'), message);
    if (endPort !== undefined) {
      if (endPort < value) report(endPortPath, 'must be greater than or equal to `port`');
      for (const message of portNumberErrors(endPort)) report(endPortPath, message);
    }
  } else if (typeof value === 'string') {
    if (endPort !== undefined) report(endPortPath, 'may not be specified when `port` is non-numeric');
    for (const message of portNameErrors(value)) report(childPath(path, 'port'), message);
  } else {
    report(childPath(path, 'port'), `must be a port number or a port name, not ${describeJsonType(value)}`);
  }
}

function validatePeer(peer: JsonObject, path: string, report: ReportProblem): void {
  let fields = 0;
  for (const selector of ['podSelector', 'namespaceSelector']) {
    if (peer[selector] === undefined || peer[selector] === null) continue;
    fields++;
    validateLabelSelector(peer[selector], childPath(path, selector), report);
  }
  const ipBlock = readObject(peer, 'ipBlock', path, report);
  if (ipBlock) {
    fields++;
    validateIPBlock(ipBlock, childPath(path, 'ipBlock'), report);
  }
  if (fields === 0) {
    report(path, 'must specify a peer: podSelector, namespaceSelector or ipBlock');
  } else if (fields > 1 && ipBlock) {
    report(path, 'may not specify both ipBlock and another peer');
  }
}

function validateIPBlock(ipBlock: JsonObject, path: string, report: ReportProblem): void {
  if (!requireField(ipBlock, 'cidr', path, report)) return;
  const cidrText = readString(ipBlock, 'cidr', path, report);
  if (cidrText === undefined) return;
  const cidr = parseCidr(cidrText);
  if (!cidr) report(childPath(path, 'cidr'), `${JSON.stringify(cidrText)}: ${CIDR_FORMAT_MESSAGE}`);
  const except = readArray(ipBlock, 'except', path, report);
  except?.forEach((text, i) => {
    const exceptPath = indexPath(childPath(path, 'except'), i);
    if (typeof text !== 'string') {
      report(exceptPath, `must be a string, not ${describeJsonType(text)}`);
      return;
    }
    const inner = parseCidr(text);
    if (!inner) report(exceptPath, `${JSON.stringify(text)}: ${CIDR_FORMAT_MESSAGE}`);
    else if (cidr && !isStrictSubnet(cidr, inner)) {
      report(exceptPath, `${JSON.stringify(text)}: must be a strict subset of \`cidr\` (${cidrText})`);
    }
  });
}

/**
 * At most two entries, each `Ingress` or `Egress`. The API server accepts a repeated entry
 * (`[Ingress, Ingress]`), so podreach does too; normalization drops the repeat with a warning.
 */
function validatePolicyTypes(spec: JsonObject, report: ReportProblem): void {
  const types = readArray(spec, 'policyTypes', 'spec', report);
  if (!types) return;
  if (types.length > 2) {
    report('spec.policyTypes', 'may not specify more than two policyTypes');
    return;
  }
  types.forEach((type, i) => {
    if (type !== 'Ingress' && type !== 'Egress') {
      report(
        indexPath('spec.policyTypes', i),
        `Unsupported value: ${JSON.stringify(type)}: supported values: "Ingress", "Egress"`,
      );
    }
  });
}
