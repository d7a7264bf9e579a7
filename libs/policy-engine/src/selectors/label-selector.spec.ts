import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { LabelSelector, LabelSelectorRequirement, Labels } from '../model/objects';
import { compileSelector } from './label-selector';

const web: Labels = { app: 'web', tier: 'front' };
const db: Labels = { app: 'db', tier: 'back', legacy: 'true' };
const bare: Labels = {};
const expr = (
  key: string,
  operator: LabelSelectorRequirement['operator'],
  values?: string[],
): LabelSelector => ({
  matchExpressions: [{ key, operator, ...(values ? { values } : {}) }],
});

describe('compileSelector', () => {
  it.each<[string, LabelSelector | undefined, [boolean, boolean, boolean]]>([
    // name, selector, matches [web, db, bare]
    ['an absent selector selects everything', undefined, [true, true, true]],
    ['{} selects everything', {}, [true, true, true]],
    ['empty lists select everything', { matchLabels: {}, matchExpressions: [] }, [true, true, true]],
    ['matchLabels needs the exact value', { matchLabels: { app: 'web' } }, [true, false, false]],
    ['matchLabels entries are ANDed', { matchLabels: { app: 'web', tier: 'back' } }, [false, false, false]],
    ['In needs the key with a listed value', expr('tier', 'In', ['front', 'back']), [true, true, false]],
    ['In with other values', expr('tier', 'In', ['middle']), [false, false, false]],
    ['NotIn matches a value not listed', expr('app', 'NotIn', ['db']), [true, false, true]],
    ['NotIn matches objects without the key', expr('legacy', 'NotIn', ['true']), [true, false, true]],
    ['Exists needs the key', expr('legacy', 'Exists'), [false, true, false]],
    ['DoesNotExist needs the key absent', expr('legacy', 'DoesNotExist'), [true, false, true]],
    [
      'matchLabels and matchExpressions are ANDed',
      { matchLabels: { tier: 'back' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
      [false, false, false],
    ],
    [
      'expressions are ANDed',
      {
        matchExpressions: [
          { key: 'app', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
      [true, false, false],
    ],
    ['an empty label value is a value', { matchLabels: { app: '' } }, [false, false, false]],
  ])('%s', (_name, selector, expected) => {
    const compiled = compileSelector(selector);
    expect([web, db, bare].map((labels) => compiled.matches(labels))).toEqual(expected);
  });

  it('does not mistake inherited object properties for labels', () => {
    expect(compileSelector(expr('constructor', 'Exists')).matches(bare)).toBe(false);
    expect(compileSelector(expr('toString', 'DoesNotExist')).matches(bare)).toBe(true);
  });

  it('matches a label whose value is empty', () => {
    expect(compileSelector({ matchLabels: { app: '' } }).matches({ app: '' })).toBe(true);
    expect(compileSelector(expr('app', 'Exists')).matches({ app: '' })).toBe(true);
  });

  it('says whether it selects everything', () => {
    expect(compileSelector(undefined).matchesAll).toBe(true);
    expect(compileSelector({}).matchesAll).toBe(true);
    expect(compileSelector({ matchLabels: { app: 'web' } }).matchesAll).toBe(false);
    expect(compileSelector(expr('app', 'NotIn', ['x'])).matchesAll).toBe(false);
  });

  it('lists the keys it looks at, sorted and once each', () => {
    const compiled = compileSelector({
      matchLabels: { tier: 'front', app: 'web' },
      matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }],
    });
    expect(compiled.keys).toEqual(['app', 'tier']);
  });

  it.each<[string, LabelSelector | undefined, string]>([
    ['everything', {}, ''],
    [
      'the example',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['b', 'a'] },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
      'app=web,!legacy,tier in (a,b)',
    ],
    [
      'NotIn and Exists',
      {
        matchExpressions: [
          { key: 'x', operator: 'NotIn', values: ['2', '1'] },
          { key: 'y', operator: 'Exists' },
        ],
      },
      'x notin (1,2),y',
    ],
    [
      'single values as equalities',
      {
        matchExpressions: [
          { key: 'a', operator: 'In', values: ['1'] },
          { key: 'b', operator: 'NotIn', values: ['2'] },
        ],
      },
      'a=1,b!=2',
    ],
    [
      'a matchLabels entry repeated as In',
      { matchLabels: { a: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '1'] }] },
      'a=1',
    ],
  ])('describes %s canonically', (_name, selector, text) => {
    expect(compileSelector(selector).text).toBe(text);
  });

  it('gives equivalent selectors the same text', () => {
    const a = compileSelector({ matchLabels: { b: '2', a: '1' } });
    const b = compileSelector({
      matchExpressions: [
        { key: 'a', operator: 'In', values: ['1'] },
        { key: 'b', operator: 'In', values: ['2'] },
      ],
    });
    expect(a.text).toBe(b.text);
  });

  it('rejects an unknown operator', () => {
    const bad = {
      matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }],
    } as unknown as LabelSelector;
    expect(() => compileSelector(bad)).toThrow(EngineError);
  });
});
