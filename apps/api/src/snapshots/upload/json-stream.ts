import type { DocumentSink } from './document-sink';
import { JsonDocumentReader } from './json-document-reader';
import { JsonTokenizer } from './json-tokenizer';
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
  const tokenizer = new JsonTokenizer(documentName);
  const reader = new JsonDocumentReader(documentName, sink);
  const consume = reader.consume.bind(reader);
  for await (const chunk of source) tokenizer.write(text.decode(chunk), consume);
  tokenizer.write(text.end(), consume);
  tokenizer.end(consume);
  reader.finish();
}
