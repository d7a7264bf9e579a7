import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { tarOf } from './archives';
import { expandTokens } from './fuzz-values';

/**
 * How an upload's objects are put on the wire for the fuzz tests: every form the API reads (a JSON
 * `List`, a JSON array, multi-document YAML, a YAML `List`, a tar of manifest files), optionally
 * gzipped, announced by its own media type or left to sniffing; then byte-level damage and wrong
 * headers (decompression bombs are in fuzz-bombs.ts).
 */

export interface WireBody {
  body: Buffer;
  contentType?: string;
  contentEncoding?: string;
  /** How it was made, for failure messages. */
  form: string;
}

/** The choices that turn objects into a body. */
export interface Encoding {
  /** `json-as-yaml`: JSON text sent as YAML, which it also is. */
  format: 'json-list' | 'json-array' | 'json-as-yaml' | 'yaml-stream' | 'yaml-list' | 'tar';
  compression: 'none' | 'content-encoding' | 'gzip-media-type';
  announce: 'media-type' | 'octet-stream' | 'with-charset';
  lineEnd: '\n' | '\r\n';
  bom: boolean;
}

export const encoding: fc.Arbitrary<Encoding> = fc.record({
  format: fc.constantFrom<Encoding['format']>(
    'json-list',
    'json-array',
    'json-as-yaml',
    'yaml-stream',
    'yaml-list',
    'tar',
  ),
  compression: fc.constantFrom<Encoding['compression']>(
    'none',
    'none',
    'content-encoding',
    'gzip-media-type',
  ),
  announce: fc.constantFrom<Encoding['announce']>('media-type', 'media-type', 'octet-stream', 'with-charset'),
  lineEnd: fc.constantFrom<Encoding['lineEnd']>('\n', '\r\n'),
  bom: fc.boolean(),
});

const json = (value: unknown) => expandTokens(JSON.stringify(value));
const yaml = (value: unknown) => expandTokens(stringify(value, { lineWidth: 0 }));
const list = (objects: unknown[]) => ({ apiVersion: 'v1', kind: 'List', items: objects });

function text(objects: unknown[], { format, lineEnd, bom }: Encoding): string {
  let out: string;
  if (format === 'json-list') out = json(list(objects));
  else if (format === 'json-array' || format === 'json-as-yaml') out = json(objects);
  else if (format === 'yaml-list') out = yaml(list(objects));
  else out = objects.map((object) => `# fuzz\n${yaml(object)}`).join('---\n');
  out = out.replace(/\n/g, lineEnd);
  return bom ? `\ufeff${out}` : out;
}

/** A manifest folder: one file per object, YAML and JSON mixed, next to files that are not manifests. */
async function folder(objects: unknown[]): Promise<Buffer> {
  const files: Record<string, string> = { 'k8s/README.md': '# not a manifest {' };
  objects.forEach((object, i) => {
    files[i % 2 === 0 ? `k8s/app/${i}.yaml` : `./k8s/${i}.json`] = i % 2 === 0 ? yaml(object) : json(object);
  });
  return tarOf(files);
}

/** The body and headers of `objects` in the given encoding. */
export async function encode(objects: unknown[], choice: Encoding): Promise<WireBody> {
  const isTar = choice.format === 'tar';
  const raw = isTar ? await folder(objects) : Buffer.from(text(objects, choice));
  const mediaType = isTar
    ? 'application/x-tar'
    : choice.format === 'json-list' || choice.format === 'json-array'
      ? 'application/json'
      : 'application/yaml';
  const form = `${choice.format}, ${choice.compression}, ${choice.announce}`;
  if (choice.compression === 'gzip-media-type') {
    return { body: gzipSync(raw), contentType: 'application/gzip', form };
  }
  const contentEncoding = choice.compression === 'content-encoding' ? 'gzip' : undefined;
  const body = contentEncoding ? gzipSync(raw) : raw;
  if (choice.announce === 'octet-stream')
    return { body, contentType: 'application/octet-stream', contentEncoding, form };
  const contentType =
    choice.announce === 'with-charset' && !isTar ? `${mediaType}; charset=UTF-8` : mediaType;
  return { body, contentType, contentEncoding, form };
}

// ---------------------------------------------------------------------------------------------------------
// Damage to the bytes themselves.

export type ByteDamage =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

export const byteDamage: fc.Arbitrary<ByteDamage[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 64 }),
    }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 64 }),
      times: fc.integer({ min: 2, max: 50 }),
    }),
  ),
  { minLength: 1, maxLength: 3 },
);

/** `body` with each damage applied in turn; positions wrap around the current length. */
export function damage(body: Buffer, changes: ByteDamage[]): Buffer {
  let out = body;
  for (const change of changes) {
    const at = out.length === 0 ? 0 : change.at % out.length;
    if (change.kind === 'truncate') out = out.subarray(0, at);
    else if (change.kind === 'flip') {
      out = Buffer.from(out);
      if (out.length > 0) out[at] ^= change.mask;
    } else if (change.kind === 'insert')
      out = Buffer.concat([out.subarray(0, at), change.bytes, out.subarray(at)]);
    else if (change.kind === 'delete')
      out = Buffer.concat([out.subarray(0, at), out.subarray(at + change.length)]);
    else {
      const piece = out.subarray(at, at + change.length);
      out = Buffer.concat([
        out.subarray(0, at),
        ...Array<Buffer>(change.times).fill(piece),
        out.subarray(at),
      ]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Headers the upload does not accept.

/** Content-Type values that are wrong, odd or missing; `undefined` sends none. */
export const oddContentType: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    undefined,
    '',
    ' ',
    'text/plain',
    'text/html; charset=utf-8',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/xml',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/json;charset=',
    'APPLICATION/JSON',
    'application/json, application/yaml',
    'application/*',
    '*/*',
    'application/json; boundary="x"; charset="utf-8"',
    ';;;',
    'application/yaml; charset=utf-8; charset=ascii',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((value) => value.replace(/[^\x20-\x7e]/g, '')),
);

/** Content-Encoding values other than gzip and identity. */
export const oddContentEncoding: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'br',
    'deflate',
    'compress',
    'gzip, gzip',
    'gzip;q=1',
    'GZIP',
    'x-gzip',
    'identity',
    ' ',
    'zstd',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((value) => value.replace(/[^\x20-\x7e]/g, '')),
);
