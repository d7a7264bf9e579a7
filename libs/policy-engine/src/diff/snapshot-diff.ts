import type { AnalysisOptions, Peer } from '../evaluate/answers';
import { workloadPeer } from '../evaluate/endpoints';
import { comparePeers } from '../evaluate/peer-text';
import { analyze, type SnapshotAnalysis } from '../evaluate/snapshot-analysis';
import type { K8sObject } from '../model/objects';
import { workloadKey, type SnapshotMeta, type SnapshotModel } from '../model/snapshot-model';
import { Attribution } from './attribution';
import { ConnectionSetCache } from './connection-set-cache';
import type { ConnectivityChange, DiffAnswer, DiffSnapshotRef, WorkloadChange } from './diff-answer';
import { exposureOf, reachableFromAllNamespaces } from './exposure';
import { diffModelLabels } from './label-diff';
import { diffMatrices } from './matrix-diff';
import { diffPolicies } from './policy-diff';

/** One side of a diff: a stored snapshot's id and label with its objects, or an analysis already built. */
export type DiffSide = DiffSnapshotRef &
  ({ objects: K8sObject[]; meta?: SnapshotMeta } | { analysis: SnapshotAnalysis });

export interface SnapshotDiffOptions extends Partial<AnalysisOptions> {
  /** The head is a what-if change of the base, not a stored snapshot: the answer's `head` is `null`. */
  whatIf?: boolean;
}

/**
 * What changes from `base` to `head` (issue 5): per (src, dst) pair of workloads and outside ranges, the
 * connections added, removed or changed with their causes and exposure; workloads added and removed; policies
 * added, removed and modified with their changed fields; and label changes of namespaces and workloads.
 */
export function diffSnapshots(base: DiffSide, head: DiffSide, options: SnapshotDiffOptions = {}): DiffAnswer {
  const analysisOptions: AnalysisOptions = { ipBlockMatchesPods: options.ipBlockMatchesPods ?? false };
  const before = analysisOf(base);
  const after = analysisOf(head);
  const policies = diffPolicies(policyObjects(before.model), policyObjects(after.model));
  const labels = diffModelLabels(before.model, after.model);
  const attribution = new Attribution({
    base: before,
    head: after,
    options: analysisOptions,
    policies,
    labels,
  });
  const sets = new ConnectionSetCache();
  // The workload-level connectivity of both sides, compared in the class matrices it is computed from.
  const pairs = diffMatrices(before.classMatrix(analysisOptions), after.classMatrix(analysisOptions), sets);
  const allNamespaces = {
    before: reachableFromAllNamespaces(before.model, pairs.reachedFrom.before),
    after: reachableFromAllNamespaces(after.model, pairs.reachedFrom.after),
  };
  const workloads = diffWorkloads(before.model, after.model);
  const added = new Set(workloads.added.map(peerKey));
  const removed = new Set(workloads.removed.map(peerKey));

  const connectivity: ConnectivityChange[] = pairs.changes.map((change) => {
    const workloadChange = workloadChangeOf(change.src, change.dst, added, removed);
    const exposure = exposureOf(change, allNamespaces, sets);
    return {
      ...change,
      ...(workloadChange !== undefined && { workloadChange }),
      ...(exposure !== undefined && { exposure }),
      causedBy: attribution.causes(change),
    };
  });
  // Exposures first; the list is already in source, then destination order, and the sort is stable.
  connectivity.sort((a, b) => Number(b.exposure !== undefined) - Number(a.exposure !== undefined));

  // As every answer about a snapshot says it (`complete`, `incompleteReasons`), from its model.
  const reasons = [...new Set([...before.model.incompleteReasons, ...after.model.incompleteReasons])];
  const count = (type: ConnectivityChange['type']) => connectivity.filter((c) => c.type === type).length;
  return {
    schemaVersion: 1,
    base: snapshotRef(base),
    head: options.whatIf ? null : snapshotRef(head),
    whatIf: options.whatIf ?? false,
    options: analysisOptions,
    complete: before.model.complete && after.model.complete && reasons.length === 0,
    ...(reasons.length > 0 && { incompleteReasons: reasons }),
    summary: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      policiesChanged: policies.length,
    },
    connectivity,
    workloads,
    policies,
    labels,
  };
}

function analysisOf(side: DiffSide): SnapshotAnalysis {
  return 'analysis' in side ? side.analysis : analyze(side.objects, side.meta);
}

function snapshotRef(side: DiffSide): DiffSnapshotRef {
  return side.label === undefined ? { id: side.id } : { id: side.id, label: side.label };
}

function policyObjects(model: SnapshotModel): K8sObject[] {
  return [...model.networkPolicies, ...model.adminPolicies];
}

/** Workloads matched by namespace, kind and name: a rollout that renames pods changes nothing here. */
function diffWorkloads(base: SnapshotModel, head: SnapshotModel): { added: Peer[]; removed: Peer[] } {
  const missingFrom = (from: SnapshotModel, other: SnapshotModel) =>
    from.workloads
      .filter((w) => !other.workloadsByKey.has(workloadKey(w.namespace, w.kind, w.name)))
      .map(workloadPeer)
      .sort(comparePeers);
  return { added: missingFrom(head, base), removed: missingFrom(base, head) };
}

function workloadChangeOf(
  src: Peer,
  dst: Peer,
  added: ReadonlySet<string>,
  removed: ReadonlySet<string>,
): WorkloadChange | undefined {
  const of = (peer: Peer) => {
    const key = peerKey(peer);
    return added.has(key) ? ('added' as const) : removed.has(key) ? ('removed' as const) : undefined;
  };
  const change: WorkloadChange = {};
  const srcChange = of(src);
  const dstChange = of(dst);
  if (srcChange !== undefined) change.src = srcChange;
  if (dstChange !== undefined) change.dst = dstChange;
  return srcChange === undefined && dstChange === undefined ? undefined : change;
}

function peerKey(peer: Peer): string {
  return peer.type === 'workload' ? workloadKey(peer.namespace, peer.kind, peer.name) : '';
}
