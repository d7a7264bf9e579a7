import { EngineError } from '@podreach/policy-engine';
import { isGzip } from './byte-streams';

/** What the body holds; `gzip` is unwrapped and sniffed again, `sniff` is decided from the bytes. */
export type UploadFormat = 'json' | 'yaml' | 'tar' | 'gzip' | 'sniff';

const FORMAT_BY_CONTENT_TYPE: Readonly<Record<string, UploadFormat>> = {
  'application/json': 'json',
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'application/x-tar': 'tar',
  'application/gzip': 'gzip',
  'application/x-gzip': 'gzip',
  'application/octet-stream': 'sniff',
};

/** Media types accepted for an upload, for messages and the API description. */
export const SUPPORTED_CONTENT_TYPES: readonly string[] = Object.keys(FORMAT_BY_CONTENT_TYPE);

/**
 * The format a Content-Type announces. Parameters are ignored except a charset, which must be UTF-8
 * (JSON has no other encoding, RFC 8259 section 8.1). No Content-Type at all is sniffed.
 */
export function formatOfContentType(contentType: string | undefined): UploadFormat {
  if (contentType === undefined || contentType.trim() === '') return 'sniff';
  const [mediaType, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  const format = FORMAT_BY_CONTENT_TYPE[mediaType];
  if (format === undefined) {
    throw new EngineError(
      'BAD_USER_INPUT',
      `Content-Type ${mediaType} is not supported; use one of ${SUPPORTED_CONTENT_TYPES.join(', ')}`,
      { supported: SUPPORTED_CONTENT_TYPES },
    );
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  if (charset !== undefined && !['utf-8', 'utf8', '"utf-8"'].includes(charset)) {
    throw new EngineError('BAD_USER_INPUT', `charset ${charset} is not supported; uploads must be UTF-8`);
  }
  return format;
}

/** Whether a Content-Encoding asks for gzip; `identity` or none is the body as is. */
export function isGzipEncoding(contentEncoding: string | undefined): boolean {
  const encoding = contentEncoding?.trim().toLowerCase() ?? '';
  if (encoding === '' || encoding === 'identity') return false;
  if (encoding === 'gzip' || encoding === 'x-gzip') return true;
  throw new EngineError(
    'BAD_USER_INPUT',
    `Content-Encoding ${encoding} is not supported; use gzip or send the body uncompressed`,
    { supported: ['gzip', 'x-gzip', 'identity'] },
  );
}

/** Bytes needed to recognise a tar archive: its `ustar` magic sits at offset 257. */
export const SNIFF_BYTES = 262;

const TAR_MAGIC_OFFSET = 257;

/**
 * The format of bytes sent without a telling Content-Type: gzip and tar by their magic numbers,
 * JSON when the first character is `{` or `[`, YAML otherwise (JSON that fails that test is still
 * YAML, so it is read either way).
 */
export function sniffFormat(head: Buffer): Exclude<UploadFormat, 'sniff'> {
  if (isGzip(head)) return 'gzip';
  if (head.toString('latin1', TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + 5) === 'ustar') return 'tar';
  // trimStart also drops a byte-order mark (U+FEFF counts as white space in JavaScript).
  const text = head.toString('utf8').trimStart();
  return text.startsWith('{') || text.startsWith('[') ? 'json' : 'yaml';
}
