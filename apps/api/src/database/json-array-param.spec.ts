import { describe, expect, it } from 'vitest';
import { jsonArrayBytes, jsonArrayText } from './json-array-param';

describe('a JSON array parameter of JSON texts', () => {
  it.each([
    ['no texts', []],
    ['one text', ['{"a":1}']],
    ['texts with characters of two, three and four UTF-8 bytes', ['{"n":"é"}', '"€"', '["🏃",null]', '2']],
  ])('as bytes is exactly the UTF-8 of the text form, for %s', (_, texts: string[]) => {
    const bytes = jsonArrayBytes(texts);
    expect(bytes.toString('utf8')).toBe(jsonArrayText(texts));
    expect(bytes.length).toBe(Buffer.byteLength(jsonArrayText(texts)));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(texts.map((text) => JSON.parse(text) as unknown));
  });
});
