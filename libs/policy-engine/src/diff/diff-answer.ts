/**
 * The shape of the diff answer (issue 5): plain JSON, returned as it is by the REST API, mapped field by field by
 * GraphQL, and printed by the diff renderers.
 */
import type { AnalysisOptions, ConnectionSetJson, Direction, Peer, PolicyRef } from '../evaluate/answers';
import type { LabelChange } from './label-diff';
import type { ObjectChange, PolicyChange } from './policy-diff';

/** A snapshot a diff is about: its stored id and, when it has one, the label people gave it. */
export interface DiffSnapshotRef {
  id: string;
  label?: string;
}

/** `outside`: newly reachable from private or special outside addresses; `public`: from public ones. */
export type Exposure = 'outside' | 'public' | 'allNamespaces';

/** Which end of a pair is a workload present in only one of the two snapshots. */
export interface WorkloadChange {
  src?: 'added' | 'removed';
  dst?: 'added' | 'removed';
}

/**
 * What caused a connectivity change:
 * - `isolation`: `policy` newly isolates, or no longer isolates, the end whose `direction` changed (a new
 *   default-deny is the most common cause of removed connections);
 * - `policy`: `policy` was added, removed or modified, and its rules allowed the pair before or allow it now;
 * - `labels`: the labels of `object` (a workload or its namespace) changed so that some selector now matches
 *   it differently; `fields` are the changed label paths;
 * - `workload`: `object`, an end of the pair, exists in only one snapshot.
 */
export interface ChangeCause {
  kind: 'policy' | 'isolation' | 'labels' | 'workload';
  /** The direction the cause acted on: egress of the source or ingress of the destination. */
  direction?: Direction;
  policy?: PolicyRef;
  /** How the policy (kinds `policy`, `isolation`) or object (`labels`, `workload`) itself changed. */
  change?: ObjectChange;
  object?: { kind: string; namespace?: string; name: string };
  fields?: string[];
  /** One line a person reads, e.g. `shop/default-deny (added) now isolates ingress of shop/api[Deployment]`. */
  detail: string;
}

/** One (src, dst) pair whose allowed connections differ. */
export interface ConnectivityChange {
  /** `added`: nothing was allowed before; `removed`: nothing is allowed now; `changed`: both, but different. */
  type: 'added' | 'removed' | 'changed';
  src: Peer;
  dst: Peer;
  before: ConnectionSetJson | null;
  after: ConnectionSetJson | null;
  workloadChange?: WorkloadChange;
  exposure?: Exposure;
  causedBy: ChangeCause[];
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  policiesChanged: number;
}

/** The diff of two snapshots, or of a snapshot and a what-if change of it (`whatIf: true`, `head: null`). */
export interface DiffAnswer {
  schemaVersion: 1;
  base: DiffSnapshotRef;
  head: DiffSnapshotRef | null;
  whatIf: boolean;
  options: AnalysisOptions;
  /** False when either snapshot holds policies the analysis does not evaluate. */
  complete: boolean;
  incompleteReasons?: string[];
  summary: DiffSummary;
  /** Sorted: exposures first, then by source, then by destination (text forms). */
  connectivity: ConnectivityChange[];
  workloads: { added: Peer[]; removed: Peer[] };
  policies: PolicyChange[];
  labels: LabelChange[];
}
