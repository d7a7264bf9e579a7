import { Readable } from 'node:stream';
import { EngineError } from '@podreach/policy-engine';
import { extract, type Header } from 'tar-stream';
import { ByteBudget, metered } from './byte-budget';
import type { DocumentSink } from './document-sink';
import { readJsonStream } from './json-stream';
import { readYamlDocuments } from './yaml-documents';

/** The limits an archive's files draw on, summed over all its files of each format. */
export interface ArchiveBudgets {
  json: ByteBudget;
  yaml: ByteBudget;
}

const ARCHIVE_NAME = 'archive';

/**
 * Reads a manifest folder sent as a tar archive: every regular `*.json`, `*.yaml` and `*.yml` file,
 * at any depth, is a document named by its path in the archive (JSON streamed, YAML read whole);
 * other files are skipped unread. The whole archive, tar headers and skipped files included, may not
 * inflate past the JSON and YAML limits together, so padding it with other files cannot make us
 * inflate without end.
 */
export async function readTarArchive(
  source: AsyncIterable<Buffer>,
  budgets: ArchiveBudgets,
  sink: DocumentSink,
): Promise<void> {
  const archiveBudget = new ByteBudget(
    budgets.json.limit + budgets.yaml.limit,
    'archive after decompression',
    'PODREACH_MAX_JSON_BYTES + PODREACH_MAX_YAML_BYTES',
  );
  const input = Readable.from(metered(source, archiveBudget));
  const archive = extract();
  input.on('error', (error) => archive.destroy(error));
  input.pipe(archive);
  const entries = archive[Symbol.asyncIterator]();
  try {
    for (let next = await asTarError(entries.next()); !next.done; next = await asTarError(entries.next())) {
      const entry = next.value;
      const format = documentFormat(entry.header);
      const name = documentName(entry.header);
      if (format === 'json') await readJsonStream(metered(entryChunks(entry), budgets.json), name, sink);
      else if (format === 'yaml')
        await readYamlDocuments(metered(entryChunks(entry), budgets.yaml), name, sink);
      else entry.resume();
    }
  } finally {
    input.destroy();
    archive.destroy();
  }
}

function documentFormat(header: Header): 'json' | 'yaml' | undefined {
  if (header.type !== 'file' && header.type !== 'contiguous-file') return undefined;
  const baseName = header.name.slice(header.name.lastIndexOf('/') + 1);
  // `._name.yaml` files are the extended attributes macOS tar adds beside each file, not manifests.
  if (baseName.startsWith('._')) return undefined;
  if (/\.json$/i.test(baseName)) return 'json';
  return /\.ya?ml$/i.test(baseName) ? 'yaml' : undefined;
}

/** The file's path in the archive, without the `./` that `tar -C dir .` puts in front. */
function documentName(header: Header): string {
  return header.name.replace(/^(\.\/)+/, '');
}

async function* entryChunks(entry: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of entry) yield chunk as Buffer;
  } catch (error) {
    throw tarError(error);
  }
}

async function asTarError<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    throw tarError(error);
  }
}

/** A broken or truncated archive is a PARSE_ERROR; our own errors (a limit, bad gzip) pass through. */
function tarError(error: unknown): unknown {
  if (error instanceof EngineError || !(error instanceof Error)) return error;
  return new EngineError('PARSE_ERROR', `${ARCHIVE_NAME}: not a valid tar archive (${error.message})`, {
    document: ARCHIVE_NAME,
  });
}
