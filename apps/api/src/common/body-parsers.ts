import type { Readable } from 'node:stream';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

interface UploadRouteConfig {
  rawUpload?: boolean;
}

/**
 * Marks a route whose body arrives as the raw request stream, whatever its Content-Type: uploads are
 * decoded as a stream (JSON object by object, gzip, tar) instead of being buffered and parsed whole.
 */
export const RawUpload = (): MethodDecorator => RouteConfig({ rawUpload: true } satisfies UploadRouteConfig);

function isRawUpload(request: FastifyRequest): boolean {
  return (request.routeOptions.config as UploadRouteConfig | undefined)?.rawUpload === true;
}

async function readLimited(payload: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError('LIMIT_EXCEEDED', `Request body exceeds ${limit} bytes`, { limit });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Replaces Fastify's body parsers. Routes marked with `@RawUpload()` receive the payload stream as
 * `request.body` for every media type; every other route gets JSON parsed as Fastify does (with its
 * prototype-poisoning protection) within `bodyLimit`, and a 415 for other media types.
 */
export function registerBodyParsers(instance: FastifyInstance, bodyLimit: number): void {
  const parseJson = instance.getDefaultJsonParser('error', 'error');
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('application/json', async (request: FastifyRequest, payload: Readable) => {
    if (isRawUpload(request)) return payload;
    const text = await readLimited(payload, bodyLimit);
    return new Promise((resolve, reject) =>
      parseJson(request, text, (error, body) => (error ? reject(error) : resolve(body))),
    );
  });
  instance.addContentTypeParser('*', async (request: FastifyRequest, payload: Readable) => {
    if (isRawUpload(request)) return payload;
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted here; send application/json`,
    );
  });
}
