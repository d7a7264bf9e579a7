import type { DocumentSink } from '../document-sink';

/** One call the decoder made on its builder. */
export type SinkCall =
  | { call: 'addDocument'; document: string; raw: unknown }
  | { call: 'addObject'; document: string; raw: unknown; listKind?: string; listApiVersion?: string };

/** A stand-in for the engine's SnapshotBuilder that records every call, in order. */
export class RecordingSink implements DocumentSink {
  readonly calls: SinkCall[] = [];

  addDocument(raw: unknown, documentName: string): void {
    this.calls.push({ call: 'addDocument', document: documentName, raw });
  }

  addObject(raw: unknown, documentName: string, listKind?: string, listApiVersion?: string): void {
    this.calls.push({
      call: 'addObject',
      document: documentName,
      raw,
      ...(listKind === undefined ? {} : { listKind }),
      ...(listApiVersion === undefined ? {} : { listApiVersion }),
    });
  }
}
