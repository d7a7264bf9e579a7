import type { LabelSelector } from '../model/objects';
import type { SnapshotModel } from '../model/snapshot-model';
import { compileSelector } from '../selectors';
import { Bitset } from './bitset';
import { LabelIndex } from './label-index';
import type { PodClass } from './pod-classes';

/** Namespaces (a bitset over `model.namespaces`) with a key that names how they were chosen. */
export interface NamespaceSet {
  key: string;
  set: Bitset;
}

/**
 * Label selectors turned into bitsets over pod classes (and namespaces), memoized by their canonical form:
 * real clusters repeat the same few selectors across thousands of policies.
 */
export class SelectorIndex {
  private readonly labels: LabelIndex;
  private readonly namespaceMatches = new Map<string, Bitset>();
  private readonly podMatches = new Map<string, Bitset>();
  private readonly namespaceClasses = new Map<string, Bitset>();
  private readonly classesByNamespace: Bitset[];
  private readonly namespaceIndex: ReadonlyMap<string, number>;

  constructor(
    private readonly model: SnapshotModel,
    classes: readonly PodClass[],
    selectorKeys: ReadonlySet<string>,
  ) {
    this.labels = new LabelIndex(classes, selectorKeys);
    this.classesByNamespace = model.namespaces.map(() => Bitset.empty(classes.length));
    for (const c of classes) if (c.namespaceIndex >= 0) this.classesByNamespace[c.namespaceIndex].add(c.id);
    this.namespaceIndex = new Map(model.namespaces.map((ns, i) => [ns.name, i]));
  }

  /** Namespaces (by index in `model.namespaces`) whose labels match. */
  namespaces(selector: LabelSelector | undefined): NamespaceSet {
    const key = `s:${JSON.stringify(selector ?? {})}`;
    let set = this.namespaceMatches.get(key);
    if (set === undefined) {
      const matcher = compileSelector(selector);
      set = Bitset.empty(this.model.namespaces.length);
      for (let i = 0; i < this.model.namespaces.length; i++) {
        if (matcher.matchesAll || matcher.matches(this.model.namespaces[i].labels)) set.add(i);
      }
      this.namespaceMatches.set(key, set);
    }
    return { key, set };
  }

  /** The one namespace with this name. */
  namespaceNamed(name: string): NamespaceSet {
    const key = `n:${name}`;
    let set = this.namespaceMatches.get(key);
    if (set === undefined) {
      set = Bitset.empty(this.model.namespaces.length);
      const index = this.namespaceIndex.get(name);
      if (index !== undefined) set.add(index);
      this.namespaceMatches.set(key, set);
    }
    return { key, set };
  }

  /** Classes of pods in the given namespaces whose labels match `podSelector` (absent: every pod). */
  pods(namespaces: NamespaceSet, podSelector: LabelSelector | undefined): Bitset {
    const memoKey = `${namespaces.key}\0${JSON.stringify(podSelector ?? {})}`;
    let set = this.podMatches.get(memoKey);
    if (set === undefined) {
      set = this.labels.matching(podSelector).and(this.classesIn(namespaces.key, namespaces.set));
      this.podMatches.set(memoKey, set);
    }
    return set;
  }

  private classesIn(key: string, namespaces: Bitset): Bitset {
    let set = this.namespaceClasses.get(key);
    if (set === undefined) {
      const result = Bitset.empty(this.labels.classCount);
      namespaces.forEach((ns) => result.orInPlace(this.classesByNamespace[ns]));
      set = result;
      this.namespaceClasses.set(key, set);
    }
    return set;
  }
}
