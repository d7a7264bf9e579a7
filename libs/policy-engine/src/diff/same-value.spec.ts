import { describe, expect, it } from 'vitest';
import { sameValue } from './same-value';

describe('sameValue', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['equal scalars', 'a', 'a', true],
    ['different scalars', 1, '1', false],
    ['objects whatever their key order', { a: 1, b: [2] }, { b: [2], a: 1 }, true],
    ['an extra field', { a: 1 }, { a: 1, b: 2 }, false],
    ['a missing field', { a: 1, b: 2 }, { a: 1 }, false],
    ['a null field and an absent one', { a: 1, b: null }, { a: 1 }, true],
    ['lists in another order', [1, 2], [2, 1], false],
    ['lists of another length', [1], [1, 1], false],
    ['a list and an object', [], {}, false],
    ['a field named like an Object.prototype member', { constructor: 'x' }, {}, false],
  ])('%s: %s', (_name, a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
    expect(sameValue(b, a)).toBe(expected);
  });
});
