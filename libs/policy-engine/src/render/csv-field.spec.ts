import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './csv-field';

describe('csvField', () => {
  it.each([
    ['a plain field is written as it is', 'shop/api[Deployment]', 'shop/api[Deployment]'],
    ['a comma makes it quoted', 'TCP 80,443', '"TCP 80,443"'],
    ['a quote is doubled inside quotes', 'we"ird', '"we""ird"'],
    ['a line break makes it quoted', 'a\nb', '"a\nb"'],
    ['a carriage return makes it quoted', 'a\rb', '"a\rb"'],
    ['an empty field stays empty', '', ''],
  ])('%s', (_rule, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends each record with CRLF', () => {
    expect(csvRecord(['a', 'b,c', 'true'])).toBe('a,"b,c",true\r\n');
  });
});
