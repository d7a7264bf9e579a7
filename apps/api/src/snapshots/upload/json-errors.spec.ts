import { EngineError } from '@podreach/policy-engine';
import { describe, expect, it } from 'vitest';
import { decodeToCalls, gzip, tarOf } from './testing/upload-fixtures';

const decodeJson = (content: string | Buffer) => decodeToCalls(content, { contentType: 'application/json' });

const prettyListWithMissingComma = [
  '{',
  '  "items": [',
  '    {"kind": "Pod"}',
  '    {"kind": "Pod"}',
  '  ]',
  '}',
].join('\n');

describe('JSON that cannot be read is a PARSE_ERROR naming the document and where', () => {
  it.each([
    {
      name: 'a missing comma names its line',
      body: prettyListWithMissingComma,
      message: "body: not valid JSON: line 4: expected ','",
    },
    {
      name: 'an error in one long minified line names the column near it',
      body: `{"items": [${'{"kind": "Pod"},'.repeat(200)} oops]}`,
      message: 'body: not valid JSON: line 1, near column 3073: expected a value',
    },
    {
      name: 'a body cut off mid-list is truncated',
      body: '{"items": [{"kind": "Pod"}, {"kind": "Po',
      message:
        'body: not valid JSON: line 1, near column 41: unexpected end of input (is the upload truncated?)',
    },
    {
      name: 'an empty body has no JSON at all',
      body: '',
      message: 'body: not valid JSON: line 1: unexpected end of input (is the upload truncated?)',
    },
    {
      name: 'a second top-level value is not JSON',
      body: '{"kind": "Pod"}\n{"kind": "Pod"}',
      message: 'body: not valid JSON: line 2: unexpected characters',
    },
    {
      name: 'nesting deeper than any Kubernetes object',
      body: `{"items": [\n${'['.repeat(1200)}${']'.repeat(1200)}]}`,
      message: 'body: not valid JSON: line 2: nested deeper than 1000 levels',
    },
    {
      name: 'bytes that are not UTF-8',
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      message: 'body: not valid UTF-8 text',
    },
  ])('$name', async ({ body, message }) => {
    const failure = decodeJson(body);
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toMatchObject({ code: 'PARSE_ERROR', message });
  });

  it('gives the line and column in the error details too', async () => {
    await expect(decodeJson(prettyListWithMissingComma)).rejects.toMatchObject({
      details: { document: 'body', line: 4, column: 1 },
    });
  });

  it('names the file of an archive that holds the broken JSON', async () => {
    const archive = await tarOf([
      { name: 'ok.json', content: '{"kind": "Pod"}' },
      { name: 'manifests/broken.json', content: '{"kind": "Pod",}' },
    ]);
    await expect(decodeToCalls(archive, { contentType: 'application/x-tar' })).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: "manifests/broken.json: not valid JSON: line 1: unexpected token '}'",
    });
  });

  it('reports a gzip body cut off in the middle as a PARSE_ERROR', async () => {
    const compressed = gzip(JSON.stringify({ items: [], kind: 'List', padding: 'x'.repeat(5000) }));
    await expect(
      decodeToCalls(compressed.subarray(0, compressed.length - 20), {
        contentType: 'application/json',
        contentEncoding: 'gzip',
      }),
    ).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: 'body: not valid gzip data (unexpected end of file)',
    });
  });
});
