import { Readable } from 'node:stream';
import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RawUpload } from '../common/body-parsers';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { SnapshotDto, SnapshotPageDto, SnapshotUploadDto } from './dto/snapshot.dto';
import { parseClusterName, parseCount, parseIdempotencyKey, parseLabel } from './snapshot-input';
import { toSnapshot, toSnapshotSummary } from './snapshot-views';
import { SnapshotsService } from './snapshots.service';
import { SUPPORTED_CONTENT_TYPES } from './upload/upload-format';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

@ApiTags('snapshots')
@Controller('api/v1/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Post()
  @RawUpload()
  @ApiOperation({
    summary: 'Upload a cluster snapshot',
    description:
      '`kubectl get ... -o json|yaml` output (a List, typed list, single object or array), multi-document ' +
      'YAML, or a tar (optionally gzipped) of a manifest folder. `Content-Encoding: gzip` is accepted.',
  })
  @ApiConsumes(...SUPPORTED_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'cluster', required: true, example: 'prod' })
  @ApiQuery({ name: 'label', required: false, example: '2026-11-28' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes retries of an upload safe' })
  @ApiCreatedResponse({ type: SnapshotUploadDto, description: 'Stored' })
  @ApiOkResponse({ type: SnapshotUploadDto, description: 'Already stored: `duplicate` is true' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'Unparseable input' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'Idempotency-Key used for another upload' })
  @ApiResponse({ status: 413, type: ErrorBodyDto, description: 'A size or count limit was exceeded' })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'Invalid objects: `details.problems`' })
  async upload(
    @Query('cluster') cluster: unknown,
    @Query('label') label: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SnapshotUploadDto> {
    const { snapshot, duplicate } = await this.snapshots.ingest({
      cluster: parseClusterName(cluster),
      label: parseLabel(label),
      idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']),
      body: request.body instanceof Readable ? request.body : Readable.from([]),
      contentType: header(request, 'content-type'),
      contentEncoding: header(request, 'content-encoding'),
    });
    void reply.status(duplicate ? 200 : 201);
    return { ...toSnapshot(snapshot), duplicate };
  }

  @Get()
  @ApiOperation({ summary: 'List snapshots, newest first' })
  @ApiQuery({ name: 'cluster', required: false })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page' })
  @ApiOkResponse({ type: SnapshotPageDto })
  async list(
    @Query('cluster') cluster: unknown,
    @Query('limit') limit: unknown,
    @Query('cursor') cursor: unknown,
  ): Promise<SnapshotPageDto> {
    const page = await this.snapshots.list(
      cluster === undefined ? undefined : parseClusterName(cluster),
      parseCount(limit, 'limit', 50, 1, 500),
      typeof cursor === 'string' && cursor !== '' ? cursor : undefined,
    );
    return { items: page.items.map(toSnapshotSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A snapshot: metadata, counts per kind, warnings, completeness' })
  @ApiOkResponse({ type: SnapshotDto })
  @ApiResponse({ status: 404, type: ErrorBodyDto })
  async get(@Param('id') id: string): Promise<SnapshotDto> {
    return toSnapshot(await this.snapshots.get(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a snapshot and its objects' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, type: ErrorBodyDto })
  async delete(@Param('id') id: string): Promise<void> {
    await this.snapshots.delete(id);
  }
}
