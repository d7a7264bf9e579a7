import type { Readable } from 'node:stream';
import { EngineError } from '@podreach/policy-engine';
import { ByteBudget, metered } from './byte-budget';
import { bodyChunks, gunzip, peek } from './byte-streams';
import type { DocumentSink } from './document-sink';
import { readJsonStream } from './json-stream';
import { readTarArchive, type ArchiveBudgets } from './tar-archive';
import {
  SNIFF_BYTES,
  formatOfContentType,
  isGzipEncoding,
  sniffFormat,
  type UploadFormat,
} from './upload-format';
import { readYamlDocuments } from './yaml-documents';

/** Size limits of one upload; each one exceeded is a LIMIT_EXCEEDED (413). */
export interface UploadLimits {
  /** Bytes received, before any decompression. */
  wireBytes: number;
  /** Bytes of JSON after decompression, summed over all JSON files of an archive. */
  jsonBytes: number;
  /** Bytes of YAML after decompression, summed over all YAML files of an archive. */
  yamlBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  wireBytes: 256 * MiB,
  jsonBytes: 2048 * MiB,
  yamlBytes: 256 * MiB,
};

/** How problems name an upload that is not an archive. */
const BODY = 'body';

/**
 * Decodes an upload as it streams in and adds its documents to `builder`: JSON (streamed object by
 * object), YAML (multi-document), a tar archive of manifests, any of them gzip-compressed, or raw
 * bytes whose format is sniffed. Every limit is counted while streaming, so nothing is read or
 * inflated far past it.
 *
 * Throws EngineError: BAD_USER_INPUT for an unsupported Content-Type or Content-Encoding,
 * PARSE_ERROR for input that cannot be read (naming the document and, where known, the line),
 * LIMIT_EXCEEDED with the limit and its setting. Errors of the builder pass through unchanged. On
 * an error `body` is left unread, not destroyed: the caller still answers on its connection.
 */
export async function decodeUpload(
  body: Readable,
  contentType: string | undefined,
  contentEncoding: string | undefined,
  limits: UploadLimits,
  builder: DocumentSink,
): Promise<void> {
  const format = formatOfContentType(contentType);
  const compressed = isGzipEncoding(contentEncoding);
  const budgets: ArchiveBudgets = {
    json: new ByteBudget(limits.jsonBytes, 'JSON after decompression', 'PODREACH_MAX_JSON_BYTES'),
    yaml: new ByteBudget(limits.yamlBytes, 'YAML after decompression', 'PODREACH_MAX_YAML_BYTES'),
  };
  const received = metered(
    bodyChunks(body),
    new ByteBudget(limits.wireBytes, 'upload as sent (before decompression)', 'PODREACH_MAX_UPLOAD_BYTES'),
  );
  await readContent(compressed ? gunzip(received, BODY) : received, format, budgets, builder);
}

async function readContent(
  bytes: AsyncGenerator<Buffer>,
  format: UploadFormat,
  budgets: ArchiveBudgets,
  sink: DocumentSink,
): Promise<void> {
  switch (format) {
    case 'json':
      return readJsonStream(metered(bytes, budgets.json), BODY, sink);
    case 'yaml':
      return readYamlDocuments(metered(bytes, budgets.yaml), BODY, sink);
    case 'tar':
      return readTarArchive(bytes, budgets, sink);
    case 'gzip': {
      const inflated = await peek(gunzip(bytes, BODY), SNIFF_BYTES);
      const inner = sniffFormat(inflated.head);
      if (inner === 'gzip') {
        await inflated.abandon();
        throw new EngineError('PARSE_ERROR', `${BODY}: gzip inside gzip is not supported`, {
          document: BODY,
        });
      }
      return readContent(inflated.stream, inner, budgets, sink);
    }
    case 'sniff': {
      const sniffed = await peek(bytes, SNIFF_BYTES);
      return readContent(sniffed.stream, sniffFormat(sniffed.head), budgets, sink);
    }
  }
}
