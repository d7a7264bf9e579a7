import type { AnalysisOptions, Direction, DirectionVerdict, Peer, PolicyRef } from '../evaluate/answers';
import type { EndpointRef, TargetRef } from '../evaluate/endpoints';
import { peerText } from '../evaluate/peer-text';
import type { SnapshotAnalysis } from '../evaluate/snapshot-analysis';
import { workloadKey } from '../model/snapshot-model';
import type { PairChange } from './connectivity-diff';
import type { ChangeCause } from './diff-answer';
import type { LabelChange } from './label-diff';
import type { PolicyChange } from './policy-diff';
import { LabelCauses } from './label-causes';

/** What attribution compares: both analyses, the options, and the policy and label diffs between them. */
export interface AttributionContext {
  base: SnapshotAnalysis;
  head: SnapshotAnalysis;
  options: AnalysisOptions;
  policies: PolicyChange[];
  labels: LabelChange[];
}

/**
 * Finds the causes of connectivity changes by comparing, per direction, the verdicts of the pair's ends in
 * both snapshots (a workload end stands for all its pods, an outside range for its first address).
 */
export class Attribution {
  private readonly policyChanges = new Map<string, PolicyChange>();
  private readonly labelCauses: LabelCauses;

  constructor(private readonly context: AttributionContext) {
    for (const change of context.policies) this.policyChanges.set(policyKey(change), change);
    this.labelCauses = new LabelCauses(context.base.model, context.head.model, context.labels);
  }

  /** The causes of one change: what the pair's ends, policies and labels did, in a stable order. */
  causes(change: PairChange): ChangeCause[] {
    const missing = [change.src, change.dst].flatMap((peer) => this.workloadCauses(peer));
    if (missing.length > 0) return missing;
    const { base, head, options } = this.context;
    const src = endpointOf(change.src);
    const dst = endpointOf(change.dst);
    const before = base.check(src, dst, {}, options);
    const after = head.check(src, dst, {}, options);
    // Directions whose allowed set changed come first. A workload with hostNetwork pods is partly an address
    // end whose own node may always reach a pod (connection lists leave that out, `check` does not), so the
    // sets can agree while the verdicts differ: then directions whose policies changed are the causes.
    const changed = DIRECTIONS.filter((d) => before[d].conn.text !== after[d].conn.text);
    const differing =
      changed.length > 0 ? changed : DIRECTIONS.filter((d) => verdictMoved(before[d], after[d]));
    const causes = differing.flatMap((d) => this.directionCauses(d, before[d], after[d]));
    // A rule that denied (an admin Deny turned Pass, say) appears in no `allowedBy`: when the verdicts name
    // no changed policy, the changed policies that select an end in either snapshot are the candidates.
    if (causes.length === 0) causes.push(...this.selectingCauses(change));
    if (differing.length > 0 || causes.length === 0)
      causes.push(...this.labelCauses.of(change.src), ...this.labelCauses.of(change.dst));
    return dedupe(causes);
  }

  /** Changed policies that select the source (egress) or the destination (ingress) in either snapshot. */
  private selectingCauses(change: PairChange): ChangeCause[] {
    const ends: [Direction, Peer][] = [
      ['egress', change.src],
      ['ingress', change.dst],
    ];
    return ends.flatMap(([direction, peer]) => {
      if (peer.type === 'ipRange') return [];
      const target = endpointOf(peer) as TargetRef;
      const who = `${direction} of ${peerText(peer)}`;
      const selecting = [this.context.base, this.context.head].flatMap(
        (analysis) => analysis.policiesSelecting(target)[direction],
      );
      return selecting
        .filter((policy) => this.policyChanges.has(policyKey(policy)))
        .map((policy) => this.policyCause('policy', direction, policy, `changed how it decides ${who}`));
    });
  }

  private directionCauses(
    direction: Direction,
    old: DirectionVerdict,
    current: DirectionVerdict,
  ): ChangeCause[] {
    const subject = current.subject ?? old.subject;
    const who = `${direction} of ${subject === undefined ? 'the outside address' : peerText(subject)}`;
    const causes: ChangeCause[] = [];
    const oldIsolating = new Set(old.isolatedBy.map(policyKey));
    const newIsolating = new Set(current.isolatedBy.map(policyKey));
    for (const policy of current.isolatedBy) {
      if (!oldIsolating.has(policyKey(policy))) {
        causes.push(this.policyCause('isolation', direction, policy, `now isolates ${who}`));
      }
    }
    for (const policy of old.isolatedBy) {
      if (!newIsolating.has(policyKey(policy))) {
        causes.push(this.policyCause('isolation', direction, policy, `no longer isolates ${who}`));
      }
    }
    const allowedBefore = new Set(old.allowedBy.map((rule) => policyKey(rule.policy)));
    const allowedNow = new Set(current.allowedBy.map((rule) => policyKey(rule.policy)));
    for (const rule of [...old.allowedBy, ...current.allowedBy]) {
      const key = policyKey(rule.policy);
      if (!this.policyChanges.has(key)) continue;
      const text =
        allowedBefore.has(key) && allowedNow.has(key)
          ? `changed what it allows for ${who}`
          : allowedNow.has(key)
            ? `now allows ${who}`
            : `no longer allows ${who}`;
      causes.push(this.policyCause('policy', direction, rule.policy, text));
    }
    return causes;
  }

  private policyCause(
    kind: 'policy' | 'isolation',
    direction: Direction,
    policy: PolicyRef,
    effect: string,
  ): ChangeCause {
    const change = this.policyChanges.get(policyKey(policy))?.change;
    const name =
      policy.namespace === undefined ? `${policy.kind}/${policy.name}` : `${policy.namespace}/${policy.name}`;
    return {
      kind,
      direction,
      policy: {
        kind: policy.kind,
        ...(policy.namespace !== undefined && { namespace: policy.namespace }),
        name: policy.name,
      },
      ...(change !== undefined && { change }),
      detail: `${name}${change === undefined ? '' : ` (${change})`} ${effect}`,
    };
  }

  /** A workload end present in only one snapshot explains the change on its own. */
  private workloadCauses(peer: Peer): ChangeCause[] {
    if (peer.type !== 'workload') return [];
    const key = workloadKey(peer.namespace, peer.kind, peer.name);
    const inBase = this.context.base.model.workloadsByKey.has(key);
    const inHead = this.context.head.model.workloadsByKey.has(key);
    if (inBase && inHead) return [];
    const change = inHead ? 'added' : 'removed';
    return [
      {
        kind: 'workload',
        change,
        object: { kind: peer.kind, namespace: peer.namespace, name: peer.name },
        detail: `workload ${peerText(peer)} was ${change}`,
      },
    ];
  }
}

const DIRECTIONS: readonly Direction[] = ['egress', 'ingress'];

/** Whether a direction's verdict names other isolating policies or other allowing rules. */
function verdictMoved(old: DirectionVerdict, current: DirectionVerdict): boolean {
  const keys = (verdict: DirectionVerdict) =>
    JSON.stringify([
      verdict.isolatedBy.map(policyKey),
      verdict.allowedBy.map((r) => `${policyKey(r.policy)}#${r.rule}`),
    ]);
  return keys(old) !== keys(current);
}

function endpointOf(peer: Peer): EndpointRef {
  switch (peer.type) {
    case 'workload':
      return { type: 'workload', namespace: peer.namespace, kind: peer.kind, name: peer.name };
    case 'pod':
      return { type: 'pod', namespace: peer.namespace, name: peer.name };
    case 'ipRange':
      return { type: 'ip', address: peer.start };
  }
}

function policyKey(policy: { kind: string; namespace?: string; name: string }): string {
  return `${policy.kind}/${policy.namespace ?? ''}/${policy.name}`;
}

function dedupe(causes: ChangeCause[]): ChangeCause[] {
  const seen = new Set<string>();
  return causes.filter((cause) => {
    const key = `${cause.kind}|${cause.direction ?? ''}|${cause.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
