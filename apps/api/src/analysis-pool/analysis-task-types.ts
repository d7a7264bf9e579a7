import type {
  AnalysisOptions,
  ConnectivityFormat,
  DiffContext,
  DiffFormat,
  Granularity,
  Labels,
  SnapshotMeta,
  WhatIfInput,
} from '@podreach/policy-engine';

/** The arguments and results of the analysis tasks (see analysis-tasks.ts): plain data only. */

export interface SnapshotRef {
  snapshot: string;
}

/** A snapshot's objects as JSON array texts (UTF-8), a few thousand objects each, with its stored meta. */
export interface LoadTask extends SnapshotRef {
  meta: SnapshotMeta;
  chunks: Uint8Array<ArrayBuffer>[];
  /**
   * Another snapshot the task waiting for this load uses (a diff's base, when its head is loaded): not dropped
   * to make room, or the two would take turns evicting each other.
   */
  keep?: string;
}

/** Narrows a list of workloads or pods: a namespace and/or a label selector in kubectl's syntax. */
export interface ObjectFilter {
  namespace?: string;
  selector?: string;
}

export interface FilterTask extends SnapshotRef {
  filter: ObjectFilter;
  /** Return only these items of the filtered list (a GraphQL page); all of them without it. */
  slice?: { start: number; size: number };
}

/** Items of a filtered list (a slice of it when one was asked for) and how many the whole list holds. */
export interface Listing<T> {
  items: T[];
  total: number;
}

/** A policy of the snapshot, by identity. */
export interface PolicySummary {
  kind: string;
  namespace?: string;
  name: string;
  labels: Labels;
}

/** A computed answer, gzip JSON, for the main thread to store; absent when the answer was not computed now. */
export interface StoredResult {
  computed?: Uint8Array;
}

export interface ConnectivityTask extends SnapshotRef {
  granularity: Granularity;
  options: AnalysisOptions;
  /** The answer as stored in the database, when it was. */
  stored?: Uint8Array;
  /** Only answer from memory: `{ missing: true }` when the worker has not got the answer at hand. */
  ifCached?: boolean;
  /** Stream the answer rendered in this format instead of returning it. */
  render?: { format: ConnectivityFormat };
  /** Return only these connections. */
  slice?: { start: number; size: number };
}

export interface SnapshotLabel {
  id: string;
  label?: string;
}

export interface DiffTask {
  base: SnapshotLabel;
  head: SnapshotLabel;
  options: AnalysisOptions;
  stored?: Uint8Array;
  render?: { format: DiffFormat; context: DiffContext };
}

export interface WhatIfTask {
  base: SnapshotLabel;
  input: WhatIfInput;
  options: AnalysisOptions;
  render?: { format: DiffFormat; context: DiffContext };
}
