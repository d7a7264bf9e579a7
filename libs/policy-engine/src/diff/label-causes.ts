import type { Peer } from '../evaluate/answers';
import { peerText } from '../evaluate/peer-text';
import type { Labels } from '../model/objects';
import { workloadKey, type SnapshotModel } from '../model/snapshot-model';
import { compileSelector, type CompiledSelector } from '../selectors';
import type { ChangeCause } from './diff-answer';
import type { LabelChange } from './label-diff';
import { sameValue } from './same-value';

/**
 * Finds the label changes that moved a workload, or its namespace, into or out of a selector: a change is a
 * cause only when some pod or namespace selector of either snapshot's policies matches the old labels
 * differently from the new ones. A label no selector looks at changes nothing.
 */
export class LabelCauses {
  private readonly changes = new Map<string, LabelChange>();
  /** Compiled on the first label change that needs them: most diffs change no label. */
  private selectors: { pods: CompiledSelector[]; namespaces: CompiledSelector[] } | undefined;
  /** Per changed workload or namespace, whether some selector tells its old labels from its new ones. */
  private readonly movedOwners = new Map<string, boolean>();

  constructor(
    private readonly base: SnapshotModel,
    private readonly head: SnapshotModel,
    labels: readonly LabelChange[],
  ) {
    for (const change of labels) this.changes.set(ownerKey(change), change);
  }

  /** The label causes of one end of a pair (none for an outside range). */
  of(peer: Peer): ChangeCause[] {
    if (peer.type !== 'workload') return [];
    const causes: ChangeCause[] = [];
    const key = workloadKey(peer.namespace, peer.kind, peer.name);
    const workloadChange = this.changes.get(
      ownerKey({ kind: peer.kind, namespace: peer.namespace, name: peer.name }),
    );
    const pods = (model: SnapshotModel) => model.workloadsByKey.get(key)?.pods ?? [];
    if (
      workloadChange !== undefined &&
      this.moved(workloadChange, (s) => tellApart(s.pods, pods(this.base), pods(this.head)))
    ) {
      causes.push(labelCause(workloadChange, `labels of ${peerText(peer)} changed`));
    }
    const namespaceChange = this.changes.get(ownerKey({ kind: 'Namespace', name: peer.namespace }));
    const namespaces = (model: SnapshotModel) => {
      const found = model.namespacesByName.get(peer.namespace);
      return found === undefined ? [] : [found];
    };
    if (
      namespaceChange !== undefined &&
      this.moved(namespaceChange, (s) =>
        tellApart(s.namespaces, namespaces(this.base), namespaces(this.head)),
      )
    ) {
      causes.push(labelCause(namespaceChange, `labels of namespace ${peer.namespace} changed`));
    }
    return causes;
  }

  /** Whether the label change of an owner moved it in or out of a selector, decided once per owner. */
  private moved(
    change: LabelChange,
    decide: (selectors: { pods: CompiledSelector[]; namespaces: CompiledSelector[] }) => boolean,
  ): boolean {
    const key = ownerKey(change);
    let moved = this.movedOwners.get(key);
    if (moved === undefined) {
      this.selectors ??= policySelectors([this.base, this.head]);
      moved = decide(this.selectors);
      this.movedOwners.set(key, moved);
    }
    return moved;
  }
}

/** Whether some selector matches the labels of `before` (pods of a workload, or a namespace) unlike `after`. */
function tellApart(
  selectors: readonly CompiledSelector[],
  before: readonly { labels: Labels }[],
  after: readonly { labels: Labels }[],
): boolean {
  const matches = (items: readonly { labels: Labels }[], selector: CompiledSelector) =>
    [...new Set(items.map((item) => selector.matches(item.labels)))].sort();
  return selectors.some((selector) => !sameValue(matches(before, selector), matches(after, selector)));
}

function ownerKey(owner: { kind: string; namespace?: string; name: string }): string {
  return `${owner.kind}/${owner.namespace ?? ''}/${owner.name}`;
}

function labelCause(change: LabelChange, text: string): ChangeCause {
  const fields = change.fields.map((field) => field.path);
  return {
    kind: 'labels',
    change: change.change,
    object: {
      kind: change.kind,
      ...(change.namespace !== undefined && { namespace: change.namespace }),
      name: change.name,
    },
    fields,
    detail: `${text}: ${fields.join(', ')}`,
  };
}

/** Every pod and namespace selector of the policies of the models, compiled once and deduplicated. */
function policySelectors(models: SnapshotModel[]): {
  pods: CompiledSelector[];
  namespaces: CompiledSelector[];
} {
  const pods = new Map<string, CompiledSelector>();
  const namespaces = new Map<string, CompiledSelector>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [field, child] of Object.entries(value)) {
      const into = field === 'podSelector' ? pods : field === 'namespaceSelector' ? namespaces : undefined;
      if (into !== undefined && typeof child === 'object' && child !== null) {
        const selector = compileSelector(child);
        into.set(selector.text, selector);
      } else visit(child);
    }
  };
  for (const model of models) {
    model.networkPolicies.forEach((policy) => visit(policy.spec));
    model.adminPolicies.forEach((policy) => visit(policy.spec));
  }
  return { pods: [...pods.values()], namespaces: [...namespaces.values()] };
}
