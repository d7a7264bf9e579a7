import type { LabelSelector } from '../model/objects';
import { Bitset } from './bitset';
import type { PodClass } from './pod-classes';

interface KeyIndex {
  /** Classes that have the key, whatever its value. */
  present: Bitset;
  byValue: Map<string, Bitset>;
}

/**
 * Pod classes indexed by label, so that a pod selector is answered with a few bitset operations instead of
 * matching every class: `matchLabels` and `In` pick value sets, `NotIn` and `DoesNotExist` remove them (and
 * so match classes without the key), `Exists` keeps classes with the key. Terms are ANDed (SEMANTICS rule 7).
 */
export class LabelIndex {
  private readonly keys = new Map<string, KeyIndex>();
  private readonly all: Bitset;
  private readonly none: Bitset;
  readonly classCount: number;

  constructor(classes: readonly PodClass[], selectorKeys: ReadonlySet<string>) {
    const n = classes.length;
    this.classCount = n;
    this.all = Bitset.full(n);
    this.none = Bitset.empty(n);
    for (const key of selectorKeys) this.keys.set(key, { present: Bitset.empty(n), byValue: new Map() });
    for (const c of classes) {
      for (const [key, entry] of this.keys) {
        const value = c.labels[key];
        if (value === undefined) continue;
        entry.present.add(c.id);
        let set = entry.byValue.get(value);
        if (set === undefined) {
          set = Bitset.empty(n);
          entry.byValue.set(value, set);
        }
        set.add(c.id);
      }
    }
  }

  /** Classes whose labels match the selector; `{}` or absent matches every class. */
  matching(selector: LabelSelector | undefined): Bitset {
    let result = this.all;
    for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) {
      result = result.and(this.withValues(key, [value]));
    }
    for (const requirement of selector?.matchExpressions ?? []) {
      const { key } = requirement;
      switch (requirement.operator) {
        case 'In':
          result = result.and(this.withValues(key, requirement.values ?? []));
          break;
        case 'NotIn':
          result = result.andNot(this.withValues(key, requirement.values ?? []));
          break;
        case 'Exists':
          result = result.and(this.keys.get(key)?.present ?? this.none);
          break;
        case 'DoesNotExist':
          result = result.andNot(this.keys.get(key)?.present ?? this.none);
          break;
        default:
          // An operator the API server rejects matches nothing.
          result = this.none;
      }
    }
    return result;
  }

  private withValues(key: string, values: readonly string[]): Bitset {
    const entry = this.keys.get(key);
    let result = this.none;
    for (const value of values) {
      const set = entry?.byValue.get(value);
      if (set !== undefined) result = result.or(set);
    }
    return result;
  }
}
