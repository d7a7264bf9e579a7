import { childPath } from './field-path';
import {
  isJsonObject,
  objectElements,
  readArray,
  readBoolean,
  readObject,
  readString,
  requireField,
  type JsonObject,
} from './json-shape';
import { validateLabelMap } from './labels';
import { dns1123LabelErrors } from './names';
import type { ReportProblem } from './problem-report';

export interface MetadataRules {
  /** Namespaced kinds carry `metadata.namespace` (default `default`); cluster-scoped kinds ignore it. */
  namespaced: boolean;
  /** The kind's name rule (`dns1123SubdomainErrors` for most kinds, `dns1123LabelErrors` for namespaces). */
  nameErrors: (name: string) => string[];
}

/**
 * `metadata`: present, `name` a non-empty string that follows the kind's name rule, `namespace` a DNS-1123
 * label, `labels` a label map, `ownerReferences` entries with string `kind`/`name` and a boolean
 * `controller`. Only the fields podreach keeps are checked; the rest is never read.
 */
export function validateMetadata(object: JsonObject, rules: MetadataRules, report: ReportProblem): void {
  if (object.metadata === undefined || object.metadata === null) {
    report('metadata.name', 'is required');
    return;
  }
  const metadata = readObject(object, 'metadata', '', report);
  if (!metadata) return;
  const path = 'metadata';
  if (requireField(metadata, 'name', path, report)) {
    const name = readString(metadata, 'name', path, report);
    if (name !== undefined) {
      for (const message of rules.nameErrors(name)) report(childPath(path, 'name'), message);
    }
  }
  if (rules.namespaced) {
    const namespace = readString(metadata, 'namespace', path, report);
    if (namespace) {
      for (const message of dns1123LabelErrors(namespace)) report(childPath(path, 'namespace'), message);
    }
  }
  const labels = readObject(metadata, 'labels', path, report);
  if (labels) validateLabelMap(labels, childPath(path, 'labels'), report);
  validateOwnerReferences(metadata, path, report);
}

function validateOwnerReferences(metadata: JsonObject, path: string, report: ReportProblem): void {
  const owners = readArray(metadata, 'ownerReferences', path, report);
  if (!owners) return;
  for (const { item, path: ownerPath } of objectElements(
    owners,
    childPath(path, 'ownerReferences'),
    report,
  )) {
    for (const field of ['kind', 'name']) {
      if (requireField(item, field, ownerPath, report)) readString(item, field, ownerPath, report);
    }
    readBoolean(item, 'controller', ownerPath, report);
  }
}

/** `metadata.name` when it is a string (for naming an object in problems before it is fully checked). */
export function metadataName(object: JsonObject): string | undefined {
  const metadata = object.metadata;
  return isJsonObject(metadata) && typeof metadata.name === 'string' ? metadata.name : undefined;
}

/** `metadata.namespace` when it is a non-empty string. */
export function metadataNamespace(object: JsonObject): string | undefined {
  const metadata = object.metadata;
  return isJsonObject(metadata) && typeof metadata.namespace === 'string' && metadata.namespace !== ''
    ? metadata.namespace
    : undefined;
}
