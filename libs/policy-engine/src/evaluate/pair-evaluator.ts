import { tagClasses, type ClassTags, type RefiningSet } from '../compile/class-tags';
import type { CompiledSnapshot } from '../compile/compiled-snapshot';
import { namedPortsText } from '../compile/pod-classes';
import { ConnectionSet } from '../sets';
import type { Direction, PolicyRef } from './answers';
import type { End } from './ends';
import { ClassColumn } from './class-column';
import { ClassRow } from './class-row';
import { PeerCatalog } from './peer-catalog';
import type { DirectionTier, PeerEnd } from './tiers/tier';
import { walkTiers, type DirectionResult } from './tiers/tier-walk';

/** Both directions of one (source, destination) pair; a direction is absent when it is not checked. */
export interface PairResult {
  conn: ConnectionSet;
  egress?: DirectionResult;
  ingress?: DirectionResult;
}

/** Evaluates directions and pairs of ends through the tiers of one compiled snapshot. */
export class PairEvaluator {
  private peerCatalog: PeerCatalog | undefined;
  private portTags: ClassTags | undefined;
  private readonly subjectTags: Partial<Record<Direction, ClassTags>> = {};

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
   * `direction` of `subject` with every class as the peer. Peer classes that every rule of the subject treats
   * alike share one evaluation, so a target isolated by a few rules costs a few walks, not one per class.
   */
  classRow(direction: Direction, subject: number): ClassRow {
    const sets: RefiningSet[] = [];
    for (const tier of this.tiers) {
      for (const set of tier.peerSets(direction, subject)) {
        sets.push(set.byNamedPorts ? { classes: set.classes, tags: this.namedPortTags() } : set);
      }
    }
    return ClassRow.build(this.compiled.classes.length, sets, (id) =>
      this.direction(direction, subject, { kind: 'class', id }),
    );
  }

  /** `direction` of every class toward `end`, one walk per group of classes the tiers treat alike. */
  classColumn(direction: Direction, end: End): ClassColumn {
    return new ClassColumn(this, direction, this.subjectGroups(direction), end);
  }

  /** Classes by the policies of every tier that apply to them as subjects: equal tags, equal verdicts. */
  subjectGroups(direction: Direction): ClassTags {
    let groups = this.subjectTags[direction];
    if (groups === undefined) {
      groups = tagClasses(this.compiled.classes.length, (c) =>
        this.tiers.map((tier) => tier.subjectKey(direction, c)).join('\n'),
      );
      this.subjectTags[direction] = groups;
    }
    return groups;
  }

  /** The peers of lists, built once per compiled snapshot. */
  get catalog(): PeerCatalog {
    this.peerCatalog ??= new PeerCatalog(this.compiled);
    return this.peerCatalog;
  }

  /** Classes by their named container ports, which rules with named ports toward a destination tell apart. */
  private namedPortTags(): ClassTags {
    this.portTags ??= tagClasses(this.compiled.classes.length, (c) =>
      namedPortsText(this.compiled.classes[c]),
    );
    return this.portTags;
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
