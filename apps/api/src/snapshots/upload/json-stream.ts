import type { DocumentSink } from './document-sink';
import { JsonDocumentReader } from './json-document-reader';
import { JsonFramer } from './json-framer';
import { Utf8Text } from './utf8-text';

/**
 * Reads one JSON document as it arrives and adds its objects to `sink` one by one. The text is never
 * held whole: a 1 GB `kubectl get -o json` list costs the memory of one item at a time.
 */
export async function readJsonStream(
  source: AsyncIterable<Buffer>,
  documentName: string,
  sink: DocumentSink,
): Promise<void> {
  const text = new Utf8Text(documentName);
  const framer = new JsonFramer(documentName, new JsonDocumentReader(documentName, sink));
  for await (const chunk of source) framer.write(text.decode(chunk));
  framer.write(text.end());
  framer.end();
}
