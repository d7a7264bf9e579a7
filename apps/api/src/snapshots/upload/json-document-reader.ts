import type { DocumentSink } from './document-sink';

/** A list item that needs its list's kind or apiVersion, kept as JSON text (far smaller than objects). */
interface WaitingItem {
  name: string;
  json: string;
}

/**
 * Turns the values the JSON framer finds in one document into builder calls, naming them as
 * `SnapshotBuilder.addDocument` would:
 * - a top-level array: each element is a document of its own (`body [3]`);
 * - a top-level object with an `items` array (a `List` or typed list such as `PodList`): each item
 *   (`body items[3]`) is added once read, so only one item is in memory at a time;
 * - any other value: added whole at the end.
 */
export class JsonDocumentReader {
  /** The top-level object minus its streamed `items` array: a list's kind, apiVersion and metadata. */
  private readonly envelope: Record<string, unknown> = {};
  private topLevel: unknown = this.envelope;
  private hasItems = false;
  private index = 0;
  private readonly waiting: WaitingItem[] = [];

  constructor(
    private readonly documentName: string,
    private readonly sink: DocumentSink,
  ) {}

  /** The whole document is this one value (not an object or array). */
  value(value: unknown): void {
    this.topLevel = value;
  }

  /** The document is an array; its elements come as `element` calls. */
  arrayStart(): void {
    this.topLevel = undefined;
  }

  /** One element of a top-level array. */
  element(value: unknown): void {
    this.sink.addDocument(value, `${this.documentName} [${this.index}]`);
    this.index += 1;
  }

  /** One member of the top-level object, other than an `items` array. */
  member(key: string, value: unknown): void {
    // Defined, not assigned: assigning `__proto__` would set the envelope's prototype, not a member, and
    // a kind inherited from it would make a list of what JSON.parse reads as an object without kind.
    Object.defineProperty(this.envelope, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  /** An `items` array of the top-level object starts; its elements come as `item` calls. */
  itemsStart(): void {
    this.hasItems = true;
  }

  /**
   * An item with its own kind and apiVersion is added at once. One without takes them from the list,
   * which decides what it is (a `NetworkPolicy` of `crd.projectcalico.org/v1` is Calico's, not
   * Kubernetes'), so it waits until both are known: kubectl prints keys sorted, `kind` after `items`.
   */
  item(item: unknown, json: string): void {
    const name = `${this.documentName} items[${this.index}]`;
    this.index += 1;
    const own = identity(item);
    if (own.kind !== undefined && own.apiVersion !== undefined) {
      this.sink.addObject(item, name);
      return;
    }
    const list = listIdentity(this.envelope);
    if (list?.apiVersion !== undefined) this.sink.addObject(item, name, list.kind, list.apiVersion);
    else this.waiting.push({ name, json });
  }

  /** Adds what is left once the whole document has been read. */
  finish(): void {
    const document = this.topLevel;
    if (document === undefined) return;
    const list = listIdentity(document);
    if (!this.hasItems || list === undefined) {
      // Not a list after all: the builder judges the rest as one object, as it would have whole.
      this.sink.addDocument(document, this.documentName);
      return;
    }
    for (const item of this.waiting)
      this.sink.addObject(JSON.parse(item.json), item.name, list.kind, list.apiVersion);
  }
}

/** The kind and apiVersion an object states, where they are usable strings. */
function identity(value: unknown): { kind?: string; apiVersion?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { kind, apiVersion } = value as { kind?: unknown; apiVersion?: unknown };
  return {
    kind: typeof kind === 'string' && kind !== '' ? kind : undefined,
    apiVersion: typeof apiVersion === 'string' && apiVersion !== '' ? apiVersion : undefined,
  };
}

/** The identity of a list: like the builder, only a kind ending in `List` makes one. */
function listIdentity(value: unknown): { kind: string; apiVersion?: string } | undefined {
  const { kind, apiVersion } = identity(value);
  return kind?.endsWith('List') ? { kind, apiVersion } : undefined;
}
