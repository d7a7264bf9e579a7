import type { RefiningSet } from '../compile/class-tags';
import { PeerCells, type CellKey } from '../compile/peer-cells';
import type { DirectionResult } from './tiers/tier-walk';

/** Keys below this are looked up in an array. */
const MAX_ARRAY_KEY = 4096;

/**
 * One direction of one subject class toward every class, kept as the peer sets of the subject's rules and one
 * result per cell of those sets (classes every rule treats alike share their result object). Its size follows
 * the rules, not the number of classes: a rule admitting 4,000 classes costs its bitset, already compiled, and
 * not 4,000 entries per subject.
 */
export class ClassRow {
  /** `results` by key when every key is a small number (nearly always): an array read instead of a map lookup. */
  private readonly byKey: DirectionResult[] | undefined;

  private constructor(
    private readonly cells: PeerCells,
    private readonly results: ReadonlyMap<CellKey, DirectionResult>,
  ) {
    const keys = [...results.keys()];
    if (keys.every((key) => typeof key === 'number' && key < MAX_ARRAY_KEY)) {
      this.byKey = [];
      for (const [key, result] of results) this.byKey[key as number] = result;
    }
  }

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
    const key = this.cells.keyOf(peer);
    return this.byKey !== undefined ? this.byKey[key as number] : this.results.get(key)!;
  }

  /** The result toward every class, as an array over classes. */
  toArray(): DirectionResult[] {
    const out = new Array<DirectionResult>(this.cells.size);
    const rest = this.results.get(this.cells.restKey);
    if (rest !== undefined) out.fill(rest);
    this.cells.forEachInSome((c, key) => (out[c] = this.results.get(key)!));
    return out;
  }
}
