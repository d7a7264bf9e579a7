import { ConnectionSet } from '../sets';
import type { Direction } from './answers';
import type { End } from './ends';
import { pairEntry, type PairEntry } from './pair-entry';
import type { PairEvaluator } from './pair-evaluator';
import type { DirectionResult } from './tiers/tier-walk';

/**
 * What every class may open toward one end of a target (ingress) or accept from it (egress), as an array over
 * classes. The target's own direction is evaluated for all classes at once, one walk per group of classes its
 * rules treat alike; the other end only where the first allows something, one walk per group of classes with
 * the same policies. Classes with the same pair of results share one entry.
 */
export function entriesPerClass(
  evaluator: PairEvaluator,
  direction: Direction,
  end: End,
  restrict: (c: ConnectionSet) => ConnectionSet,
): PairEntry[] {
  const other: Direction = direction === 'ingress' ? 'egress' : 'ingress';
  const classes = evaluator.compiled.classes;
  const peerSide = evaluator.classColumn(other, end);
  if (end.kind !== 'class') {
    // A hostNetwork target is not checked; only the class's own direction toward its address counts.
    const entries = new Map<DirectionResult, PairEntry>();
    return classes.map((c) => {
      const result = peerSide.get(c.id);
      let entry = entries.get(result);
      if (entry === undefined) {
        entry = pairEntry({ conn: result.conn, [other]: result }, restrict);
        entries.set(result, entry);
      }
      return entry;
    });
  }
  const none: PairEntry = { conn: ConnectionSet.none(), rules: [] };
  const own = evaluator.classRow(direction, end.id).toArray();
  // Per result of the target's own direction: `null` when the question's restriction leaves nothing, else the
  // entries per result of the other end.
  const byOwn = new Map<DirectionResult, Map<DirectionResult, PairEntry> | null>();
  return classes.map((c) => {
    const result = own[c.id];
    let entries = byOwn.get(result);
    if (entries === undefined) {
      entries = restrict(result.conn).isEmpty() ? null : new Map();
      byOwn.set(result, entries);
    }
    if (entries === null) return none;
    const peerResult = peerSide.get(c.id);
    let entry = entries.get(peerResult);
    if (entry === undefined) {
      entry = pairEntry(
        { conn: result.conn.intersect(peerResult.conn), [direction]: result, [other]: peerResult },
        restrict,
      );
      entries.set(peerResult, entry);
    }
    return entry;
  });
}
