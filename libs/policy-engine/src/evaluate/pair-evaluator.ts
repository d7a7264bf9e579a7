import {
  partitionClasses,
  tagClasses,
  type ClassPartition,
  type ClassTags,
  type RefiningSet,
} from '../compile/class-partition';
import type { CompiledSnapshot } from '../compile/compiled-snapshot';
import { namedPortsText } from '../compile/pod-classes';
import { ConnectionSet } from '../sets';
import type { Direction, PolicyRef } from './answers';
import type { End } from './ends';
import { ClassColumn } from './class-column';
import { PeerCatalog } from './peer-catalog';
import type { DirectionTier, PeerEnd } from './tiers/tier';
import { walkTiers, type DirectionResult } from './tiers/tier-walk';

/** Both directions of one (source, destination) pair; a direction is absent when it is not checked. */
export interface PairResult {
  conn: ConnectionSet;
  egress?: DirectionResult;
  ingress?: DirectionResult;
}

/**
 * One direction of one subject class toward every class, stored sparsely: the classes some rule names with
 * their results, and one shared result for all other classes. Classes that every rule treats alike share
 * their result object.
 */
export class ClassRow {
  /**
   * @param size the number of classes
   * @param named the classes some rule names, ascending
   * @param resultOf index into `results` of each class of `named`
   * @param shared index into `results` of every other class; -1 when every class is named
   */
  constructor(
    private readonly size: number,
    private readonly named: Int32Array,
    private readonly resultOf: Int32Array,
    private readonly results: readonly DirectionResult[],
    private readonly shared: number,
  ) {}

  /** The row of a partition of the peer classes with one result per part (`results[part]`). */
  static of(partition: ClassPartition, results: readonly DirectionResult[]): ClassRow {
    const { size, named, partOfNamed, rest } = partition;
    return new ClassRow(size, named, partOfNamed, results, rest);
  }

  /** The result toward one class: its own (binary search in the ascending `named`), else the shared one. */
  get(peer: number): DirectionResult {
    let lo = 0;
    let hi = this.named.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.named[mid] === peer) return this.results[this.resultOf[mid]];
      if (this.named[mid] < peer) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.results[this.shared];
  }

  /** The result toward every class, as an array over classes. */
  toArray(): DirectionResult[] {
    const out = new Array<DirectionResult>(this.size);
    if (this.shared >= 0) out.fill(this.results[this.shared]);
    for (let i = 0; i < this.named.length; i++) out[this.named[i]] = this.results[this.resultOf[i]];
    return out;
  }

  /** Writes the allowed set toward each class into `out[class]`: one pass, no lookups per class. */
  fillConns(out: ConnectionSet[]): void {
    if (this.shared >= 0) out.fill(this.results[this.shared].conn);
    for (let i = 0; i < this.named.length; i++) out[this.named[i]] = this.results[this.resultOf[i]].conn;
  }

  /** The classes with a result of their own and that result's allowed set. */
  ownConns(): Iterable<[number, ConnectionSet]> {
    return Array.from(
      this.named,
      (peer, i) => [peer, this.results[this.resultOf[i]].conn] as [number, ConnectionSet],
    );
  }

  /** The allowed set of every class without a result of its own; `undefined` when every class has one. */
  get sharedConn(): ConnectionSet | undefined {
    return this.shared < 0 ? undefined : this.results[this.shared].conn;
  }
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
    const partition = partitionClasses(this.compiled.classes.length, sets);
    const results = partition.firsts.map((id) => this.direction(direction, subject, { kind: 'class', id }));
    return ClassRow.of(partition, results);
  }

  /** `direction` of every class toward `end`, one walk per group of classes the tiers treat alike. */
  classColumn(direction: Direction, end: End): ClassColumn {
    return new ClassColumn(this, direction, this.subjectGroups(direction), end);
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

  /** Classes by the policies of every tier that apply to them as subjects: equal tags, equal verdicts. */
  private subjectGroups(direction: Direction): ClassTags {
    let groups = this.subjectTags[direction];
    if (groups === undefined) {
      groups = tagClasses(this.compiled.classes.length, (c) =>
        this.tiers.map((tier) => tier.subjectKey(direction, c)).join('\n'),
      );
      this.subjectTags[direction] = groups;
    }
    return groups;
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
