import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** An answer as stored: gzip-compressed JSON (compression runs on libuv's pool, off the event loop). */
export function encodeAnswer(answer: unknown): Promise<Buffer> {
  return gzipAsync(Buffer.from(JSON.stringify(answer)));
}

/** The answer `encodeAnswer` stored. */
export async function decodeAnswer<T>(payload: Uint8Array): Promise<T> {
  return JSON.parse((await gunzipAsync(payload)).toString('utf8')) as T;
}
