/** A measured figure, the targets of issue 7 it is judged against, and where stages send figures. */
import type { SizeName } from './generator';

export type Unit = 's' | 'ms' | 'MB' | 'pods/s' | 'objects/s' | 'req/s' | 'count';

export interface Figure {
  /** Stable key for comparing runs, e.g. `compile.seconds`. */
  id: string;
  /** What a person reads in the table, e.g. `cold compile (analyze + first question)`. */
  label: string;
  value: number;
  unit: Unit;
  /**
   * For timed figures (`s`, `ms`): the CPU time the measuring process spent, in the same unit. On a busy
   * machine wall time also counts waiting for a core; CPU time does not, so it compares across runs.
   */
  cpu?: number;
  note?: string;
}

export interface Target {
  op: '<=' | '>=';
  value: number;
}

/** Issue 7's targets (and issue 4's for the APIs) on the 2-core reference machine, per size and figure id. */
const TARGETS: Partial<Record<SizeName, Record<string, Target>>> = {
  M: {
    'ingest.podsPerSecond': { op: '>=', value: 20_000 },
    'compile.seconds': { op: '<=', value: 1 },
    'ingress.p99Ms': { op: '<=', value: 20 },
    'analysis.seconds': { op: '<=', value: 2 },
    'diff.seconds': { op: '<=', value: 2 },
    'api.rest.p99Ms': { op: '<=', value: 50 },
    'api.graphql.p99Ms': { op: '<=', value: 50 },
  },
  XL: {
    'compileAndAnalysis.seconds': { op: '<=', value: 10 },
    'lag.p99Ms': { op: '<=', value: 50 },
    'engine.peakRssMb': { op: '<=', value: 2048 },
    'ingest.seconds': { op: '<=', value: 15 },
  },
};

export function targetOf(size: string, id: string): Target | undefined {
  return (TARGETS as Record<string, Record<string, Target> | undefined>)[size]?.[id];
}

export function meets(target: Target, value: number): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

/** Where a measurement reports, as it goes, so that a stage killed later keeps what it measured. */
export interface Reporter {
  figure(figure: Figure): void;
  /** Something a reader of the table should know: a skipped figure, a limit raised. */
  note(text: string): void;
}
