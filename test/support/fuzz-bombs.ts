import { gzipSync } from 'node:zlib';
import { tarOf } from './archives';
import type { WireBody } from './fuzz-encodings';

/** A decompression bomb: its name, and how to make its body (made on demand, as each is large to build). */
export interface Bomb {
  form: string;
  make(): Promise<WireBody>;
}

/**
 * Small bodies that inflate past `limit` bytes once decompressed: gzip of blank space around valid JSON
 * or of zeros, gzip inside gzip, a tar.gz holding one huge manifest, one huge file that is not a
 * manifest, or thousands of small manifests.
 */
export function bombs(limit: number): Bomb[] {
  const padding = (bytes: number) => `[${' '.repeat(bytes)}]`;
  const bomb = (form: string, make: () => Promise<Omit<WireBody, 'form'>>): Bomb => ({
    form,
    make: async () => ({ ...(await make()), form }),
  });
  const manyFiles = () =>
    Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`m/${i}.yaml`, `# ${'x'.repeat(limit / 500)}\n`]),
    );
  return [
    bomb('gzip-encoded JSON', async () => ({
      body: gzipSync(padding(limit * 4)),
      contentType: 'application/json',
      contentEncoding: 'gzip',
    })),
    bomb('gzip-encoded zeros sent as YAML', async () => ({
      body: gzipSync(Buffer.alloc(limit * 4)),
      contentType: 'application/yaml',
      contentEncoding: 'gzip',
    })),
    bomb('a gzip file of JSON', async () => ({
      body: gzipSync(padding(limit * 4)),
      contentType: 'application/gzip',
    })),
    bomb('gzip inside gzip', async () => ({
      body: gzipSync(gzipSync(padding(limit * 40))),
      contentType: 'application/gzip',
      contentEncoding: 'gzip',
    })),
    bomb('a tar.gz of one huge manifest', async () => ({
      body: gzipSync(await tarOf({ 'big.json': padding(limit * 4) })),
      contentType: 'application/gzip',
    })),
    bomb('a tar.gz of one huge file that is no manifest', async () => ({
      body: gzipSync(await tarOf({ 'big.bin': Buffer.alloc(limit * 4) })),
      contentType: 'application/octet-stream',
    })),
    bomb('a tar.gz of 2000 manifests', async () => ({
      body: gzipSync(await tarOf(manyFiles())),
      contentType: 'application/gzip',
    })),
  ];
}
