import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { EngineError } from '@podreach/policy-engine';

/**
 * The request body as Buffers. Stopping early (a limit, a parse error) leaves the body unread but
 * not destroyed: destroying an HTTP request kills its socket, and the caller still has to answer
 * 413 or 400 on it.
 */
export async function* bodyChunks(body: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of body.iterator({ destroyOnReturn: false })) {
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
  }
}

/** The first bytes of a stream, to sniff its format, and the whole stream again from the start. */
export interface Peeked {
  head: Buffer;
  stream: AsyncGenerator<Buffer>;
  /** Stops the source when `stream` is not going to be read. */
  abandon(): Promise<void>;
}

/** Reads at least `size` bytes (fewer only at the end of the stream) without losing them. */
export async function peek(source: AsyncIterable<Buffer>, size: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  const abandon = async (): Promise<void> => {
    await iterator.return?.();
  };
  return { head, stream: replay(), abandon };
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Whether bytes start like gzip data (RFC 1952 magic number). */
export function isGzip(head: Buffer): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * Bytes per inflated chunk. zlib's default of 16 KiB makes inflating a large upload take three times
 * as long (each chunk is a trip through the thread pool and the streams above), and more list items
 * are cut by a chunk's end.
 */
const INFLATED_CHUNK = 256 * 1024;

/**
 * Inflates a gzip stream as it is read. Inflation follows the reader's pace, so a reader that stops
 * at a limit stops the inflater too. Broken or truncated gzip is a PARSE_ERROR.
 */
export async function* gunzip(source: AsyncIterable<Buffer>, documentName: string): AsyncGenerator<Buffer> {
  // Errors reach the reader through the inflater; the callback only keeps them from going unhandled.
  const inflater = pipeline(
    Readable.from(source),
    createGunzip({ chunkSize: INFLATED_CHUNK }),
    () => undefined,
  );
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (error) {
    if (isZlibError(error)) {
      throw new EngineError('PARSE_ERROR', `${documentName}: not valid gzip data (${error.message})`, {
        document: documentName,
      });
    }
    throw error;
  }
}

function isZlibError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}
