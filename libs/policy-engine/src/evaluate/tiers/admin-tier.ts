import type { AdminTierName, CompiledAdminRule } from '../../compile/admin-policy-compiler';
import type { CompiledSnapshot } from '../../compile/compiled-snapshot';
import { namedPortsText } from '../../compile/pod-classes';
import { ConnectionSet } from '../../sets';
import type { Direction, PolicyRef } from '../answers';
import type { DirectionTier, PeerEnd, PeerSet, RuleContribution, TierVerdict } from './tier';

/**
 * The admin tier (AdminNetworkPolicies and Admin-tier ClusterNetworkPolicies) or the baseline tier
 * (Baseline-tier ClusterNetworkPolicies, then the BaselineAdminNetworkPolicy). Policies are taken by priority,
 * rules in order, and the first rule that matches a connection decides it: Allow (Accept) and Deny are final,
 * Pass leaves it to the next tier (NetworkPolicy after admin, the default allow after baseline). Traffic no
 * rule matches passes on as well.
 */
export class AdminTier implements DirectionTier {
  private readonly refs = new Map<string, PolicyRef[]>();

  constructor(
    readonly tier: AdminTierName,
    private readonly compiled: CompiledSnapshot,
  ) {}

  decide(direction: Direction, subject: number, peer: PeerEnd): TierVerdict | undefined {
    const { policies, applying } = this.compiled.adminPolicies[this.tier];
    const order = applying[direction][subject];
    if (order.length === 0) return undefined;
    let remaining = ConnectionSet.all();
    let allow = ConnectionSet.none();
    let deny = ConnectionSet.none();
    let ambiguous = ConnectionSet.none();
    const rules: RuleContribution[] = [];
    const matched: RuleContribution[] = [];
    for (let start = 0; start < order.length && !remaining.isEmpty();) {
      // Policies of equal priority form a group; the API leaves their order undefined, podreach takes names.
      let end = start + 1;
      const priority = policies[order[start]].priority;
      while (end < order.length && policies[order[end]].priority === priority) end++;
      const undecided = remaining;
      let seen = ConnectionSet.none();
      for (let i = start; i < end; i++) {
        let mine = ConnectionSet.none();
        for (const rule of policies[order[i]].rules[direction]) {
          const ports = this.ruleMatch(rule, direction, subject, peer);
          if (ports.isEmpty()) continue;
          mine = mine.union(ports);
          const decided = remaining.intersect(ports);
          if (decided.isEmpty()) continue;
          remaining = remaining.subtract(decided);
          matched.push({ ref: rule.ref, conn: decided });
          if (rule.action === 'Allow') {
            allow = allow.union(decided);
            rules.push({ ref: rule.ref, conn: decided });
          } else if (rule.action === 'Deny') deny = deny.union(decided);
        }
        mine = mine.intersect(undecided);
        ambiguous = ambiguous.union(seen.intersect(mine));
        seen = seen.union(mine);
      }
      start = end;
    }
    return {
      allow,
      deny,
      rules,
      isolatedBy: this.selecting(direction, subject),
      matched,
      ...(ambiguous.isEmpty() ? {} : { ambiguous }),
    };
  }

  peerSets(direction: Direction, subject: number): readonly PeerSet[] {
    const { policies, applying } = this.compiled.adminPolicies[this.tier];
    return applying[direction][subject].flatMap((p) =>
      policies[p].rules[direction].map((rule) => ({
        classes: rule.classes,
        // Named ports resolve on the destination: the peer for egress.
        byNamedPorts: direction === 'egress' && rule.ports.names.length > 0,
      })),
    );
  }

  subjectKey(direction: Direction, subject: number): string {
    // The applying policies fix the rules; for ingress, named ports of those rules resolve on the subject.
    const { policies, applying } = this.compiled.adminPolicies[this.tier];
    const order = applying[direction][subject];
    const key = order.join(',');
    const named =
      direction === 'ingress' &&
      order.some((p) => policies[p].rules[direction].some((rule) => rule.ports.names.length > 0));
    return named ? `${key}|${namedPortsText(this.compiled.classes[subject])}` : key;
  }

  selecting(direction: Direction, subject: number): PolicyRef[] {
    const key = `${direction}:${subject}`;
    let refs = this.refs.get(key);
    if (refs === undefined) {
      const { policies, applying } = this.compiled.adminPolicies[this.tier];
      refs = applying[direction][subject].map((p) => policies[p].ref);
      this.refs.set(key, refs);
    }
    return refs;
  }

  /** The connections a rule matches between the subject and the peer; empty when the peer is not matched. */
  private ruleMatch(
    rule: CompiledAdminRule,
    direction: Direction,
    subject: number,
    peer: PeerEnd,
  ): ConnectionSet {
    const classes = this.compiled.classes;
    if (peer.kind === 'class' ? !rule.classes.has(peer.id) : !rule.atoms.has(peer.id))
      return ConnectionSet.none();
    // Named ports resolve on the destination: the subject for ingress, the peer for egress.
    if (direction === 'ingress') return rule.ports.toward(classes[subject]);
    return peer.kind === 'class' ? rule.ports.toward(classes[peer.id]) : rule.ports.towardAddress();
  }
}
