import type { K8sObject, Warning } from '../model/objects';

/** What an upload normalizes to: the objects to store and what the snapshot must say about itself. */
export interface SnapshotContent {
  /** In canonical order: by kind, namespace, name. */
  objects: K8sObject[];
  /** Each of `objects` as canonical JSON (`canonicalJson`), in the same order: what the hash covers. */
  objectsJson: string[];
  warnings: Warning[];
  /** Kinds not understood; their contents are never kept. */
  skipped: { kind: string; apiVersion?: string; count: number }[];
  /** Policy kinds of other network plugins, e.g. `CiliumNetworkPolicy`, `NetworkPolicy (crd.projectcalico.org/v1)`. */
  foreignPolicyKinds: string[];
  /** False when `foreignPolicyKinds` is not empty: traffic those policies block is not seen. */
  complete: boolean;
  incompleteReasons: string[];
  /** Stored objects per kind. */
  counts: Record<string, number>;
  /** sha256 hex over the canonical JSON (sorted keys) of `objects`. */
  contentHash: string;
}
