import { ValidationError } from '../errors';
import {
  ADMIN_POLICY_KINDS,
  objectKey,
  type K8sObject,
  type ObjectKind,
  type ObjectRef,
  type ValidationProblem,
  type Warning,
} from '../model/objects';
import {
  describeJsonType,
  isJsonObject,
  metadataName,
  metadataNamespace,
  textError,
  validateObject,
  type JsonObject,
} from '../validate';
import { canonicalJson, contentHashOfList, inCanonicalOrder } from './canonical-json';
import { classifyKind, itemKindOfList } from './kinds';
import { normalizeObject } from './normalize-object';
import { LimitCounter, type IngestLimits } from './ingest-limits';
import type { SnapshotContent } from './snapshot-content';
import { SkippedKinds } from './skipped-kinds';

const CLUSTER_SCOPED: readonly ObjectKind[] = ['Namespace', 'Node', ...ADMIN_POLICY_KINDS];
/** Problems listed one by one; beyond this many, only their number is reported. */
export const MAX_LISTED_PROBLEMS = 1000;

/** A `List` or a typed list (`PodList`, `NetworkPolicyList`, ...): a mapping whose kind ends in `List`. */
function isList(raw: unknown): raw is JsonObject {
  return isJsonObject(raw) && typeof raw.kind === 'string' && raw.kind.endsWith('List');
}

/**
 * Collects the objects of one upload, value by value, and turns them into a snapshot's content.
 * Every problem of every object is gathered and reported together by `finish`; count limits stop the
 * upload as soon as they are passed.
 */
export class SnapshotBuilder {
  private readonly limits: LimitCounter;
  private readonly objects = new Map<string, { object: K8sObject; document: string; json: string }>();
  /** Canonical JSON of the objects added since the last `takeAdded`. */
  private added: string[] = [];
  private readonly problems: ValidationProblem[] = [];
  private readonly warnings: Warning[] = [];
  private readonly skipped = new SkippedKinds();
  private omittedProblems = 0;

  constructor(limits?: Partial<IngestLimits>) {
    this.limits = new LimitCounter(limits);
  }

  /**
   * A top-level value: a `List` or typed list (`PodList`, `NetworkPolicyList`, ..., whose items may lack
   * kind/apiVersion: they take the list's item kind), a single object, or a JSON array of any of these.
   */
  addDocument(raw: unknown, documentName: string): void {
    if (Array.isArray(raw)) {
      raw.forEach((value, i) => this.addDocument(value, `${documentName} [${i}]`));
      return;
    }
    if (isList(raw)) {
      const items = Array.isArray(raw.items) ? raw.items : [];
      const apiVersion = typeof raw.apiVersion === 'string' ? raw.apiVersion : undefined;
      items.forEach((item, i) =>
        this.addObject(item, `${documentName} items[${i}]`, raw.kind as string, apiVersion),
      );
      return;
    }
    this.addObject(raw, documentName);
  }

  /**
   * One object. `listKind` is the enclosing typed list's kind (e.g. `PodList`) for items without `kind`,
   * and `listApiVersion` its apiVersion for such items. Throws `EngineError('LIMIT_EXCEEDED')` as soon as
   * a count limit is passed.
   */
  addObject(raw: unknown, documentName: string, listKind?: string, listApiVersion?: string): void {
    if (!isJsonObject(raw)) {
      this.problem(
        { document: documentName, path: '' },
        `must be a Kubernetes object (a mapping), not ${describeJsonType(raw)}`,
      );
      return;
    }
    const itemKind = itemKindOfList(listKind);
    const kind = raw.kind ?? itemKind;
    if (typeof kind !== 'string' || kind === '') {
      const message =
        kind === undefined || kind === null || kind === ''
          ? 'is required: every object needs a kind'
          : `must be a string, not ${describeJsonType(kind)}`;
      this.problem({ document: documentName, name: metadataName(raw), path: 'kind' }, message);
      return;
    }
    const ownApiVersion =
      typeof raw.apiVersion === 'string' && raw.apiVersion !== '' ? raw.apiVersion : undefined;
    const apiVersion = ownApiVersion ?? (kind === itemKind ? listApiVersion : undefined);
    // Both are kept even for kinds that are skipped (counted per kind and apiVersion).
    for (const [path, text] of Object.entries({ kind, apiVersion: apiVersion ?? '' })) {
      const error = textError(text);
      if (error === undefined) continue;
      this.problem({ document: documentName, name: metadataName(raw), path }, error);
      return;
    }
    const found = classifyKind(kind, apiVersion);
    if (found.type === 'skipped') this.skipped.addOther(kind, apiVersion);
    else if (found.type === 'foreign') this.skipped.addForeignPolicy(found.label);
    else this.addUnderstood(found.kind, found.apiVersion, raw, documentName);
  }

  private addUnderstood(kind: ObjectKind, apiVersion: string, raw: JsonObject, document: string): void {
    this.limits.count(kind);
    const namespaced = !CLUSTER_SCOPED.includes(kind);
    const where = {
      document,
      kind,
      ...(namespaced ? { namespace: metadataNamespace(raw) ?? 'default' } : {}),
      name: metadataName(raw),
    };
    let valid = true;
    validateObject(kind, raw, (path, message) => {
      valid = false;
      this.problem({ ...where, path }, message);
    });
    if (!valid) return;
    const ref: ObjectRef = {
      kind,
      name: where.name ?? '',
      ...(namespaced ? { namespace: where.namespace } : {}),
    };
    const object = normalizeObject(kind, apiVersion, raw, (code, message) =>
      this.warnings.push({ code, message: `${objectKey(ref)}: ${message}`, object: ref }),
    );
    const key = objectKey(ref);
    const earlier = this.objects.get(key);
    if (earlier) {
      this.problem({ ...where, path: 'metadata.name' }, `duplicate ${key}: also in ${earlier.document}`);
      return;
    }
    const json = canonicalJson(object);
    this.objects.set(key, { object, document, json });
    this.added.push(json);
  }

  /**
   * The canonical JSON of the objects added since the last call, once there are at least `atLeast` of
   * them (none otherwise), for a caller that stores objects while the rest of the upload still arrives.
   * None either once a problem was found: `finish` will throw, so nothing more is worth storing. The
   * texts are those `finish` returns (there in canonical order), so what was stored is what was hashed.
   */
  takeAdded(atLeast = 1): string[] {
    if (this.problems.length > 0 || this.added.length === 0 || this.added.length < atLeast) return [];
    const taken = this.added;
    this.added = [];
    return taken;
  }

  private problem(where: Omit<ValidationProblem, 'message'> & { name?: string }, message: string): void {
    // An upload of millions of broken items must not grow the heap without bound.
    if (this.problems.length >= MAX_LISTED_PROBLEMS) {
      this.omittedProblems++;
      return;
    }
    const problem: ValidationProblem = { document: where.document, path: where.path, message };
    if (where.kind !== undefined) problem.kind = where.kind;
    if (where.namespace !== undefined) problem.namespace = where.namespace;
    if (where.name !== undefined) problem.name = where.name;
    this.problems.push(problem);
  }

  /** Throws `ValidationError` with every problem found (duplicates included), or returns the content. */
  finish(): SnapshotContent {
    if (this.problems.length > 0) throw new ValidationError(this.reportedProblems());
    const entries = [...this.objects.values()];
    const objects = inCanonicalOrder(entries.map((entry) => entry.object));
    // Written once, as each object was added: the hash covers these texts, and the service stores them.
    const jsonOf = new Map(entries.map((entry) => [entry.object, entry.json]));
    const objectsJson = objects.map((object) => jsonOf.get(object)!);
    const counts: Record<string, number> = {};
    for (const object of objects) counts[object.kind] = (counts[object.kind] ?? 0) + 1;
    const { warnings, ...skipped } = this.skipped.summary();
    return {
      objects,
      warnings: [...this.warnings, ...warnings],
      ...skipped,
      complete: skipped.foreignPolicyKinds.length === 0,
      counts,
      objectsJson,
      contentHash: contentHashOfList(objectsJson),
    };
  }

  private reportedProblems(): ValidationProblem[] {
    if (this.omittedProblems === 0) return [...this.problems];
    const last = this.problems[this.problems.length - 1];
    const message = `${this.omittedProblems} more problem(s) not listed: fix the ones above and upload again`;
    return [...this.problems, { document: last.document, path: '', message }];
  }
}
