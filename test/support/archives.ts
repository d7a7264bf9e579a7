import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** A tar archive holding the given files, as `tar -cf` of a manifest folder would. */
export async function tarOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const archive = pack();
  for (const [name, content] of Object.entries(files)) archive.entry({ name }, content);
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const gzip = (data: string | Buffer): Buffer => gzipSync(data);
