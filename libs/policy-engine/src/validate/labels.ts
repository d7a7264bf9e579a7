import { keyPath } from './field-path';
import { describeJsonType, type JsonObject } from './json-shape';
import { labelValueErrors, qualifiedNameErrors } from './names';
import type { ReportProblem } from './problem-report';

/**
 * A label map (`metadata.labels`, `matchLabels`): every key a qualified name, every value a string that
 * is a valid label value. Problems are reported at `path["key"]`.
 */
export function validateLabelMap(labels: JsonObject, path: string, report: ReportProblem): void {
  for (const [key, value] of Object.entries(labels)) {
    const entryPath = keyPath(path, key);
    for (const message of qualifiedNameErrors(key))
      report(entryPath, `key ${JSON.stringify(key)}: ${message}`);
    if (typeof value !== 'string') {
      report(entryPath, `must be a string, not ${describeJsonType(value)}`);
      continue;
    }
    for (const message of labelValueErrors(value))
      report(entryPath, `value ${JSON.stringify(value)}: ${message}`);
  }
}
