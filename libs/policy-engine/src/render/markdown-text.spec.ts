import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from './markdown-text';

describe('markdownText', () => {
  it.each([
    ['plain words stay as they are', 'TCP 80,8000-8080', 'TCP 80,8000-8080'],
    ['a pipe cannot end a table cell', 'a|b', 'a\\|b'],
    ['emphasis, code and strikethrough stay literal', '*a* _b_ `c` ~d~', '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~'],
    ['links and HTML stay literal', '[x](y) <b>&amp;', '\\[x\\](y) \\<b\\>\\&amp;'],
    ['a backslash stays a backslash', 'a\\b', 'a\\\\b'],
    ['dollars do not start math', '$x$', '\\$x\\$'],
    ['line breaks do not end the row or item', 'one\ntwo\r\nthree', 'one two three'],
    ['a leading hash is no heading', '# not a heading', '\\# not a heading'],
    ['a leading dash is no nested list', '- item', '\\- item'],
    ['a leading number is no ordered list', '12. item', '12\\. item'],
    ['a later hash stays as it is', 'rule #1', 'rule #1'],
  ])('%s', (_rule, text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });
});

describe('markdownCode', () => {
  it.each([
    ['a name becomes a code span', 'shop/api[Deployment]', false, '`shop/api[Deployment]`'],
    ['an IPv6 range is kept from emoji shortcodes', '2001:db8::100:1', true, '`2001:db8::100:1`'],
    ['a pipe in a table cell is escaped inside the span', 'a|b', true, '`a\\|b`'],
    ['a pipe outside a table is literal', 'a|b', false, '`a|b`'],
    ['a backslash outside a table is literal', 'a\\b', false, '`a\\b`'],
    ['a backslash in a table falls back to escaped text', 'a\\|b', true, 'a\\\\\\|b'],
    ['a backtick falls back to escaped text', 'c`d', false, 'c\\`d'],
    ['empty text stays empty', '', true, ''],
  ])('%s', (_rule, text, inTable, expected) => {
    expect(markdownCode(text, inTable)).toBe(expected);
  });
});
