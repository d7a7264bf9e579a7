/** A snapshot upload over plain HTTP whose body the caller can cut short, as a crashing client or server would. */
import { request } from 'node:http';

export interface UploadAnswer {
  status: number;
  body: string;
}

export interface StreamedUpload {
  /** Resolves once the bytes to send are handed to the socket, or once the connection ended. */
  sent: Promise<void>;
  /** The answer, or the error the connection ended with (a killed service resets it). Never rejects. */
  answer: Promise<UploadAnswer | Error>;
}

/** Written in slices of this size, so that a cut can fall anywhere in a large body. */
const SLICE_BYTES = 64 * 1024;

/**
 * POSTs `body` as `application/json` to `url`, announcing its full length but sending only the first
 * `sendBytes` (all by default): the server then waits for the rest.
 */
export function streamUpload(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  sendBytes = body.length,
): StreamedUpload {
  const req = request(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) },
  });
  const answer = new Promise<UploadAnswer | Error>((resolve) => {
    req.on('error', resolve);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', resolve);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
  });
  const write = (slice: Buffer) => new Promise<void>((resolve) => req.write(slice, () => resolve()));
  const sent = (async () => {
    for (let offset = 0; offset < sendBytes && !req.destroyed; offset += SLICE_BYTES) {
      await Promise.race([write(body.subarray(offset, Math.min(offset + SLICE_BYTES, sendBytes))), answer]);
    }
    if (sendBytes === body.length && !req.destroyed) {
      await Promise.race([new Promise<void>((resolve) => req.end(() => resolve())), answer]);
    }
  })();
  return { sent, answer };
}
