import type { RefiningSet } from '../compile/class-tags';
import { PeerCells, type CellKey } from '../compile/peer-cells';
import type { ConnectionSet } from '../sets';
import type { DirectionResult } from './tiers/tier-walk';

/**
 * One direction of one subject class toward every class, kept as the peer sets of the subject's rules and one
 * result per cell of those sets (classes every rule treats alike share their result object). Its size follows
 * the rules, not the number of classes: a rule admitting 4,000 classes costs its bitset, already compiled, and
 * not 4,000 entries per subject.
 */
export class ClassRow {
  private constructor(
    private readonly cells: PeerCells,
    private readonly results: ReadonlyMap<CellKey, DirectionResult>,
  ) {}

  /**
   * The row of a subject whose rules name the peer `sets`: `evaluate` walks the subject toward one class, and
   * runs once per cell, for its lowest class.
   */
  static build(
    size: number,
    sets: readonly RefiningSet[],
    evaluate: (peer: number) => DirectionResult,
  ): ClassRow {
    const cells = new PeerCells(size, sets);
    const results = new Map<CellKey, DirectionResult>();
    for (const [key, first] of cells.firsts()) results.set(key, evaluate(first));
    return new ClassRow(cells, results);
  }

  /** The result toward one class. */
  get(peer: number): DirectionResult {
    return this.results.get(this.cells.keyOf(peer))!;
  }

  /** The result toward every class, as an array over classes. */
  toArray(): DirectionResult[] {
    const out = new Array<DirectionResult>(this.cells.size);
    const rest = this.results.get(this.cells.restKey);
    if (rest !== undefined) out.fill(rest);
    this.cells.forEachInSome((c, key) => (out[c] = this.results.get(key)!));
    return out;
  }

  /** Writes the allowed set toward each class into `out[class]`: one pass over the classes some rule names. */
  fillConns(out: ConnectionSet[]): void {
    const rest = this.results.get(this.cells.restKey);
    if (rest !== undefined) out.fill(rest.conn);
    this.cells.forEachInSome((c, key) => (out[c] = this.results.get(key)!.conn));
  }
}
