import type { Bitset } from '../../compile/bitset';
import type { ConnectionSet } from '../../sets';
import type { Direction, PolicyRef, RuleRef, Tier } from '../answers';

/**
 * The other end of a direction, as policies see it: a pod class, or an outside address atom. In `ingress` it
 * is the source, in `egress` the destination (whose container ports named ports resolve against).
 */
export type PeerEnd = { kind: 'class'; id: number } | { kind: 'atom'; id: number };

/** A rule and the part of the traffic between the two ends it allowed. */
export interface RuleContribution {
  ref: RuleRef;
  conn: ConnectionSet;
}

/**
 * What one tier decides for a subject class in one direction toward one peer. Connections in neither
 * `allow` nor `deny` pass to the next tier.
 */
export interface TierVerdict {
  allow: ConnectionSet;
  /** What the tier denies; `rest` denies everything it does not allow (the tier decides all traffic). */
  deny: ConnectionSet | 'rest';
  /** Rules that allowed part of the traffic (each within `allow`). */
  rules: RuleContribution[];
  /** Policies of this tier that select the subject in this direction. */
  isolatedBy: PolicyRef[];
  /** Admin tiers: every rule that decided part of the traffic (Allow, Deny or Pass), in evaluation order. */
  matched?: RuleContribution[];
  /** Admin tiers: traffic that rules of two policies of equal priority both match (decided by name order). */
  ambiguous?: ConnectionSet;
}

/** What one tier of a walk decided, for explanations that walk the tiers (present when admin tiers apply). */
export interface TierStep {
  tier: Tier;
  allowed: ConnectionSet;
  denied: ConnectionSet;
  /** Admin tiers: the rules that decided or passed part of what reached this tier. */
  matched: RuleContribution[];
}

/**
 * The peer classes one rule of a tier may match for a subject. With `byNamedPorts` (named ports toward an
 * egress destination), what the rule allows also depends on the peer's named container ports.
 */
export interface PeerSet {
  classes: Bitset;
  byNamedPorts: boolean;
}

/**
 * One tier of the per-direction evaluation (admin, networkPolicy, baseline). Tiers are consulted in order;
 * whatever no tier decides is allowed by the default tier.
 */
export interface DirectionTier {
  readonly tier: Tier;
  /** `undefined` when the tier has nothing to say about this subject (everything passes). */
  decide(direction: Direction, subject: number, peer: PeerEnd): TierVerdict | undefined;
  /**
   * The peer sets of the rules that may decide the subject's traffic: two peer classes in exactly the same
   * sets (with the same named ports, where a set says so) get one and the same verdict. Lets lists evaluate
   * once per such group of classes rather than once per class.
   */
  peerSets(direction: Direction, subject: number): readonly PeerSet[];
  /**
   * A text equal for two subject classes that this tier treats alike toward every peer: same policies, and
   * for ingress the same named ports where rules use them (they resolve on the destination).
   */
  subjectKey(direction: Direction, subject: number): string;
  /** Policies of this tier that select the subject in this direction, whatever the peer. */
  selecting(direction: Direction, subject: number): PolicyRef[];
}
