import { Bitset } from '../compile/bitset';
import type { CompiledSnapshot } from '../compile/compiled-snapshot';
import { ConnectionSet } from '../sets';
import type { Direction, PolicyRef } from './answers';
import type { End } from './ends';
import { PeerCatalog } from './peer-catalog';
import type { DirectionTier, PeerEnd } from './tiers/tier';
import { walkTiers, type DirectionResult } from './tiers/tier-walk';

/** Both directions of one (source, destination) pair; a direction is absent when it is not checked. */
export interface PairResult {
  conn: ConnectionSet;
  egress?: DirectionResult;
  ingress?: DirectionResult;
}

/** One direction of one subject class toward every class, stored sparsely: own results, else the shared one. */
export class ClassRow {
  constructor(
    private readonly own: ReadonlyMap<number, DirectionResult>,
    private readonly shared: DirectionResult | undefined,
  ) {}

  get(peer: number): DirectionResult {
    return this.own.get(peer) ?? (this.shared as DirectionResult);
  }

  /** Writes the allowed set toward each class into `out[class]`: one pass, no lookups per class. */
  fillConns(out: ConnectionSet[]): void {
    if (this.shared !== undefined) out.fill(this.shared.conn);
    for (const [peer, result] of this.own) out[peer] = result.conn;
  }

  /** The classes with a result of their own and that result's allowed set. */
  ownConns(): Iterable<[number, ConnectionSet]> {
    return Array.from(this.own, ([peer, result]) => [peer, result.conn] as [number, ConnectionSet]);
  }

  /** The allowed set of every class without a result of its own; `undefined` when every class has one. */
  get sharedConn(): ConnectionSet | undefined {
    return this.shared?.conn;
  }
}

/** Evaluates directions and pairs of ends through the tiers of one compiled snapshot. */
export class PairEvaluator {
  private peerCatalog: PeerCatalog | undefined;

  constructor(
    readonly compiled: CompiledSnapshot,
    private readonly tiers: readonly DirectionTier[],
  ) {}

  /** What `subject`'s policies allow in `direction` with the class or atom `peer`. */
  direction(direction: Direction, subject: number, peer: PeerEnd): DirectionResult {
    return walkTiers(this.tiers, direction, subject, peer);
  }

  /**
   * What `subject`'s policies allow with an end. An address end with several addresses (a dual-stack
   * hostNetwork pod) gets what any of them gets; one with no known address only what every address gets.
   */
  towardEnd(direction: Direction, subject: number, end: End): DirectionResult {
    if (end.kind === 'class') return this.direction(direction, subject, { kind: 'class', id: end.id });
    if (end.atoms.length > 0) {
      return combine(
        end.atoms.map((id) => this.direction(direction, subject, { kind: 'atom', id })),
        'union',
      );
    }
    const all = Array.from({ length: this.compiled.atoms.count }, (_, id) =>
      this.direction(direction, subject, { kind: 'atom', id }),
    );
    return combine(all, 'intersect');
  }

  /** Policies of every tier that select the class in a direction. */
  selecting(direction: Direction, subject: number): PolicyRef[] {
    return this.tiers.flatMap((tier) => tier.selecting(direction, subject));
  }

  /**
   * `direction` of `subject` with every class as the peer. Classes that no tier tells apart share one
   * evaluation, so a target isolated by a few rules costs a few walks, not one per class.
   */
  classRow(direction: Direction, subject: number): ClassRow {
    const n = this.compiled.classes.length;
    let matter: Bitset | undefined = Bitset.empty(n);
    for (const tier of this.tiers) {
      const m = tier.peersThatMatter(direction, subject);
      if (m === undefined) {
        matter = undefined;
        break;
      }
      matter = matter.or(m);
    }
    const own = new Map<number, DirectionResult>();
    const evaluate = (id: number) => own.set(id, this.direction(direction, subject, { kind: 'class', id }));
    if (matter === undefined) for (let id = 0; id < n; id++) evaluate(id);
    else matter.forEach(evaluate);
    let shared: DirectionResult | undefined;
    if (own.size < n) {
      let other = 0;
      while (own.has(other)) other++;
      shared = this.direction(direction, subject, { kind: 'class', id: other });
    }
    return new ClassRow(own, shared);
  }

  /** `classRow` as an array over every class. */
  towardAllClasses(direction: Direction, subject: number): DirectionResult[] {
    const row = this.classRow(direction, subject);
    return Array.from({ length: this.compiled.classes.length }, (_, id) => row.get(id));
  }

  /** The peers of lists, built once per compiled snapshot. */
  get catalog(): PeerCatalog {
    this.peerCatalog ??= new PeerCatalog(this.compiled);
    return this.peerCatalog;
  }
}

function combine(results: DirectionResult[], how: 'union' | 'intersect'): DirectionResult {
  const [first, ...rest] = results;
  let conn = first.conn;
  for (const r of rest) conn = how === 'union' ? conn.union(r.conn) : conn.intersect(r.conn);
  return {
    conn,
    rules: results.flatMap((r) => r.rules),
    isolatedBy: results.flatMap((r) => r.isolatedBy),
    decidedBy: [...new Set(results.flatMap((r) => r.decidedBy))],
  };
}
