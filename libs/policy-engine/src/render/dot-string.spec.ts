import { describe, expect, it } from 'vitest';
import { dotString } from './dot-string';

describe('dotString', () => {
  it.each([
    ['a plain name is quoted', 'shop/api[Deployment]', '"shop/api[Deployment]"'],
    ['a quote is escaped', 'we"ird', '"we\\"ird"'],
    ['a backslash is doubled, also before the closing quote', 'a\\', '"a\\\\"'],
    ['a backslash cannot form an escString escape', '\\N', '"\\\\N"'],
    ['line breaks become \\n', 'a\nb\r\nc', '"a\\nb\\nc"'],
  ])('%s', (_rule, text, expected) => {
    expect(dotString(text)).toBe(expected);
  });
});
