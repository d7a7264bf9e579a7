import { Controller, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CONTENT_TYPES } from '@podreach/policy-engine';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendStreamed } from '../analysis-pool/stream-reply';
import { RawUpload } from '../common/body-parsers';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { parseFormat } from '../reachability/reachability-input';
import { analysisOptions, type QueryArgs } from '../reachability/rest-queries';
import { SnapshotExistsGuard } from '../reachability/snapshot-exists.guard';
import { ApiDiffQuery } from './diff-queries';
import { DiffService } from './diff.service';
import { DiffAnswerDto, WhatIfRequestDto } from './dto/diff.dto';
import { MANIFEST_MEDIA_TYPES, parseWhatIfBody, readBody } from './what-if-body';

/** What a proposed change would do to a stored snapshot, answered as a diff and never stored. */
@ApiTags('diff')
@Controller('api/v1/snapshots/:id')
@UseGuards(SnapshotExistsGuard)
@ApiParam({ name: 'id', format: 'uuid', description: 'Snapshot id' })
export class WhatIfController {
  constructor(
    private readonly diffs: DiffService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('what-if')
  @HttpCode(200)
  // The body is read here: JSON for the full request, or YAML for the manifests alone.
  @RawUpload()
  @ApiOperation({
    summary: 'The diff that applying manifests and deleting objects would make; nothing is stored',
    description:
      'Each object of the manifests replaces the one with the same kind, namespace and name, or is added; a ' +
      "changed workload's template replaces its live pods. The answer has `whatIf: true` and `head: null`.",
  })
  @ApiConsumes('application/json', ...MANIFEST_MEDIA_TYPES)
  @ApiBody({ type: WhatIfRequestDto, description: 'Or, as application/yaml, the manifests alone' })
  @ApiDiffQuery()
  @ApiOkResponse({ type: DiffAnswerDto, description: 'The diff in the requested format (JSON shown)' })
  @ApiResponse({ status: 413, type: ErrorBodyDto, description: 'The body is too large' })
  @ApiResponse({ status: 415, type: ErrorBodyDto, description: 'Neither JSON nor YAML' })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'Invalid manifests: `details.problems`' })
  async whatIf(
    @Param('id') id: string,
    @Query() args: QueryArgs,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const format = parseFormat(args.format);
    const options = analysisOptions(args);
    const text = await readBody(request.body, this.config.bodyLimitBytes);
    const input = parseWhatIfBody(request.headers['content-type'], text);
    // A question, not a creation: 200 like the diff of two stored snapshots.
    reply.status(200);
    await sendStreamed(reply, CONTENT_TYPES[format], (emit) =>
      this.diffs.renderWhatIf(id, input, options, { format, context: {} }, emit),
    );
  }
}
