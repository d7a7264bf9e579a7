import type { ClassTags } from '../compile/class-tags';
import type { Direction } from './answers';
import type { End } from './ends';
import type { PairEvaluator } from './pair-evaluator';
import type { DirectionResult } from './tiers/tier-walk';

/**
 * One direction of every class toward one end, evaluated on demand: subject classes that every tier treats
 * alike (same policies) share one walk.
 */
export class ClassColumn {
  private readonly results: (DirectionResult | undefined)[];

  constructor(
    private readonly evaluator: PairEvaluator,
    private readonly direction: Direction,
    private readonly subjects: ClassTags,
    private readonly end: End,
  ) {
    this.results = new Array<DirectionResult | undefined>(subjects.count);
  }

  get(subject: number): DirectionResult {
    const group = this.subjects.of[subject];
    let result = this.results[group];
    if (result === undefined) {
      result = this.evaluator.towardEnd(this.direction, subject, this.end);
      this.results[group] = result;
    }
    return result;
  }
}
