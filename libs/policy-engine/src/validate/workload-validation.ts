import type { WorkloadKind } from '../model/objects';
import { childPath } from './field-path';
import { readInteger, readObject, requireField, type JsonObject } from './json-shape';
import { validateLabelMap } from './labels';
import { validateMetadata } from './metadata';
import { dns1123SubdomainErrors } from './names';
import { validatePodSpec } from './pod-spec-validation';
import type { ReportProblem } from './problem-report';

/** Kinds whose `spec.replicas` says how many pods they run (DaemonSet, Job and CronJob have none). */
export const REPLICATED_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
];

/** Where a workload kind keeps its pod template. */
export function templatePath(kind: WorkloadKind): string[] {
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

/**
 * A workload: metadata, `spec.replicas` (a non-negative integer, where the kind has it), and its pod
 * template (`spec.template`, or `spec.jobTemplate.spec.template` for a CronJob), which the API server
 * requires.
 */
export function validateWorkload(kind: WorkloadKind, object: JsonObject, report: ReportProblem): void {
  validateMetadata(object, { namespaced: true, nameErrors: dns1123SubdomainErrors }, report);
  let current: JsonObject | undefined = object;
  let path = '';
  for (const field of templatePath(kind)) {
    if (!requireField(current, field, path, report)) return;
    const next = readObject(current, field, path, report);
    if (!next) return;
    if (field === 'spec' && path === '' && REPLICATED_KINDS.includes(kind)) validateReplicas(next, report);
    current = next;
    path = childPath(path, field);
  }
  validateTemplate(current, path, report);
}

function validateReplicas(spec: JsonObject, report: ReportProblem): void {
  const replicas = readInteger(spec, 'replicas', 'spec', report);
  if (replicas !== undefined && replicas < 0) report('spec.replicas', 'must be greater than or equal to 0');
}

function validateTemplate(template: JsonObject, path: string, report: ReportProblem): void {
  const metadata = readObject(template, 'metadata', path, report);
  const metadataPath = childPath(path, 'metadata');
  const labels = metadata && readObject(metadata, 'labels', metadataPath, report);
  if (labels) validateLabelMap(labels, childPath(metadataPath, 'labels'), report);
  const spec = readObject(template, 'spec', path, report);
  if (spec) validatePodSpec(spec, childPath(path, 'spec'), report);
}
