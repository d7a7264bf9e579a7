import { describe, expect, it } from 'vitest';
import type { SinkCall } from './testing/recording-sink';
import { decodeToCalls, gzip, pod, tarOf } from './testing/upload-fixtures';

const podList = JSON.stringify({ apiVersion: 'v1', items: [pod('a', false)], kind: 'PodList' });
const podListCalls: SinkCall[] = [
  {
    call: 'addObject',
    document: 'body items[0]',
    raw: pod('a', false),
    listKind: 'PodList',
    listApiVersion: 'v1',
  },
];

const twoYamlDocuments = 'kind: Pod\nmetadata:\n  name: a\n---\nkind: Namespace\nmetadata:\n  name: shop\n';
const twoYamlDocumentsCalls: SinkCall[] = [
  { call: 'addDocument', document: 'body document 1', raw: { kind: 'Pod', metadata: { name: 'a' } } },
  {
    call: 'addDocument',
    document: 'body document 2',
    raw: { kind: 'Namespace', metadata: { name: 'shop' } },
  },
];

const manifestFolder = () =>
  tarOf([
    { name: './manifests/', type: 'directory' },
    { name: './manifests/pods.json', content: podList },
    { name: './manifests/deep/er/ns.yml', content: 'kind: Namespace\nmetadata:\n  name: shop\n' },
    { name: './manifests/app.YAML', content: twoYamlDocuments },
    { name: './manifests/README.md', content: '# not a manifest' },
    { name: './manifests/._app.yaml', content: Buffer.from([0, 5, 22, 7, 0xff]) },
    { name: './manifests/link.yaml', type: 'symlink', linkname: 'app.YAML' },
  ]);

const manifestFolderCalls: SinkCall[] = [
  ...podListCalls.map((call) => ({ ...call, document: 'manifests/pods.json items[0]' })),
  {
    call: 'addDocument',
    document: 'manifests/deep/er/ns.yml',
    raw: { kind: 'Namespace', metadata: { name: 'shop' } },
  },
  ...twoYamlDocumentsCalls.map((call) => ({
    ...call,
    document: call.document.replace('body', 'manifests/app.YAML'),
  })),
];

describe('decodeUpload reads each content type', () => {
  it.each([
    { contentType: 'application/json', content: podList, calls: podListCalls },
    { contentType: 'application/json; charset=utf-8', content: podList, calls: podListCalls },
    { contentType: 'Application/JSON;Charset="UTF-8"', content: podList, calls: podListCalls },
    { contentType: 'application/yaml', content: twoYamlDocuments, calls: twoYamlDocumentsCalls },
    { contentType: 'application/x-yaml', content: twoYamlDocuments, calls: twoYamlDocumentsCalls },
    { contentType: 'text/yaml', content: twoYamlDocuments, calls: twoYamlDocumentsCalls },
    {
      contentType: 'application/yaml',
      content: 'kind: Pod\n---\n# nothing\n',
      calls: [{ call: 'addDocument', document: 'body document 1', raw: { kind: 'Pod' } }],
    },
  ])('$contentType', async ({ contentType, content, calls }) => {
    expect(await decodeToCalls(content, { contentType })).toEqual(calls);
  });

  it('application/x-tar: every JSON and YAML file at any depth, named by its path', async () => {
    expect(await decodeToCalls(await manifestFolder(), { contentType: 'application/x-tar' })).toEqual(
      manifestFolderCalls,
    );
  });

  it.each(['application/gzip', 'application/x-gzip'])(
    '%s holding a tar archive (tar.gz)',
    async (contentType) => {
      expect(await decodeToCalls(gzip(await manifestFolder()), { contentType })).toEqual(manifestFolderCalls);
    },
  );

  it.each([
    { inside: 'JSON', content: podList, calls: podListCalls },
    { inside: 'YAML', content: twoYamlDocuments, calls: twoYamlDocumentsCalls },
  ])('application/gzip holding $inside', async ({ content, calls }) => {
    expect(await decodeToCalls(gzip(content), { contentType: 'application/gzip' })).toEqual(calls);
  });
});

describe('Content-Encoding', () => {
  it.each([
    { contentEncoding: 'gzip', contentType: 'application/json', content: gzip(podList), calls: podListCalls },
    {
      contentEncoding: 'x-gzip',
      contentType: 'text/yaml',
      content: gzip(twoYamlDocuments),
      calls: twoYamlDocumentsCalls,
    },
    { contentEncoding: 'identity', contentType: 'application/json', content: podList, calls: podListCalls },
    {
      contentEncoding: 'GZIP',
      contentType: 'application/octet-stream',
      content: gzip(podList),
      calls: podListCalls,
    },
  ])('$contentEncoding with $contentType', async ({ content, calls, ...request }) => {
    expect(await decodeToCalls(content, request)).toEqual(calls);
  });

  it('gzip encoding of a tar.gz: both layers are unwrapped', async () => {
    const content = gzip(gzip(await manifestFolder()));
    expect(
      await decodeToCalls(content, { contentType: 'application/gzip', contentEncoding: 'gzip' }),
    ).toEqual(manifestFolderCalls);
  });
});

describe('application/octet-stream (and no Content-Type) is sniffed', () => {
  it.each([
    { sent: 'a tar.gz', content: async () => gzip(await manifestFolder()), calls: manifestFolderCalls },
    { sent: 'a tar', content: manifestFolder, calls: manifestFolderCalls },
    { sent: 'gzip JSON', content: async () => gzip(podList), calls: podListCalls },
    { sent: 'JSON', content: async () => `\n  ${podList}`, calls: podListCalls },
    {
      sent: 'a JSON array',
      content: async () => JSON.stringify([pod('a')]),
      calls: [{ call: 'addDocument', document: 'body [0]', raw: pod('a') }],
    },
    { sent: 'YAML', content: async () => twoYamlDocuments, calls: twoYamlDocumentsCalls },
  ] satisfies { sent: string; content: () => Promise<string | Buffer>; calls: SinkCall[] }[])(
    '$sent',
    async ({ content, calls }) => {
      const bytes = await content();
      expect(await decodeToCalls(bytes, { contentType: 'application/octet-stream' })).toEqual(calls);
      expect(await decodeToCalls(bytes, { contentType: undefined })).toEqual(calls);
    },
  );
});

describe('what cannot be decoded', () => {
  it.each([
    {
      request: { contentType: 'application/x-www-form-urlencoded' },
      code: 'BAD_USER_INPUT',
      message:
        'Content-Type application/x-www-form-urlencoded is not supported; use one of application/json, ' +
        'application/yaml, application/x-yaml, text/yaml, application/x-tar, application/gzip, ' +
        'application/x-gzip, application/octet-stream',
    },
    {
      request: { contentType: 'application/json; charset=iso-8859-1' },
      code: 'BAD_USER_INPUT',
      message: 'charset iso-8859-1 is not supported; uploads must be UTF-8',
    },
    {
      request: { contentType: 'application/json', contentEncoding: 'br' },
      code: 'BAD_USER_INPUT',
      message: 'Content-Encoding br is not supported; use gzip or send the body uncompressed',
    },
    {
      request: { contentType: 'application/json', contentEncoding: 'gzip' },
      code: 'PARSE_ERROR',
      message: 'body: not valid gzip data (incorrect header check)',
    },
    {
      request: { contentType: 'application/x-tar' },
      code: 'PARSE_ERROR',
      message: expect.stringMatching(/^archive: not a valid tar archive \(/),
    },
  ])('$request → $code', async ({ request, code, message }) => {
    await expect(decodeToCalls(podList, request)).rejects.toMatchObject({ code, message });
  });

  it('a tar archive cut off in the middle of a file is a PARSE_ERROR', async () => {
    const archive = await tarOf([{ name: 'big.yaml', content: `kind: Pod\n#${'x'.repeat(4000)}\n` }]);
    await expect(
      decodeToCalls(archive.subarray(0, 2048), { contentType: 'application/x-tar' }),
    ).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: 'archive: not a valid tar archive (Unexpected end of data)',
    });
  });

  it('YAML that cannot be parsed is a PARSE_ERROR naming the document', async () => {
    await expect(
      decodeToCalls('kind: Pod\n---\nkind: [unclosed\n', { contentType: 'application/yaml' }),
    ).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: expect.stringMatching(/^body document 2: line \d+, column \d+: not valid YAML/),
    });
  });

  it('gzip inside gzip inside a gzip body is refused rather than unwrapped without end', async () => {
    await expect(
      decodeToCalls(gzip(gzip(gzip(podList))), { contentType: 'application/gzip', contentEncoding: 'gzip' }),
    ).rejects.toMatchObject({ code: 'PARSE_ERROR', message: 'body: gzip inside gzip is not supported' });
  });
});
