import type { ConnectionSet } from '../sets';
import type { RuleRef } from './answers';
import type { PairResult } from './pair-evaluator';
import type { RuleContribution } from './tiers/tier';
import { uniqueRules } from './rule-refs';

/** What one class-level pair allows (after the question's restriction), and the rules that allowed it. */
export interface PairEntry {
  conn: ConnectionSet;
  rules: RuleRef[];
}

/** Keeps the rules of both directions that allowed part of the pair's connection. */
export function pairEntry(result: PairResult, restrict: (c: ConnectionSet) => ConnectionSet): PairEntry {
  const conn = restrict(result.conn);
  if (conn.isEmpty()) return { conn, rules: [] };
  const contributing = (rules: RuleContribution[] | undefined) =>
    (rules ?? []).filter((r) => !r.conn.intersect(conn).isEmpty()).map((r) => r.ref);
  return { conn, rules: [...contributing(result.egress?.rules), ...contributing(result.ingress?.rules)] };
}

/** Merges the pairs behind one peer: the union, `partial` when they disagree, the rules of non-empty pairs. */
export function mergeEntries(entries: readonly PairEntry[]): {
  conn: ConnectionSet;
  partial: boolean;
  rules: RuleRef[];
} {
  let conn = entries[0].conn;
  let partial = false;
  for (let i = 1; i < entries.length; i++) {
    const other = entries[i].conn;
    if (other === entries[0].conn) continue;
    partial ||= !other.equals(entries[0].conn);
    conn = conn.union(other);
  }
  return { conn, partial, rules: uniqueRules(entries.flatMap((e) => e.rules)) };
}
