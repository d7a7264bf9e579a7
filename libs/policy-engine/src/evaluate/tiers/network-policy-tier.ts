import type { CompiledSnapshot } from '../../compile/compiled-snapshot';
import { namedPortsText } from '../../compile/pod-classes';
import { ConnectionSet } from '../../sets';
import type { Direction, PolicyRef } from '../answers';
import type { DirectionTier, PeerEnd, PeerSet, RuleContribution, TierVerdict } from './tier';

/**
 * NetworkPolicy v1: a subject isolated in a direction (selected by a policy listing it) gets the union of
 * the matching rules of all those policies and nothing else; order never matters and nothing denies
 * explicitly. A subject no policy isolates passes on to the next tier.
 */
export class NetworkPolicyTier implements DirectionTier {
  readonly tier = 'networkPolicy' as const;

  private readonly isolating: Record<Direction, PolicyRef[][]>;

  constructor(private readonly compiled: CompiledSnapshot) {
    const { policies, ingress, egress } = compiled.networkPolicies;
    this.isolating = {
      ingress: ingress.isolatedBy.map((list) => list.map((p) => policies[p].ref)),
      egress: egress.isolatedBy.map((list) => list.map((p) => policies[p].ref)),
    };
  }

  peerSets(direction: Direction, subject: number): readonly PeerSet[] {
    // Not isolated: the tier passes every peer alike. Isolated: a peer gets what the rules admitting it allow.
    const index = this.index(direction);
    if (index.isolatedBy[subject].length === 0) return [];
    return index.rules[subject].map((rule) => ({
      classes: rule.peers,
      // Named ports resolve on the destination: the peer for egress.
      byNamedPorts: direction === 'egress' && rule.ports.usesNamedPorts,
    }));
  }

  subjectKey(direction: Direction, subject: number): string {
    // The policies fix the rules; for ingress, named ports of those rules resolve on the subject itself.
    const index = this.index(direction);
    const key = index.isolatedBy[subject].join(',');
    const named = direction === 'ingress' && index.rules[subject].some((rule) => rule.ports.usesNamedPorts);
    return named ? `${key}|${namedPortsText(this.compiled.classes[subject])}` : key;
  }

  selecting(direction: Direction, subject: number): PolicyRef[] {
    return this.isolating[direction][subject];
  }

  decide(direction: Direction, subject: number, peer: PeerEnd): TierVerdict | undefined {
    const index = this.index(direction);
    if (index.isolatedBy[subject].length === 0) return undefined;
    const classes = this.compiled.classes;
    let allow = ConnectionSet.none();
    const rules: RuleContribution[] = [];
    for (const rule of index.rules[subject]) {
      if (!(peer.kind === 'class' ? rule.peers.has(peer.id) : rule.atoms.has(peer.id))) continue;
      // Named ports resolve on the destination: the subject for ingress, the peer for egress.
      const ports =
        direction === 'ingress'
          ? rule.ports.toward(classes[subject])
          : peer.kind === 'class'
            ? rule.ports.toward(classes[peer.id])
            : rule.ports.towardAddress();
      if (ports.isEmpty()) continue;
      allow = allow.union(ports);
      rules.push({ ref: rule.ref, conn: ports });
    }
    // An isolated pod gets exactly what its rules allow: the tier decides every connection.
    return { allow, deny: 'rest', rules, isolatedBy: this.selecting(direction, subject) };
  }

  private index(direction: Direction) {
    return direction === 'ingress'
      ? this.compiled.networkPolicies.ingress
      : this.compiled.networkPolicies.egress;
  }
}
