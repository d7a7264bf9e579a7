import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { LabelSelector } from '../model/objects';
import { compileSelector } from './label-selector';
import { parseSelectorString } from './selector-string';

describe('parseSelectorString', () => {
  it.each<[string, LabelSelector]>([
    ['', {}],
    ['   ', {}],
    ['app=web', { matchLabels: { app: 'web' } }],
    ['app==web', { matchLabels: { app: 'web' } }],
    ['app = web', { matchLabels: { app: 'web' } }],
    ['app=', { matchLabels: { app: '' } }],
    ['app!=web', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }],
    ['tier in (a,b)', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }],
    ['tier in ( a , b )', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }],
    ['tier notin (a)', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }],
    ['legacy', { matchExpressions: [{ key: 'legacy', operator: 'Exists' }] }],
    ['!legacy', { matchExpressions: [{ key: 'legacy', operator: 'DoesNotExist' }] }],
    ['in', { matchExpressions: [{ key: 'in', operator: 'Exists' }] }],
    ['kubernetes.io/metadata.name=prod', { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } }],
    [
      'app=web,tier in (a,b),!legacy',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
    ],
    [
      'app=web,app=api',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] },
    ],
  ])('reads "%s"', (text, selector) => {
    expect(parseSelectorString(text)).toEqual(selector);
  });

  it.each<[string, string, RegExp]>([
    ['a trailing comma', 'app=web,', /after ","/],
    ['a leading comma', ',app=web', /label key/],
    ['a missing comma', 'app=web tier=a', /","/],
    ['an empty in list', 'tier in ()', /at least one value/],
    ['an unclosed in list', 'tier in (a,b', /"," or "\)"/],
    ['in without parentheses', 'tier in a', /"\("/],
    ['an unknown operator word', 'tier has a', /after a key/],
    ['a Gt comparison', 'replicas>3', /not supported/],
    ['a key with a bad character', 'app*=web', /not a valid label key/],
    ['a value with a space inside parentheses', 'tier in (a b)', /"," or "\)"/],
    ['a value that is too long', `app=${'x'.repeat(64)}`, /not a valid label value/],
    ['a key with two slashes', 'a/b/c=d', /not a valid label key/],
    ['"!" with a value', '!app=web', /","/],
    ['a lone "!"', '!', /label key/],
  ])('rejects %s', (_name, text, message) => {
    const parse = () => parseSelectorString(text);
    expect(parse).toThrow(EngineError);
    expect(parse).toThrow(message);
    expect(parse).toThrow(/invalid label selector/);
  });

  it('reports bad syntax as bad user input, with the position', () => {
    expect(() => parseSelectorString('=web')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('position 1') }),
    );
  });

  it.each([
    ['app=web', { app: 'web' }, true],
    ['app!=web', {}, true],
    ['app!=web', { app: 'web' }, false],
    ['tier notin (a)', {}, true],
    ['!legacy,app', { app: 'x' }, true],
  ])('"%s" on %j matches: %s', (text, labels, expected) => {
    expect(compileSelector(parseSelectorString(text)).matches(labels)).toBe(expected);
  });

  it.each(['app=web,!legacy,tier in (a,b)', 'x notin (1,2),y', 'a=1,b!=2', ''])(
    'reads back the canonical text "%s"',
    (text) => {
      expect(compileSelector(parseSelectorString(text)).text).toBe(text);
    },
  );
});
