/** Object metadata as the API server fills it: uids, resource versions, creation times, owner references. */
import type { Random } from './random';
import type { ObjectMeta, OwnerReference, RawObject } from './raw-objects';
import { NAME_SUFFIX_ALPHABET } from './vocabulary';

/** Every generated cluster was "created" in the 180 days after this instant; no clock is read. */
const EPOCH_MS = Date.UTC(2025, 0, 1);
const SPAN_SECONDS = 180 * 24 * 3600;

export class MetaFactory {
  private resourceVersion = 1000;

  constructor(private readonly random: Random) {}

  /** Metadata with a fresh uid, the next resource version and a creation time. */
  meta(fields: Omit<ObjectMeta, 'uid' | 'resourceVersion' | 'creationTimestamp'>): ObjectMeta {
    return {
      ...fields,
      uid: this.uid(),
      resourceVersion: String(this.resourceVersion++),
      creationTimestamp: this.timestamp(),
    };
  }

  /** A version 4 UUID drawn from the seeded generator. */
  uid(): string {
    const hex = this.random.chars('0123456789abcdef', 32);
    const variant = '89ab'[this.random.int(0, 3)];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  /** An RFC 3339 time in whole seconds, as the API server prints it. */
  timestamp(): string {
    const ms = EPOCH_MS + this.random.int(0, SPAN_SECONDS) * 1000;
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  }

  /** A pod-template-hash or controller-revision-hash value (10 characters of the suffix alphabet). */
  templateHash(): string {
    return this.random.chars(NAME_SUFFIX_ALPHABET, 10);
  }

  /** The random 5-character suffix of `generateName`. */
  nameSuffix(): string {
    return this.random.chars(NAME_SUFFIX_ALPHABET, 5);
  }
}

/** The controller owner reference a controller sets on what it creates. */
export function controllerRef(owner: RawObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}
