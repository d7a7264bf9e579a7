import { CIDR_FORMAT_MESSAGE, parseCidr } from './cidr';
import { childPath, indexPath } from './field-path';
import { describeJsonType, isJsonObject, readObject, requireField, type JsonObject } from './json-shape';
import { validateLabelSelector } from './label-selector';
import { MAX_NETWORKS, type AdminApiRules } from './admin-policy-rules';
import type { ReportProblem } from './problem-report';

const DOMAIN_NAME =
  /^(\*\.)?([a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/**
 * Exactly one of `fields` must be set. With `acceptUnknown`, a mapping whose only fields are ones no
 * version of the API knows is accepted: it comes from a newer CRD, and the evaluator fails closed on it,
 * as the API asks of peers. Returns the one field set, if any.
 */
export function validateOneOf(
  value: JsonObject,
  fields: readonly string[],
  path: string,
  report: ReportProblem,
  acceptUnknown = false,
): string | undefined {
  const set = fields.filter((field) => value[field] !== undefined && value[field] !== null);
  if (set.length > 1) {
    report(path, `must set exactly one of ${fields.join(', ')}, not ${set.join(' and ')}`);
  } else if (set.length === 0 && !(acceptUnknown && Object.keys(value).length > 0)) {
    report(path, `must set exactly one of ${fields.join(', ')}`);
  }
  return set.length === 1 ? set[0] : undefined;
}

/** `subject`: exactly one of `namespaces` (a selector) or `pods` (namespace + pod selectors). */
export function validateSubject(spec: JsonObject, rules: AdminApiRules, report: ReportProblem): void {
  if (!requireField(spec, 'subject', 'spec', report)) return;
  const subject = readObject(spec, 'subject', 'spec', report);
  if (!subject) return;
  const field = validateOneOf(subject, ['namespaces', 'pods'], 'spec.subject', report);
  if (field) validatePeerField(subject, field, 'spec.subject', rules, report);
}

/** One peer field's contents: selectors, `pods`, `networks` CIDRs or `domainNames`. */
export function validatePeerField(
  peer: JsonObject,
  field: string,
  path: string,
  rules: AdminApiRules,
  report: ReportProblem,
): void {
  const fieldPath = childPath(path, field);
  const value = peer[field];
  switch (field) {
    case 'namespaces':
    case 'nodes':
      validateLabelSelector(value, fieldPath, report);
      return;
    case 'pods':
      validateNamespacedPod(value, fieldPath, rules, report);
      return;
    case 'networks':
      validateStringList(value, fieldPath, report, (text, itemPath) =>
        validateNetwork(text, itemPath, rules, report),
      );
      return;
    case 'domainNames':
      validateStringList(value, fieldPath, report, (text, itemPath) => {
        if (!DOMAIN_NAME.test(text)) {
          report(
            itemPath,
            `${JSON.stringify(text)} is not a domain name (e.g. example.com or *.example.com)`,
          );
        }
      });
      return;
  }
}

function validateNamespacedPod(
  value: unknown,
  path: string,
  rules: AdminApiRules,
  report: ReportProblem,
): void {
  if (!isJsonObject(value)) {
    report(path, `must be a mapping with namespaceSelector and podSelector, not ${describeJsonType(value)}`);
    return;
  }
  for (const selector of ['namespaceSelector', 'podSelector']) {
    const required = selector === 'podSelector' || rules.namespaceSelectorRequired;
    if (value[selector] === undefined || value[selector] === null) {
      if (required) report(childPath(path, selector), 'is required');
      continue;
    }
    validateLabelSelector(value[selector], childPath(path, selector), report);
  }
}

function validateStringList(
  value: unknown,
  path: string,
  report: ReportProblem,
  check: (text: string, path: string) => void,
): void {
  if (!Array.isArray(value)) {
    report(path, `must be a list, not ${describeJsonType(value)}`);
    return;
  }
  if (value.length === 0) report(path, 'must have at least 1 item');
  if (value.length > MAX_NETWORKS) report(path, `must have at most ${MAX_NETWORKS} items`);
  value.forEach((item, i) => {
    if (typeof item === 'string') check(item, indexPath(path, i));
    else report(indexPath(path, i), `must be a string, not ${describeJsonType(item)}`);
  });
}

function validateNetwork(text: string, path: string, rules: AdminApiRules, report: ReportProblem): void {
  if (!parseCidr(text)) report(path, `${JSON.stringify(text)}: ${CIDR_FORMAT_MESSAGE}`);
  else if (rules.rejectEmbeddedIPv4 && text.includes(':') && text.includes('.')) {
    report(path, `${JSON.stringify(text)}: IPv4 addresses embedded in IPv6 addresses are not supported`);
  }
}
