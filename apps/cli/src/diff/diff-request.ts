import type { FailOn } from './diff-gate';

export type DiffFormat = 'md' | 'json' | 'txt';
export const DIFF_FORMATS: readonly DiffFormat[] = ['txt', 'md', 'json'];

/** One `podreach diff` invocation: two trees (or two snapshot ids), how to print, what gate to apply. */
export interface DiffRequest {
  base: string;
  head: string;
  format: DiffFormat;
  failOn: FailOn | undefined;
  ipBlockMatchesPods: boolean;
}

/** The printed diff and whether the gate was hit. */
export interface DiffOutcome {
  text: string;
  hit: boolean;
}
