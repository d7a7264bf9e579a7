import { childPath } from './field-path';
import {
  objectElements,
  readArray,
  readObject,
  readString,
  requireField,
  type JsonObject,
} from './json-shape';
import { validateMetadata } from './metadata';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './names';
import type { ReportProblem } from './problem-report';

/** A Namespace: its name is a DNS-1123 label (at most 63 characters), its labels a label map. */
export function validateNamespace(object: JsonObject, report: ReportProblem): void {
  validateMetadata(object, { namespaced: false, nameErrors: dns1123LabelErrors }, report);
}

/** A Node: metadata and `status.addresses` entries with string `type` and `address`. */
export function validateNode(object: JsonObject, report: ReportProblem): void {
  validateMetadata(object, { namespaced: false, nameErrors: dns1123SubdomainErrors }, report);
  const status = readObject(object, 'status', '', report);
  const addresses = status && readArray(status, 'addresses', 'status', report);
  if (!addresses) return;
  for (const { item, path } of objectElements(addresses, childPath('status', 'addresses'), report)) {
    for (const field of ['type', 'address']) {
      if (requireField(item, field, path, report)) readString(item, field, path, report);
    }
  }
}
