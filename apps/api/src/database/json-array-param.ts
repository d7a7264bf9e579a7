/**
 * A JSON array of JSON texts as UTF-8 bytes, for a parameter cast to `json` on PostgreSQL: node-postgres
 * sends a Buffer as it is, in binary format, which for `json` (not `jsonb`) is the text itself. No string
 * of the whole array is made: V8 strings of more than about 128K characters are costly to create, and
 * the driver would then encode it once more. For the M bench cluster's 16k objects this takes a few
 * milliseconds instead of some 100 ms of the event loop.
 */
export function jsonArrayBytes(texts: readonly string[]): Buffer {
  let size = texts.length === 0 ? 2 : texts.length + 1;
  for (const text of texts) size += Buffer.byteLength(text);
  const bytes = Buffer.allocUnsafe(size);
  let at = bytes.write('[');
  texts.forEach((text, i) => {
    if (i > 0) at += bytes.write(',', at);
    at += bytes.write(text, at);
  });
  bytes.write(']', at);
  return bytes;
}

/** The same array as text, for drivers that take a `json` parameter only as text (PGlite). */
export function jsonArrayText(texts: readonly string[]): string {
  return `[${texts.join(',')}]`;
}
