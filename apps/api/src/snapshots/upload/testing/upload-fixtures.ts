import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { DEFAULT_UPLOAD_LIMITS, decodeUpload, type UploadLimits } from '../decode-upload';
import { RecordingSink, type SinkCall } from './recording-sink';

/** A request body that arrives in chunks of `chunkSize` bytes, as a socket would deliver it. */
export function bodyOf(content: string | Buffer, chunkSize = 16 * 1024): Readable {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) {
    chunks.push(bytes.subarray(start, start + chunkSize));
  }
  return Readable.from(chunks, { objectMode: false });
}

export function gzip(content: string | Buffer): Buffer {
  return gzipSync(content);
}

/** A file of a test archive; without `type` a regular file. */
export interface TarFile {
  name: string;
  content?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink';
  linkname?: string;
}

/** A tar archive of `files`, in order. */
export async function tarOf(files: TarFile[]): Promise<Buffer> {
  const archive = pack();
  for (const file of files) {
    archive.entry(
      { name: file.name, type: file.type ?? 'file', linkname: file.linkname },
      file.content ?? '',
    );
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface DecodeRequest {
  contentType?: string;
  contentEncoding?: string;
  limits?: Partial<UploadLimits>;
  chunkSize?: number;
}

/** Decodes `content` as an upload and returns the builder calls it made. */
export async function decodeToCalls(
  content: string | Buffer,
  request: DecodeRequest = {},
): Promise<SinkCall[]> {
  const sink = new RecordingSink();
  await decodeUpload(
    bodyOf(content, request.chunkSize),
    request.contentType,
    request.contentEncoding,
    { ...DEFAULT_UPLOAD_LIMITS, ...request.limits },
    sink,
  );
  return sink.calls;
}

/** A minimal pod as kubectl prints it (keys sorted), optionally without `apiVersion` and `kind`. */
export function pod(name: string, withKind = true): Record<string, unknown> {
  const identity = withKind ? { apiVersion: 'v1', kind: 'Pod' } : {};
  return { ...identity, metadata: { name, namespace: 'shop', labels: { app: name } } };
}
