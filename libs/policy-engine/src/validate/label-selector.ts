import { childPath, indexPath } from './field-path';
import { isJsonObject, objectElements, readArray, readObject, readString, requireField } from './json-shape';
import { validateLabelMap } from './labels';
import { labelValueErrors, qualifiedNameErrors } from './names';
import type { ReportProblem } from './problem-report';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * A `metav1.LabelSelector`: `matchLabels` as a label map, each `matchExpressions` entry with a valid
 * key, a known operator, values required by `In`/`NotIn` and forbidden by `Exists`/`DoesNotExist`.
 * Reports a wrong type for `value` itself too.
 */
export function validateLabelSelector(value: unknown, path: string, report: ReportProblem): void {
  if (!isJsonObject(value)) {
    report(path, 'must be a label selector (a mapping with matchLabels and/or matchExpressions)');
    return;
  }
  const matchLabels = readObject(value, 'matchLabels', path, report);
  if (matchLabels) validateLabelMap(matchLabels, childPath(path, 'matchLabels'), report);
  const expressions = readArray(value, 'matchExpressions', path, report);
  if (!expressions) return;
  for (const { item, path: itemPath } of objectElements(
    expressions,
    childPath(path, 'matchExpressions'),
    report,
  )) {
    validateRequirement(item, itemPath, report);
  }
}

function validateRequirement(
  requirement: Record<string, unknown>,
  path: string,
  report: ReportProblem,
): void {
  if (requireField(requirement, 'key', path, report)) {
    const key = readString(requirement, 'key', path, report);
    if (key !== undefined) {
      for (const message of qualifiedNameErrors(key)) report(childPath(path, 'key'), message);
    }
  }
  const values = readArray(requirement, 'values', path, report);
  const valuesPath = childPath(path, 'values');
  values?.forEach((v, i) => {
    if (typeof v !== 'string') report(indexPath(valuesPath, i), 'must be a string');
    else for (const message of labelValueErrors(v)) report(indexPath(valuesPath, i), message);
  });
  if (!requireField(requirement, 'operator', path, report)) return;
  const operator = readString(requirement, 'operator', path, report);
  if (operator === undefined) return;
  const count = values?.length ?? 0;
  if (operator === 'In' || operator === 'NotIn') {
    if (count === 0) report(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'");
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (count > 0) report(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
  } else {
    report(
      childPath(path, 'operator'),
      `${JSON.stringify(operator)} is not a valid selector operator: use one of ${OPERATORS.join(', ')}`,
    );
  }
}
