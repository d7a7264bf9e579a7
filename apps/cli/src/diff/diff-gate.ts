/** `--fail-on`: `any` connectivity change, or only changes that `exposure` a workload. */
export type FailOn = 'any' | 'exposure';

export const FAIL_ON_VALUES: readonly FailOn[] = ['exposure', 'any'];

/** The part of a diff answer's connectivity entries the gate reads (the same in the engine's and the API's JSON). */
export interface GatedDiff {
  connectivity: readonly { exposure?: string }[];
}

/**
 * Whether a diff hits the gate. `exposure` is judged by outcome, as the diff reports it: a workload newly
 * reachable from outside addresses or from every namespace, whatever policy change caused it.
 */
export function gateHit(diff: GatedDiff, failOn: FailOn | undefined): boolean {
  if (failOn === undefined) return false;
  if (failOn === 'any') return diff.connectivity.length > 0;
  return diff.connectivity.some((entry) => entry.exposure !== undefined);
}
