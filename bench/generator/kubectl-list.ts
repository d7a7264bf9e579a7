/**
 * A cluster as `kubectl get ... -A -o json` prints it: one `List` with every object in `items`, indented by
 * four spaces. XL clusters print to more text than one JavaScript string may hold, so the List is produced
 * in chunks; `kubectlListText` is for sizes that fit.
 */
import { Readable } from 'node:stream';
import type { RawObject } from './raw-objects';

export interface ListFormat {
  /** kubectl indents by four spaces; `false` prints compact JSON (smaller, same content). */
  pretty?: boolean;
  /** Items are grouped into chunks of about this many characters. */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 256 * 1024;

/** The List's text in chunks, items grouped so a stream is not flooded with tiny writes. */
export function* kubectlListChunks(objects: Iterable<RawObject>, format: ListFormat = {}): Generator<string> {
  const pretty = format.pretty ?? true;
  const chunkSize = format.chunkSize ?? DEFAULT_CHUNK;
  const nl = pretty ? '\n' : '';
  const pad = (depth: number) => (pretty ? '    '.repeat(depth) : '');
  const colon = pretty ? ': ' : ':';
  let buffer = `{${nl}${pad(1)}"apiVersion"${colon}"v1",${nl}${pad(1)}"items"${colon}[`;
  let first = true;
  for (const object of objects) {
    const text = pretty
      ? JSON.stringify(object, null, 4).replaceAll('\n', `\n${pad(2)}`)
      : JSON.stringify(object);
    buffer += `${first ? '' : ','}${nl}${pad(2)}${text}`;
    first = false;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  buffer += `${first ? '' : `${nl}${pad(1)}`}],${nl}${pad(1)}"kind"${colon}"List",${nl}`;
  buffer += `${pad(1)}"metadata"${colon}{${nl}${pad(2)}"resourceVersion"${colon}""${nl}${pad(1)}}${nl}}${nl}`;
  yield buffer;
}

/** The whole List as one string (S and M; larger clusters exceed the maximum string length). */
export function kubectlListText(objects: Iterable<RawObject>, format: ListFormat = {}): string {
  return [...kubectlListChunks(objects, format)].join('');
}

/** The List as a byte stream, e.g. to upload or to write to a file. */
export function kubectlListStream(objects: Iterable<RawObject>, format: ListFormat = {}): Readable {
  return Readable.from(kubectlListChunks(objects, format), { objectMode: false });
}
