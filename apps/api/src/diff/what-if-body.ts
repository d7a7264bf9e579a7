import { Readable } from 'node:stream';
import { EngineError, type WhatIfDeletion, type WhatIfInput } from '@podreach/policy-engine';
import { ApiError } from '../common/api-error';

/** Media types whose body is the manifests themselves (YAML is a superset of JSON, so JSON lists fit too). */
export const MANIFEST_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'] as const;

/** Reads a request body stream as UTF-8 text, failing with LIMIT_EXCEEDED beyond `limit` bytes. */
export async function readBody(body: unknown, limit: number): Promise<string> {
  if (!(body instanceof Readable)) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError('LIMIT_EXCEEDED', `Request body exceeds ${limit} bytes`, { limit });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The what-if a request asks for: a YAML body is the manifests alone; a JSON body is
 * `{ "manifests": "<YAML or JSON text>", "deletions": [{ "kind", "namespace", "name" }] }`, both optional.
 * Broken JSON is PARSE_ERROR, a wrong shape BAD_USER_INPUT naming the field, any other media type 415.
 */
export function parseWhatIfBody(contentType: string | undefined, text: string): WhatIfInput {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if ((MANIFEST_MEDIA_TYPES as readonly string[]).includes(mediaType)) return { manifests: text };
  if (mediaType !== 'application/json') {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type ${contentType ?? '(none)'} is not accepted here; send application/json or application/yaml`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new EngineError('PARSE_ERROR', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(body)) throw bad('body', 'The body must be a JSON object with manifests and/or deletions');
  const { manifests = '', deletions = [] } = body;
  if (typeof manifests !== 'string') {
    throw bad('manifests', 'manifests must be a string of YAML or JSON text');
  }
  if (!Array.isArray(deletions)) throw bad('deletions', 'deletions must be a list');
  return { manifests, deletions: deletions.map(deletionOf) };
}

function deletionOf(value: unknown, index: number): WhatIfDeletion {
  const field = `deletions[${index}]`;
  if (!isRecord(value)) throw bad(field, `${field} must be an object with kind, namespace and name`);
  const { kind, namespace, name } = value;
  if (typeof kind !== 'string' || kind === '') throw bad(`${field}.kind`, `${field}.kind is required`);
  if (typeof name !== 'string' || name === '') throw bad(`${field}.name`, `${field}.name is required`);
  if (namespace !== undefined && typeof namespace !== 'string') {
    throw bad(`${field}.namespace`, `${field}.namespace must be a string`);
  }
  return namespace === undefined ? { kind, name } : { kind, namespace, name };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(field: string, message: string): EngineError {
  return new EngineError('BAD_USER_INPUT', message, { field });
}
