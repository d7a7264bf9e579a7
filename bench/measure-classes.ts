/**
 * The number of pod classes the engine compiles the snapshot into (pods with the same namespace, ports and
 * values of the label keys selectors use). The public API does not expose it, so this reaches into the
 * compiler; it runs after the timed figures and the peak-memory reading, since it compiles once more.
 */
import { DEFAULT_OPTIONS, type SnapshotAnalysis } from '@podreach/policy-engine';
import { compileSnapshot } from '@podreach/policy-engine/compile/compiled-snapshot';
import type { Reporter } from './figures';

export function measureClasses(analysis: SnapshotAnalysis, report: Reporter): void {
  const compiled = compileSnapshot(analysis.model, DEFAULT_OPTIONS);
  report.figure({
    id: 'classes',
    label: 'pod classes',
    value: compiled.classes.length,
    unit: 'count',
    note: `for ${analysis.model.pods.length} pods; ${compiled.atoms.count} outside address atoms`,
  });
}
