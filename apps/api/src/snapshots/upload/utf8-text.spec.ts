import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Text } from './utf8-text';

/** Decodes `bytes` cut at `cuts`, or returns the error message. */
function decodeInPieces(bytes: Uint8Array, cuts: number[]): string {
  const text = new Utf8Text('body');
  const ends = [...cuts.map((cut) => cut % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  let start = 0;
  let out = '';
  try {
    for (const end of ends) {
      out += text.decode(bytes.subarray(start, end));
      start = end;
    }
    return out + text.end();
  } catch (error) {
    return (error as Error).message;
  }
}

/** What a fatal TextDecoder, which drops a leading byte-order mark too, makes of the same bytes. */
function reference(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'body: not valid UTF-8 text';
  }
}

describe('Utf8Text', () => {
  it('decodes any text however its bytes are cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.nat()), (text, cuts) => {
        const bytes = new TextEncoder().encode(`\ufeff${text}`);
        expect(decodeInPieces(bytes, cuts)).toBe(text);
      }),
    );
  });

  it('accepts and refuses the bytes a fatal TextDecoder does', () => {
    const utf8ish = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text).subarray(1)),
    );
    fc.assert(
      fc.property(utf8ish, fc.array(fc.nat()), (bytes, cuts) => {
        expect(decodeInPieces(bytes, cuts)).toBe(reference(bytes));
      }),
    );
  });

  it.each([
    ['a character cut off at the end', [0x7b, 0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
  ])('refuses %s', (_case, bytes) => {
    expect(decodeInPieces(Uint8Array.from(bytes), [1])).toBe('body: not valid UTF-8 text');
  });
});
