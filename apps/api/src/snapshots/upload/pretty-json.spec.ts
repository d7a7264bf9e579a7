import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeToCalls, pod } from './testing/upload-fixtures';

/** Pretty-printed list items are read whole (see JsonFramer.prettyElement); these pin what that may change. */

const decodeJson = (text: string, chunkSize?: number) =>
  decodeToCalls(text, { contentType: 'application/json', chunkSize });

const list = { apiVersion: 'v1', items: [pod('a'), pod('b', false), pod('c')], kind: 'PodList' };
const whole = Number.MAX_SAFE_INTEGER;

describe('pretty-printed JSON reads as the same objects as minified JSON', () => {
  const layouts = [
    { name: 'two spaces', text: JSON.stringify(list, null, 2) },
    { name: 'kubectl: four spaces', text: JSON.stringify(list, null, 4) },
    { name: 'tabs', text: JSON.stringify(list, null, '\t') },
    { name: 'CRLF line ends', text: JSON.stringify(list, null, 2).replaceAll('\n', '\r\n') },
    {
      name: 'a nested object closed at the indentation of its item',
      text: '{"kind": "PodList", "apiVersion": "v1", "items": [\n  {"kind": "Pod", "metadata": {"name": "a"\n  }\n  }\n]}',
    },
    {
      name: 'two items on one line',
      text: '{"items": [\n  {"kind": "Pod", "metadata": {"name": "a"}}, {"kind": "Pod", "metadata": {"name": "b"}}\n]}',
    },
    {
      name: 'braces and escapes inside strings',
      text: JSON.stringify({ items: [{ kind: 'Pod', note: '}\n  } "{" \\ \\"' }, pod('b')] }, null, 2),
    },
    { name: 'a top-level array', text: JSON.stringify([pod('a'), pod('b')], null, 2) },
  ];

  it.each(layouts.flatMap((layout) => [1, 7, 64, whole].map((chunkSize) => ({ ...layout, chunkSize }))))(
    '$name, in chunks of $chunkSize bytes',
    async ({ text, chunkSize }) => {
      const minified = JSON.stringify(JSON.parse(text));
      expect(await decodeJson(text, chunkSize)).toEqual(await decodeJson(minified, whole));
    },
  );

  it('whatever the values, indentation and chunks', async () => {
    const items = fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), { maxLength: 6 });
    const indent = fc.constantFrom(undefined, 1, 2, 4, '\t', ' \t');
    await fc.assert(
      fc.asyncProperty(items, indent, fc.integer({ min: 1, max: 300 }), async (objects, space, chunkSize) => {
        const document = { items: objects, kind: 'List' };
        expect(await decodeJson(JSON.stringify(document, null, space), chunkSize)).toEqual(
          await decodeJson(JSON.stringify(document), whole),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('what reading pretty-printed items whole must not change', () => {
  const pretty = JSON.stringify(
    { apiVersion: 'v1', items: [pod('a'), pod('b'), pod('c')], kind: 'List' },
    null,
    4,
  );

  it.each([1, 64, whole])(
    'an error after several items names its line (%i-byte chunks)',
    async (chunkSize) => {
      const brokenAt = pretty.lastIndexOf('},');
      const broken = `${pretty.slice(0, brokenAt + 1)}${pretty.slice(brokenAt + 2)}`;
      const line = broken.slice(0, broken.indexOf('{', brokenAt)).split('\n').length;
      await expect(decodeJson(broken, chunkSize)).rejects.toMatchObject({
        code: 'PARSE_ERROR',
        message: `body: not valid JSON: line ${line}: expected ','`,
        details: { line },
      });
    },
  );

  it('an item nested deeper than 1000 levels is refused', async () => {
    const deep = `${'['.repeat(1200)}${']'.repeat(1200)}`;
    const text = `{\n  "items": [\n    {\n      "kind": "Pod",\n      "deep": ${deep}\n    }\n  ]\n}`;
    await expect(decodeJson(text)).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: expect.stringMatching(/^body: not valid JSON: line 5\b.*: nested deeper than 1000 levels$/),
    });
  });
});
