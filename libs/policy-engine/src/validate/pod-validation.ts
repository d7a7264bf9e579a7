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
import { dns1123SubdomainErrors } from './names';
import { validatePodSpec } from './pod-spec-validation';
import type { ReportProblem } from './problem-report';

/** A Pod: metadata, the kept parts of `spec`, and `status.phase`, `status.podIP`, `status.podIPs[].ip`. */
export function validatePod(object: JsonObject, report: ReportProblem): void {
  validateMetadata(object, { namespaced: true, nameErrors: dns1123SubdomainErrors }, report);
  const spec = readObject(object, 'spec', '', report);
  if (spec) validatePodSpec(spec, 'spec', report);
  const status = readObject(object, 'status', '', report);
  if (!status) return;
  readString(status, 'phase', 'status', report);
  readString(status, 'podIP', 'status', report);
  const podIPs = readArray(status, 'podIPs', 'status', report);
  if (!podIPs) return;
  for (const { item, path } of objectElements(podIPs, childPath('status', 'podIPs'), report)) {
    if (requireField(item, 'ip', path, report)) readString(item, 'ip', path, report);
  }
}
