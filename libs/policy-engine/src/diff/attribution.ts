import type { AnalysisOptions, Direction, Peer, PolicyRef } from '../evaluate/answers';
import type { TargetRef } from '../evaluate/endpoints';
import { peerText } from '../evaluate/peer-text';
import type { SnapshotAnalysis } from '../evaluate/snapshot-analysis';
import { workloadKey } from '../model/snapshot-model';
import type { PairChange } from './connectivity-diff';
import type { ChangeCause } from './diff-answer';
import type { LabelChange } from './label-diff';
import type { PolicyChange } from './policy-diff';
import { LabelCauses } from './label-causes';
import { PairVerdicts, endpointOf, type VerdictSummary } from './pair-verdicts';
import { PolicyEffects, policyKey } from './policy-effects';

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
  private readonly verdicts: { base: PairVerdicts; head: PairVerdicts };
  private readonly effects: PolicyEffects;
  /** By peer object (shared by an answer's entries): a workload that only one snapshot has. */
  private readonly workloadChanges = new Map<Peer, 'added' | 'removed' | undefined>();
  /** Per snapshot and target text, the policies selecting it: asked again for every pair the target is in. */
  private readonly selecting = new Map<string, { ingress: PolicyRef[]; egress: PolicyRef[] }>();

  constructor(private readonly context: AttributionContext) {
    for (const change of context.policies) this.policyChanges.set(policyKey(change), change);
    this.effects = new PolicyEffects((key) => this.policyChanges.has(key));
    this.labelCauses = new LabelCauses(context.base.model, context.head.model, context.labels);
    this.verdicts = {
      base: new PairVerdicts(context.base, context.options),
      head: new PairVerdicts(context.head, context.options),
    };
  }

  /** The causes of one change: what the pair's ends, policies and labels did, in a stable order. */
  causes(change: PairChange): ChangeCause[] {
    const missing = [change.src, change.dst].flatMap((peer) => this.workloadCauses(peer));
    if (missing.length > 0) return missing;
    const before = this.verdicts.base.of(change.src, change.dst);
    const after = this.verdicts.head.of(change.src, change.dst);
    // Directions whose allowed set changed come first. A workload with hostNetwork pods is partly an address
    // end whose own node may always reach a pod (connection lists leave that out, `check` does not), so the
    // sets can agree while the verdicts differ: then directions whose policies changed are the causes.
    const changed = DIRECTIONS.filter((d) => !before[d].conn.equals(after[d].conn));
    const differing =
      changed.length > 0 ? changed : DIRECTIONS.filter((d) => verdictMoved(before[d], after[d]));
    const causes = differing.flatMap((d) =>
      this.directionCauses(d, subjectText(d, change), before[d], after[d]),
    );
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
      const text = peerText(peer);
      const who = `${direction} of ${text}`;
      const selecting = (['base', 'head'] as const).flatMap((side) => {
        const key = `${side}\0${text}`;
        let policies = this.selecting.get(key);
        if (policies === undefined) {
          policies = this.context[side].policiesSelecting(target);
          this.selecting.set(key, policies);
        }
        return policies[direction];
      });
      return selecting
        .filter((policy) => this.policyChanges.has(policyKey(policy)))
        .map((policy) => this.policyCause('policy', direction, policy, `changed how it decides ${who}`));
    });
  }

  private directionCauses(
    direction: Direction,
    subject: string,
    old: VerdictSummary,
    current: VerdictSummary,
  ): ChangeCause[] {
    const who = `${direction} of ${subject}`;
    return this.effects
      .between(old, current)
      .map(({ kind, policy, effect }) => this.policyCause(kind, direction, policy, `${effect} ${who}`));
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
    let change = this.workloadChanges.get(peer);
    if (!this.workloadChanges.has(peer)) {
      const key = workloadKey(peer.namespace, peer.kind, peer.name);
      const inBase = this.context.base.model.workloadsByKey.has(key);
      const inHead = this.context.head.model.workloadsByKey.has(key);
      change = inBase && inHead ? undefined : inHead ? 'added' : 'removed';
      this.workloadChanges.set(peer, change);
    }
    if (change === undefined) return [];
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

/**
 * The end whose policies decide a direction, as a check's verdict names it: the source for egress, the
 * destination for ingress, and an outside range as the outside address.
 */
function subjectText(direction: Direction, change: PairChange): string {
  const end = direction === 'egress' ? change.src : change.dst;
  return end.type === 'ipRange' ? 'the outside address' : peerText(end);
}

/** Whether a direction's verdict names other isolating policies or other allowing rules. */
function verdictMoved(old: VerdictSummary, current: VerdictSummary): boolean {
  const keys = (verdict: VerdictSummary) =>
    JSON.stringify([
      verdict.isolatedBy.map(policyKey),
      verdict.allowedBy.map((r) => `${policyKey(r.policy)}#${r.rule}`),
    ]);
  return keys(old) !== keys(current);
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
