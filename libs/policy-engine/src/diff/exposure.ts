import { peerText } from '../evaluate/peer-text';
import type { SnapshotModel } from '../model/snapshot-model';
import { isPrivate } from '../sets';
import { ConnectionSetCache } from './connection-set-cache';
import type { PairChange } from './connectivity-diff';
import type { Exposure } from './diff-answer';

/**
 * The workloads (by text form) that every namespace can reach: for each namespace holding a workload that
 * policies apply to (not only hostNetwork pods), some workload of it other than the destination may open a
 * connection to it (`reachedFrom`: per workload, the namespaces of the workloads that may). It is judged by
 * outcome on the snapshot's own namespaces, so at least one namespace besides the destination's must exist for
 * the word "every" to mean anything.
 */
export function reachableFromAllNamespaces(
  model: SnapshotModel,
  reachedFrom: ReadonlyMap<string, ReadonlySet<string>>,
): Set<string> {
  const sourcesByNamespace = new Map<string, Set<string>>();
  for (const workload of model.workloads) {
    if (workload.pods.every((pod) => pod.hostNetwork)) continue;
    const text = peerText({ type: 'workload', ...workload });
    const sources = sourcesByNamespace.get(workload.namespace) ?? new Set<string>();
    sources.add(text);
    sourcesByNamespace.set(workload.namespace, sources);
  }
  const reachable = new Set<string>();
  for (const [dst, namespaces] of reachedFrom) {
    const own = dst.slice(0, dst.indexOf('/'));
    let others = 0;
    let all = true;
    for (const [namespace, sources] of sourcesByNamespace) {
      // The destination does not count as a source of its own namespace (self traffic is never listed).
      const hasSource = sources.size > (sources.has(dst) ? 1 : 0);
      if (!hasSource) continue;
      if (namespace !== own) others++;
      all &&= namespaces.has(namespace);
    }
    if (all && others > 0) reachable.add(dst);
  }
  return reachable;
}

/**
 * The exposure a change brings, judged by its outcome: a workload newly reachable (or reachable on more
 * connections) from an outside range is exposed `outside`, or `public` when the range holds addresses that are
 * not private or special-purpose; a workload that every namespace can reach now but not before is exposed to
 * `allNamespaces`, on each change that opened it to an in-cluster source. Losing reachability exposes nothing.
 * `sets` reads the change's connection sets (once per JSON object when shared across changes).
 */
export function exposureOf(
  change: PairChange,
  allNamespaces: { before: ReadonlySet<string>; after: ReadonlySet<string> },
  sets: ConnectionSetCache = new ConnectionSetCache(),
): Exposure | undefined {
  if (!gainsConnections(change, sets) || change.dst.type !== 'workload') return undefined;
  if (change.src.type === 'ipRange') return isPrivate(change.src) ? 'outside' : 'public';
  const dst = peerText(change.dst);
  return allNamespaces.after.has(dst) && !allNamespaces.before.has(dst) ? 'allNamespaces' : undefined;
}

function gainsConnections(change: PairChange, sets: ConnectionSetCache): boolean {
  if (change.after === null) return false;
  if (change.before === null) return true;
  return !sets.fromJSON(change.after).subtract(sets.fromJSON(change.before)).isEmpty();
}
