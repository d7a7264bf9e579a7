import { readNamedDocuments } from './read-documents';
import { SnapshotBuilder } from './snapshot-builder';
import type { IngestLimits } from './ingest-limits';
import type { SnapshotContent } from './snapshot-content';

/**
 * Reads several named texts (files of a folder or archive, a request body) into one snapshot's content:
 * `readDocuments` and a `SnapshotBuilder` over all of them. Throws `PARSE_ERROR`, `LIMIT_EXCEEDED` or
 * a `ValidationError` listing every problem.
 */
export function buildSnapshotContent(
  files: { name: string; text: string }[],
  limits?: Partial<IngestLimits>,
): SnapshotContent {
  const builder = new SnapshotBuilder(limits);
  for (const file of files) {
    for (const document of readNamedDocuments(file.text, file.name))
      builder.addDocument(document.value, document.name);
  }
  return builder.finish();
}
