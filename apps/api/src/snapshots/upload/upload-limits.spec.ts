import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, decodeUpload, type UploadLimits } from './decode-upload';
import { RecordingSink } from './testing/recording-sink';
import { decodeToCalls, gzip, pod, tarOf } from './testing/upload-fixtures';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * A gzip bomb: concatenated gzip members (which gunzip joins into one stream), each inflating 1 KiB of
 * compressed data to 1 MiB of JSON white space, `[` first. `pulled()` tells how far it was read.
 */
function gzipBomb(members: number): { body: Readable; pulled: () => number } {
  const blank = gzipSync(Buffer.alloc(MiB, ' '));
  let pulled = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    yield gzipSync('[');
    for (; pulled < members; pulled += 1) yield blank;
    yield gzipSync(']');
  }
  return { body: Readable.from(chunks()), pulled: () => pulled };
}

function decodeBody(
  body: Readable,
  contentType: string,
  encoding: string | undefined,
  limits: Partial<UploadLimits>,
) {
  return decodeUpload(
    body,
    contentType,
    encoding,
    { ...DEFAULT_UPLOAD_LIMITS, ...limits },
    new RecordingSink(),
  );
}

const paddedList = (bytes: number): string => {
  const list = JSON.stringify({ items: [pod('a')], kind: 'List' });
  return list + ' '.repeat(bytes - list.length);
};

describe('size limits are enforced while streaming', () => {
  it('stops a gzip bomb at the JSON limit, long before it is inflated', async () => {
    const bomb = gzipBomb(1024);
    await expect(
      decodeBody(bomb.body, 'application/json', 'gzip', { jsonBytes: 4 * MiB }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'JSON after decompression exceeds 4 MiB (PODREACH_MAX_JSON_BYTES)',
    });
    expect(bomb.pulled()).toBeLessThan(64);
  });

  it('stops a gzip bomb sent as YAML at the YAML limit', async () => {
    const bomb = gzipBomb(1024);
    await expect(
      decodeBody(bomb.body, 'application/yaml', 'gzip', { yamlBytes: 2 * MiB }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'YAML after decompression exceeds 2 MiB (PODREACH_MAX_YAML_BYTES)',
    });
    expect(bomb.pulled()).toBeLessThan(64);
  });

  it('stops reading a body that never ends at the upload limit, and leaves it to the caller', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (async function* () {
        for (;;) {
          pulled += 1;
          yield Buffer.alloc(KiB, ' ');
        }
      })(),
    );
    await expect(
      decodeBody(endless, 'application/json', undefined, { wireBytes: 100 * KiB }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'upload as sent (before decompression) exceeds 100 KiB (PODREACH_MAX_UPLOAD_BYTES)',
    });
    expect(pulled).toBeLessThan(200);
    expect(endless.destroyed).toBe(false);
  });

  it.each([
    { limit: 'JSON', contentType: 'application/json', limits: { jsonBytes: 2000 } },
    { limit: 'YAML', contentType: 'application/yaml', limits: { yamlBytes: 2000 } },
    { limit: 'upload', contentType: 'application/json', limits: { wireBytes: 2000 } },
  ])('a body of exactly the $limit limit passes, one byte more does not', async ({ contentType, limits }) => {
    await expect(decodeToCalls(paddedList(2000), { contentType, limits })).resolves.toHaveLength(1);
    await expect(decodeToCalls(paddedList(2001), { contentType, limits })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('counts compressed bytes against the upload limit and inflated bytes against the JSON limit', async () => {
    const body = gzip(paddedList(64 * KiB));
    expect(body.length).toBeLessThan(2 * KiB);
    const request = { contentType: 'application/json', contentEncoding: 'gzip' };
    await expect(decodeToCalls(body, { ...request, limits: { wireBytes: 2 * KiB } })).resolves.toHaveLength(
      1,
    );
    await expect(decodeToCalls(body, { ...request, limits: { jsonBytes: 32 * KiB } })).rejects.toMatchObject({
      message: 'JSON after decompression exceeds 32 KiB (PODREACH_MAX_JSON_BYTES)',
    });
  });
});

describe('limits over a tar archive', () => {
  it('sums the JSON files of an archive against the JSON limit', async () => {
    const archive = await tarOf([
      { name: 'a.json', content: paddedList(600) },
      { name: 'b.json', content: paddedList(600) },
    ]);
    const request = { contentType: 'application/x-tar', limits: { jsonBytes: 1000 } };
    await expect(decodeToCalls(archive, request)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'JSON after decompression exceeds 1000 bytes (PODREACH_MAX_JSON_BYTES)',
    });
  });

  it('keeps YAML and JSON limits apart', async () => {
    const archive = await tarOf([
      { name: 'a.json', content: paddedList(40 * KiB) },
      { name: 'b.yaml', content: `kind: Pod\n#${'x'.repeat(40 * KiB)}\n` },
    ]);
    const limits = { jsonBytes: 50 * KiB, yamlBytes: 50 * KiB };
    await expect(decodeToCalls(archive, { contentType: 'application/x-tar', limits })).resolves.toHaveLength(
      2,
    );
  });

  it('stops a tar.gz whose skipped files inflate past both limits together', async () => {
    const archive = await tarOf([
      { name: 'pod.yaml', content: 'kind: Pod\n' },
      { name: 'padding.bin', content: Buffer.alloc(8 * MiB) },
    ]);
    const request = { contentType: 'application/gzip', limits: { jsonBytes: 1 * MiB, yamlBytes: 1 * MiB } };
    await expect(decodeToCalls(gzip(archive), request)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message:
        'archive after decompression exceeds 2 MiB (PODREACH_MAX_JSON_BYTES + PODREACH_MAX_YAML_BYTES)',
    });
  });
});
