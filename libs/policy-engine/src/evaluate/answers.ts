/**
 * The shapes of the engine's answers. They are plain JSON: the REST API returns them as they are, GraphQL maps
 * them field by field, and renderers print them.
 */
import type { Protocol, Warning } from '../model/objects';
import type { ConnectionSetJson } from '../sets/connection-set';

export type { ConnectionSetJson };

/** Analysis options, accepted by every question and echoed in every answer. */
export interface AnalysisOptions {
  /**
   * Whether NetworkPolicy `ipBlock` peers also match pod IPs. Kubernetes leaves it to the network plugin
   * (Calico: yes; Cilium and most analyzers: no), so podreach makes it explicit. Default false.
   */
  ipBlockMatchesPods: boolean;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { ipBlockMatchesPods: false };

export type Granularity = 'workload' | 'pod';

/** A workload as users know it; a pod without a controller is its own workload of kind `Pod`. */
export interface WorkloadPeer {
  type: 'workload';
  namespace: string;
  name: string;
  kind: string;
}

/** A single pod (pod granularity). Template pods of workloads without live pods appear as their workload. */
export interface PodPeer {
  type: 'pod';
  namespace: string;
  name: string;
}

/** An inclusive range of outside addresses, IPv4 or IPv6, in the usual short form. */
export interface IpRangePeer {
  type: 'ipRange';
  start: string;
  end: string;
}

export type Peer = WorkloadPeer | PodPeer | IpRangePeer;

export type Direction = 'ingress' | 'egress';

/** The tier that decided a direction; NetworkPolicy v1 only fills `networkPolicy` and `default`. */
export type Tier = 'admin' | 'networkPolicy' | 'baseline' | 'default';

export interface PolicyRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** One rule that contributed to a decision: policy, direction, index in the policy's rule list. */
export interface RuleRef {
  tier: Tier;
  policy: PolicyRef;
  direction: Direction;
  rule: number;
  /** Admin tiers only: what the rule did. */
  action?: 'Allow' | 'Deny' | 'Pass';
  /** Admin tiers only: the rule's name. */
  ruleName?: string;
}

/** Why one direction (egress of the source, or ingress of the destination) allowed what it allowed. */
export interface DirectionVerdict {
  direction: Direction;
  /** The end whose policies were consulted; absent when that end is an outside address (not checked). */
  subject?: Peer;
  /** `notChecked`: the end is outside the cluster or unenforceable (hostNetwork), so policies do not apply. */
  decision: 'allowed' | 'denied' | 'partial' | 'notIsolated' | 'notChecked';
  /** What this direction allows between the two ends (after protocol/port restriction). */
  conn: ConnectionSetJson;
  /** Policies that select the subject for this direction (they isolate it). */
  isolatedBy: PolicyRef[];
  /** Rules that allowed some of `conn`. */
  allowedBy: RuleRef[];
  /** One line a person reads, e.g. `ingress of payments/db[StatefulSet]: allowed by payments/allow-web rule 0`. */
  explanation: string;
  /** Part of the traffic was decided by one of several equal-priority admin policies (by name order). */
  ambiguous?: true;
}

/** Common fields of every answer. */
export interface AnswerMeta {
  options: AnalysisOptions;
  /** False when the snapshot holds policy kinds of other engines whose effect is not seen. */
  complete: boolean;
  incompleteReasons?: string[];
  warnings: Warning[];
}

export interface CheckAnswer extends AnswerMeta {
  src: Peer;
  dst: Peer;
  protocol?: Protocol;
  port?: number;
  /** True when some connection (restricted to protocol/port when given) is allowed. */
  allowed: boolean;
  conn: ConnectionSetJson;
  /** Workload ends whose pods disagree. */
  partial?: true;
  /** A direction was decided by one of several equal-priority admin policies (by name order). */
  ambiguous?: true;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
}

/** A peer of a target with what it may open toward (ingress) or from (egress) the target, and why. */
export interface PeerConnection {
  peer: Peer;
  conn: ConnectionSetJson;
  partial?: true;
  rules: RuleRef[];
}

export interface DirectionAnswer extends AnswerMeta {
  target: Peer;
  direction: Direction;
  /** Whether the target is isolated in this direction, and by which policies. */
  isolated: boolean;
  isolatedBy: PolicyRef[];
  /** hostNetwork targets: policies do not apply to them. */
  unenforceable?: true;
  peers: PeerConnection[];
}

export interface Connection {
  src: Peer;
  dst: Peer;
  conn: ConnectionSetJson;
  partial?: true;
}

/**
 * Full connectivity whose pairs are computed as they are read: each pass over `connections` computes them
 * afresh, in the order of `ConnectivityAnswer`, holding the pairs of one source at a time. For snapshots whose
 * pairs would not fit in memory (150k pods make tens of millions).
 */
export interface ConnectivityListing extends AnswerMeta {
  granularity: Granularity;
  /** One entry per (src, dst), sorted by the text form of src, then dst; self pairs left out. */
  connections: Iterable<Connection>;
}

export interface ConnectivityAnswer extends ConnectivityListing {
  connections: Connection[];
}
