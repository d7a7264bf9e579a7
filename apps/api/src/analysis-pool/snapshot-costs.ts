/**
 * What a worker keeps for a snapshot, estimated from sizes it knows rather than measured on the heap (which
 * counts garbage, or misses what a collection freed, unless a full collection runs around every measure: a
 * second per gigabyte held). Ratios measured on the bench clusters with full collections around each step:
 * objects and their compiled default analysis keep 2.4 to 2.6 times the bytes of the objects' JSON text (M 7.8 MB
 * of text keeps 20 MB, L 39 MB keeps 93 MB, XL 117 MB keeps 276 MB); the class-level analysis another 0.35 times
 * (XL 41 MB); a held connectivity pair 65 to 80 bytes.
 */
export interface SnapshotCosts {
  /** A snapshot loaded from `textBytes` of JSON, its default analysis compiled. */
  loaded(textBytes: number): number;
  /** The class-level analysis of a snapshot loaded from `textBytes` of JSON. */
  classMatrix(textBytes: number): number;
  /** A connectivity answer of `pairs` connections held in memory. */
  answer(pairs: number): number;
}

export const MEASURED_COSTS: SnapshotCosts = {
  loaded: (textBytes) => Math.ceil(textBytes * 2.6),
  classMatrix: (textBytes) => Math.ceil(textBytes * 0.35),
  answer: (pairs) => pairs * 80,
};
