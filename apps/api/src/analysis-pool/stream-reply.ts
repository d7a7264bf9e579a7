import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Sends what a worker task streams (see `RunOptions.onChunk`) as the response body. The status and headers go
 * out with the first chunk, so a task that fails before producing anything still gets the usual error response.
 */
export async function sendStreamed(
  reply: FastifyReply,
  contentType: string,
  task: (emit: (chunk: string) => void) => Promise<unknown>,
): Promise<void> {
  const body = new PassThrough();
  let started!: () => void;
  const firstChunk = new Promise<void>((resolve) => (started = resolve));
  const done = task((chunk) => {
    body.write(chunk);
    started();
  });
  await Promise.race([firstChunk, done]);
  done.then(
    () => body.end(),
    (error: Error) => body.destroy(error),
  );
  await reply.header('content-type', contentType).send(body);
}
