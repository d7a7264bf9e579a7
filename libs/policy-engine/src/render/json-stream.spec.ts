import { describe, expect, it } from 'vitest';
import { JsonArrayStream, jsonPieces } from './json-stream';

/** The same document with every streamed array materialized, as `JSON.stringify` sees it. */
function materialized(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => [
      key,
      value instanceof JsonArrayStream ? [...value.items] : value,
    ]),
  );
}

describe('jsonPieces', () => {
  it.each([
    ['an empty document', {}],
    ['plain fields only', { a: 1, b: 'x"y', c: [1, { d: null }] }],
    ['a streamed array last', { a: 1, items: new JsonArrayStream([{ x: 1 }, { y: [2] }, 'z']) }],
    ['a streamed array first and empty', { items: new JsonArrayStream([]), b: true }],
    ['two streamed arrays', { one: new JsonArrayStream([1]), two: new JsonArrayStream([2, 3]) }],
    ['undefined fields left out', { a: undefined, b: 1, c: undefined }],
  ])('writes %s exactly as JSON.stringify', (_case, document: Record<string, unknown>) => {
    expect([...jsonPieces(document)].join('')).toBe(JSON.stringify(materialized(document)));
  });

  it('writes one piece per streamed item', () => {
    const pieces = [...jsonPieces({ items: new JsonArrayStream([1, 2, 3]) })];
    expect(pieces).toEqual(['{"items":[1', ',2', ',3', ']', '}']);
  });
});
