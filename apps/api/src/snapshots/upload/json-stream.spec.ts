import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, decodeUpload } from './decode-upload';
import { RecordingSink, type SinkCall } from './testing/recording-sink';
import { decodeToCalls, pod } from './testing/upload-fixtures';

const asJson = (value: unknown): string => JSON.stringify(value, null, 2);
const decodeJson = (text: string, chunkSize?: number): Promise<SinkCall[]> =>
  decodeToCalls(text, { contentType: 'application/json', chunkSize });

describe('JSON uploads are read object by object', () => {
  const cases: { name: string; body: unknown; calls: SinkCall[] }[] = [
    {
      name: 'a List whose items carry kind and apiVersion adds each item as it is read',
      body: { apiVersion: 'v1', items: [pod('a'), pod('b')], kind: 'List', metadata: {} },
      calls: [
        { call: 'addObject', document: 'body items[0]', raw: pod('a') },
        { call: 'addObject', document: 'body items[1]', raw: pod('b') },
      ],
    },
    {
      name: 'kindless items of a typed list take the kind kubectl prints after them, and its apiVersion',
      body: { apiVersion: 'v1', items: [pod('a', false), pod('b', false)], kind: 'PodList' },
      calls: [
        {
          call: 'addObject',
          document: 'body items[0]',
          raw: pod('a', false),
          listKind: 'PodList',
          listApiVersion: 'v1',
        },
        {
          call: 'addObject',
          document: 'body items[1]',
          raw: pod('b', false),
          listKind: 'PodList',
          listApiVersion: 'v1',
        },
      ],
    },
    {
      name: 'an item with a kind but no apiVersion waits for the list, whose apiVersion decides what it is',
      body: {
        apiVersion: 'crd.projectcalico.org/v1',
        items: [{ kind: 'NetworkPolicy', metadata: { name: 'calico' } }],
        kind: 'NetworkPolicyList',
      },
      calls: [
        {
          call: 'addObject',
          document: 'body items[0]',
          raw: { kind: 'NetworkPolicy', metadata: { name: 'calico' } },
          listKind: 'NetworkPolicyList',
          listApiVersion: 'crd.projectcalico.org/v1',
        },
      ],
    },
    {
      name: 'kindless items of a typed list whose kind and apiVersion come first are added at once',
      body: { kind: 'PodList', apiVersion: 'v1', items: [pod('a', false)] },
      calls: [
        {
          call: 'addObject',
          document: 'body items[0]',
          raw: pod('a', false),
          listKind: 'PodList',
          listApiVersion: 'v1',
        },
      ],
    },
    {
      name: 'complete items go first; the others wait for the list, keeping their own index',
      body: { items: [pod('a', false), pod('b')], kind: 'PodList' },
      calls: [
        { call: 'addObject', document: 'body items[1]', raw: pod('b') },
        { call: 'addObject', document: 'body items[0]', raw: pod('a', false), listKind: 'PodList' },
      ],
    },
    {
      name: 'an object with items but no List kind is judged whole by the builder, as it would be unstreamed',
      body: { items: [pod('a', false)] },
      calls: [{ call: 'addDocument', document: 'body', raw: {} }],
    },
    {
      name: 'a single object is one document',
      body: pod('a'),
      calls: [{ call: 'addDocument', document: 'body', raw: pod('a') }],
    },
    {
      name: 'an `items` field deeper than the top level is part of the object',
      body: { kind: 'Pod', spec: { volumes: [{ configMap: { items: [{ key: 'k', path: 'p' }] } }] } },
      calls: [
        {
          call: 'addDocument',
          document: 'body',
          raw: { kind: 'Pod', spec: { volumes: [{ configMap: { items: [{ key: 'k', path: 'p' }] } }] } },
        },
      ],
    },
    {
      name: 'a top-level `items` that is not an array leaves the object whole',
      body: { kind: 'PodList', items: null },
      calls: [{ call: 'addDocument', document: 'body', raw: { kind: 'PodList', items: null } }],
    },
    {
      name: 'each element of a top-level array is a document, lists included',
      body: [pod('a'), { kind: 'PodList', items: [pod('b', false)] }],
      calls: [
        { call: 'addDocument', document: 'body [0]', raw: pod('a') },
        { call: 'addDocument', document: 'body [1]', raw: { kind: 'PodList', items: [pod('b', false)] } },
      ],
    },
    { name: 'an empty array adds nothing', body: [], calls: [] },
    {
      name: 'scalars are handed on for the builder to reject',
      body: ['text', 7, null],
      calls: [
        { call: 'addDocument', document: 'body [0]', raw: 'text' },
        { call: 'addDocument', document: 'body [1]', raw: 7 },
        { call: 'addDocument', document: 'body [2]', raw: null },
      ],
    },
  ];

  it.each(cases)('$name', async ({ body, calls }) => {
    expect(await decodeJson(asJson(body))).toEqual(calls);
  });

  it.each([1, 3, 64])(
    'gives the same result however the bytes are split (%i-byte chunks)',
    async (chunkSize) => {
      const list = {
        items: [pod('ünïcødé-😀', false), pod('b')],
        kind: 'PodList',
        metadata: { note: 'a\\"b' },
      };
      expect(await decodeJson(asJson(list), chunkSize)).toEqual(await decodeJson(JSON.stringify(list)));
    },
  );

  it('accepts a byte-order mark before the JSON', async () => {
    expect(await decodeJson(`\ufeff${asJson(pod('a'))}`)).toEqual([
      { call: 'addDocument', document: 'body', raw: pod('a') },
    ]);
  });

  it('adds each item while the rest of the list is still arriving', async () => {
    const sink = new RecordingSink();
    let largestLag = 0;
    async function* slowBody(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"items": [');
      for (let i = 0; i < 200; i += 1) {
        largestLag = Math.max(largestLag, i - sink.calls.length);
        yield Buffer.from(`${i === 0 ? '' : ','}${JSON.stringify(pod(`pod-${i}`))}`);
      }
      yield Buffer.from('], "kind": "List"}');
    }
    await decodeUpload(Readable.from(slowBody()), 'application/json', undefined, DEFAULT_UPLOAD_LIMITS, sink);
    expect(sink.calls).toHaveLength(200);
    // Only the stream buffers between the socket and the parser stand between arrival and the builder.
    expect(largestLag).toBeLessThan(40);
  });

  it('keeps a `__proto__` key as plain data', async () => {
    const [call] = await decodeJson(
      '{"items": [{"kind": "Pod", "__proto__": {"polluted": true}}], "kind": "List"}',
    );
    expect(Object.getPrototypeOf(call.raw)).toBe(Object.prototype);
    expect(Object.keys(call.raw as object)).toEqual(['kind', '__proto__']);
    expect((call.raw as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
