import fc from 'fast-check';

/**
 * Values for the fuzz tests that trip up parsers and validators, and placeholders for text no serializer
 * writes: raw number tokens (`1e400`, `.nan`) and nesting far deeper than a recursive serializer goes.
 */

const RAW = /"?FUZZRAW_([0-9a-f]+)_END"?/g;
const DEEP = /"?FUZZDEEP_(\d+)_([ao])_END"?/g;

/** A placeholder for `token` written as is into JSON or YAML text (`1e400`, `.nan`, `0x1F`). */
export const rawToken = (token: string): string => `FUZZRAW_${Buffer.from(token).toString('hex')}_END`;

/** A placeholder for `depth` nested arrays (`a`) or objects (`o`), too deep for a recursive serializer. */
export const deepToken = (depth: number, shape: 'a' | 'o'): string => `FUZZDEEP_${depth}_${shape}_END`;

/** Serialized text with every placeholder replaced by what it stands for. */
export function expandTokens(text: string): string {
  return text
    .replace(RAW, (_, hex: string) => Buffer.from(hex, 'hex').toString())
    .replace(DEEP, (_, depth: string, shape: string) => {
      const n = Number(depth);
      return shape === 'a' ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    });
}

/**
 * JSON values that trip up parsers and validators: huge and odd numbers, unicode, NUL, long text, depth.
 * Each value is a fresh copy: edits may change it in place, and a constant shared between runs would then
 * change the inputs of later runs.
 */
export const weirdValue: fc.Arbitrary<unknown> = fc
  .oneof(
    fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      2 ** 53,
      2 ** 64,
      1e308,
      -1e308,
      5e-324,
      0.5,
      '',
      [],
      {},
    ),
    fc.constantFrom(
      ...['NaN', 'Infinity', 'null', 'true', '0x1F', '1e400', '\u0000', '😀', '\u202e', '\ufeff', 'a\ud800'],
    ),
    fc
      .constantFrom(
        '1e400',
        '-1e400',
        '123456789012345678901234567890',
        '1.0',
        '-0',
        '1E+2',
        '.inf',
        '.nan',
        '0x1F',
        '~',
      )
      .map(rawToken),
    fc
      .constantFrom(10_000, 1_001, 999)
      .chain((depth) => fc.constantFrom(deepToken(depth, 'a'), deepToken(depth, 'o'))),
    fc.constantFrom(10_000, 100_000).map((length) => 'é'.repeat(length)),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map((value) => structuredClone(value));

// ---------------------------------------------------------------------------------------------------------
// Values each field of its kind refuses.

const LONG = 'x'.repeat(1000);
export const badPortNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: 0 }),
  fc.integer({ min: 65_536, max: 2 ** 31 }),
  fc.constantFrom(1e20, 2 ** 53 + 2, 1.5, -0.5, 80.000001),
);
// `1e3`, `0x50`, `null` are valid port names (lowercase letters and digits): only these are not.
export const badPortName = fc.constantFrom(
  ...['NaN', 'Infinity', '-Infinity', '-1', '80', '', '80 ', 'HTTP', 'web--x', '-web', 'sixteen-chars-xx'],
  ...['wéb', '😀', 'a\u0000b', LONG],
);
export const badProtocol = fc.constantFrom<unknown>('HTTP', 'tcp', 'Udp', '', 'ICMP', 'TCP ', '😀', 6, true, [
  'TCP',
]);
export const badCidr = fc.constantFrom(
  '10.0.0.0/33',
  '300.1.1.1/8',
  '10.0.0.0',
  '10.0.0.0/-1',
  '10.0.0/8',
  '::/129',
  'fe80::1%eth0/64',
  '2001:db8::g/64',
  'localhost/8',
  '',
  ' 10.0.0.0/8',
  '10.0.0.0/8\u0000',
  '１０.0.0.0/8',
  LONG,
);
export const badLabelKey = fc.constantFrom(
  '-a',
  'a-',
  'a/b/c',
  'Example.com/a',
  '/a',
  'a/',
  'x'.repeat(64),
  'ключ',
  '😀',
  'a b',
  'a\u0000',
  '__proto__',
);
export const badLabelValue = fc.constantFrom<unknown>(
  '-a',
  'a-',
  'x'.repeat(64),
  'a b',
  'ü',
  '😀',
  'a\u0000b',
  'a/b',
  1,
  true,
  [],
  {},
);
export const badName = fc.constantFrom(
  'Web',
  'web_1',
  'web..a',
  '-web',
  'web-',
  'wéb',
  '😀',
  'a\u0000b',
  'a b',
  '',
  'x'.repeat(254),
  LONG,
);
export const badOperator = fc.constantFrom('in', 'Equals', '', 'NOTIN', 'Gt', 'Lt', '=', '😀');
