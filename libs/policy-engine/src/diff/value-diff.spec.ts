import { describe, expect, it } from 'vitest';
import { fieldPath, itemPath } from './field-path';
import { diffValues, type FieldChange } from './value-diff';

const setLike = { isSetLike: () => true };
const rule = (port: number) => ({ ports: [{ protocol: 'TCP', port }] });

describe('fieldPath', () => {
  it.each([
    ['', 'spec', 'spec'],
    ['spec', 'podSelector', 'spec.podSelector'],
    [
      'spec.podSelector.matchLabels',
      'app.kubernetes.io/name',
      'spec.podSelector.matchLabels["app.kubernetes.io/name"]',
    ],
    ['labels', 'team', 'labels.team'],
    ['labels', '_private', 'labels._private'],
    ['labels', 'my-app', 'labels["my-app"]'],
    ['labels', '9lives', 'labels["9lives"]'],
    ['labels', 'say "hi"', 'labels["say \\"hi\\""]'],
    ['', 'kubernetes.io/metadata.name', '["kubernetes.io/metadata.name"]'],
  ])('%s + %s -> %s', (parent, key, expected) => {
    expect(fieldPath(parent, key)).toBe(expected);
  });

  it('writes list items with their index', () => {
    expect(itemPath('spec.ingress', 2)).toBe('spec.ingress[2]');
  });
});

describe('diffValues', () => {
  it.each<[string, unknown, unknown, FieldChange[]]>([
    ['equal values have no changes', { a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, []],
    ['a scalar at the root', 1, 2, [{ path: '', before: 1, after: 2 }]],
    ['an added field is null before', {}, { a: 1 }, [{ path: 'a', before: null, after: 1 }]],
    ['a removed field is null after', { a: { b: 1 } }, {}, [{ path: 'a', before: { b: 1 }, after: null }]],
    [
      'a key that is not an identifier is bracket-quoted',
      { matchLabels: { 'app.kubernetes.io/name': 'web' } },
      { matchLabels: { 'app.kubernetes.io/name': 'api' } },
      [{ path: 'matchLabels["app.kubernetes.io/name"]', before: 'web', after: 'api' }],
    ],
    [
      'fields come in key order',
      { b: 1, a: 1 },
      { b: 2, a: 2 },
      [
        { path: 'a', before: 1, after: 2 },
        { path: 'b', before: 1, after: 2 },
      ],
    ],
    [
      'a change of type is one change',
      { a: { b: 1 } },
      { a: 'b' },
      [{ path: 'a', before: { b: 1 }, after: 'b' }],
    ],
    [
      'a key named like an Object.prototype member is an ordinary key',
      { labels: { constructor: 'x' } },
      { labels: { toString: 'y' } },
      [
        { path: 'labels.constructor', before: 'x', after: null },
        { path: 'labels.toString', before: null, after: 'y' },
      ],
    ],
    ['null and absent are the same', { a: null }, {}, []],
  ])('%s', (_name, before, after, expected) => {
    expect(diffValues(before, after)).toEqual(expected);
  });

  describe('lists are matched by content', () => {
    it.each<[string, unknown[], unknown[], FieldChange[]]>([
      ['an item inserted at the front', [rule(1), rule(2)], [rule(9), rule(1), rule(2)], [added(0, rule(9))]],
      [
        'an item inserted in the middle',
        [rule(1), rule(2)],
        [rule(1), rule(9), rule(2)],
        [added(1, rule(9))],
      ],
      ['an item appended', [rule(1), rule(2)], [rule(1), rule(2), rule(9)], [added(2, rule(9))]],
      [
        'an item removed, at its old index',
        [rule(1), rule(2), rule(3)],
        [rule(1), rule(3)],
        [removed(1, rule(2))],
      ],
      [
        'an item changed in place is diffed inside',
        [rule(1), rule(2), rule(3)],
        [rule(1), rule(8), rule(3)],
        [{ path: 'list[1].ports[0].port', before: 2, after: 8 }],
      ],
      [
        'a scalar changed in place',
        ['a', 'b', 'c'],
        ['a', 'x', 'c'],
        [{ path: 'list[1]', before: 'b', after: 'x' }],
      ],
      [
        'an item moved in an ordered list is removed and added',
        ['a', 'b'],
        ['b', 'a'],
        [removed(0, 'a'), added(1, 'a')],
      ],
      [
        'an item is not paired in place when another new item is more like it',
        [rule(1)],
        [{ from: [{}] }, rule(8)],
        [removed(0, rule(1)), added(0, { from: [{}] }), added(1, rule(8))],
      ],
      ['an empty list and a filled one', [], ['a'], [added(0, 'a')]],
    ])('%s', (_name, before, after, expected) => {
      expect(diffValues({ list: before }, { list: after })).toEqual(expected);
    });

    it('ignores order in set-like lists', () => {
      expect(diffValues({ list: ['a', 'b', 'c'] }, { list: ['c', 'a', 'b'] }, '', setLike)).toEqual([]);
      expect(diffValues({ list: [rule(1), rule(2)] }, { list: [rule(2), rule(1)] }, '', setLike)).toEqual([]);
    });

    it('counts repeated items in set-like lists', () => {
      expect(diffValues({ list: ['a', 'a'] }, { list: ['a'] }, '', setLike)).toEqual([removed(1, 'a')]);
    });

    it('asks which lists are set-like by their field names, indices left out', () => {
      const asked: string[] = [];
      const isSetLike = (fields: readonly string[]) => {
        asked.push(fields.join('.'));
        return fields.at(-1) === 'values';
      };
      const before = { rules: [{ values: ['a', 'b'] }] };
      const after = { rules: [{ values: ['b', 'a'], extra: 1 }] };
      expect(diffValues(before, after, 'spec', { isSetLike })).toEqual([
        { path: 'spec.rules[0].extra', before: null, after: 1 },
      ]);
      expect(asked).toEqual(['rules', 'rules.values']);
    });
  });
});

function added(index: number, item: unknown): FieldChange {
  return { path: `list[${index}]`, before: null, after: item };
}

function removed(index: number, item: unknown): FieldChange {
  return { path: `list[${index}]`, before: item, after: null };
}
