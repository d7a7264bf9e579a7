import { Assembler } from 'stream-json/core/assembler.js';
import type { Token } from 'stream-json/core/parser.js';
import type { DocumentSink } from './document-sink';

/** A list item that needs its list's kind or apiVersion, kept as JSON text (far smaller than objects). */
interface WaitingItem {
  name: string;
  json: string;
}

/**
 * Turns the tokens of one JSON document into builder calls without ever holding the whole document,
 * naming values as `SnapshotBuilder.addDocument` would:
 * - a top-level array: each element is a document of its own (`body [3]`), added once complete;
 * - a top-level object with an `items` array (a `List` or typed list such as `PodList`): each item
 *   (`body items[3]`) is added once complete, so only one item is in memory at a time;
 * - any other value: added whole at the end.
 */
export class JsonDocumentReader {
  /** The document minus its streamed elements: a list's kind, apiVersion and metadata, or a single object. */
  private readonly envelope = new Assembler();
  /** The element or item being read; `done` between elements. */
  private readonly element = new Assembler();
  private streaming: 'elements' | 'items' | undefined;
  /** An `items` key of the top-level object, held until we see whether an array follows. */
  private heldItemsKey = false;
  private hasItems = false;
  private index = 0;
  private readonly waiting: WaitingItem[] = [];

  constructor(
    private readonly documentName: string,
    private readonly sink: DocumentSink,
  ) {}

  consume(token: Token): void {
    if (this.streaming !== undefined) {
      this.consumeElement(token);
      return;
    }
    if (this.heldItemsKey) {
      this.heldItemsKey = false;
      if (token.name === 'startArray') {
        this.streaming = 'items';
        this.hasItems = true;
        return;
      }
      this.envelope.consume({ name: 'keyValue', value: 'items' });
    }
    if (token.name === 'keyValue' && token.value === 'items' && this.envelope.depth === 1) {
      this.heldItemsKey = true;
      return;
    }
    this.envelope.consume(token);
    if (token.name === 'startArray' && this.envelope.depth === 1) this.streaming = 'elements';
  }

  /** Adds what is left once the tokenizer has seen the end of the document. */
  finish(): void {
    const document: unknown = this.envelope.current;
    if (Array.isArray(document)) return;
    const list = listIdentity(document);
    if (!this.hasItems || list === undefined) {
      // Not a list after all: the builder judges the rest as one object, as it would have whole.
      this.sink.addDocument(document, this.documentName);
      return;
    }
    for (const item of this.waiting)
      this.sink.addObject(JSON.parse(item.json), item.name, list.kind, list.apiVersion);
  }

  private consumeElement(token: Token): void {
    if (this.element.done && token.name === 'endArray') {
      if (this.streaming === 'elements') this.envelope.consume(token);
      this.streaming = undefined;
      return;
    }
    this.element.consume(token);
    if (!this.element.done) return;
    if (this.streaming === 'elements') {
      this.sink.addDocument(this.element.current, `${this.documentName} [${this.index}]`);
    } else {
      this.addItem(this.element.current, `${this.documentName} items[${this.index}]`);
    }
    this.index += 1;
  }

  /**
   * An item with its own kind and apiVersion is added at once. One without takes them from the list,
   * which decides what it is (a `NetworkPolicy` of `crd.projectcalico.org/v1` is Calico's, not
   * Kubernetes'), so it waits until both are known: kubectl prints keys sorted, `kind` after `items`.
   */
  private addItem(item: unknown, name: string): void {
    const own = identity(item);
    if (own.kind !== undefined && own.apiVersion !== undefined) {
      this.sink.addObject(item, name);
      return;
    }
    const list = listIdentity(this.envelope.current);
    if (list?.apiVersion !== undefined) this.sink.addObject(item, name, list.kind, list.apiVersion);
    else this.waiting.push({ name, json: JSON.stringify(item) });
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
