import { readNamedDocuments } from '@podreach/policy-engine';
import type { DocumentSink } from './document-sink';
import { Utf8Text } from './utf8-text';

/**
 * Reads a YAML stream (one or many documents) whole, then adds each document to `sink`. YAML cannot
 * be parsed piece by piece, so its size is bounded by the YAML limit the caller meters `source` with.
 */
export async function readYamlDocuments(
  source: AsyncIterable<Buffer>,
  documentName: string,
  sink: DocumentSink,
): Promise<void> {
  const utf8 = new Utf8Text(documentName);
  const parts: string[] = [];
  for await (const chunk of source) parts.push(utf8.decode(chunk));
  parts.push(utf8.end());
  for (const document of readNamedDocuments(parts.join(''), documentName)) {
    sink.addDocument(document.value, document.name);
  }
}
