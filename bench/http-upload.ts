/** Uploads the generated cluster to a running service, as a client with a large dump would. */
import { createReadStream } from 'node:fs';
import { request } from 'node:http';

export interface UploadAnswer {
  status: number;
  body: string;
}

/**
 * POSTs the gzipped kubectl List file as a stream to `url` (`.../api/v1/snapshots?cluster=...`) with the
 * API key as a bearer token, and collects the answer.
 */
export function uploadGzippedList(url: URL, file: string, apiKey: string): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      authorization: `Bearer ${apiKey}`,
    };
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    createReadStream(file).on('error', reject).pipe(req);
  });
}

/** The URL an upload of a bench cluster goes to. */
export function benchUploadUrl(base: string, size: string, seed: number): URL {
  return new URL(`/api/v1/snapshots?cluster=bench-${size}&label=seed-${seed}`, base);
}
