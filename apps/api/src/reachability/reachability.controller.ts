import { Controller, Get, Param, Query, UseGuards, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CONNECTIVITY_FORMATS, CONTENT_TYPES } from '@podreach/policy-engine';
import type { CheckAnswer } from '@podreach/policy-engine';
import type { FastifyReply } from 'fastify';
import { sendStreamed } from '../analysis-pool/stream-reply';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { AnalysisService } from './analysis.service';
import { SnapshotExistsGuard } from './snapshot-exists.guard';
import { CheckAnswerDto } from './dto/answer.dto';
import { parseFormat, parseGranularity, parseRequired } from './reachability-input';
import {
  ApiConnectionQuery,
  ApiOptionsQuery,
  analysisOptions,
  connectionQuery,
  type QueryArgs,
} from './rest-queries';

const REFERENCE =
  '`namespace/Kind/name` (a workload, or `namespace/Pod/name`), `namespace/name` when unambiguous, or an IP';

/** Questions about a pair of endpoints and about the whole snapshot. */
@ApiTags('reachability')
@Controller('api/v1/snapshots/:id')
@UseGuards(SnapshotExistsGuard)
@ApiParam({ name: 'id', format: 'uuid', description: 'Snapshot id' })
export class ReachabilityController {
  constructor(private readonly analyses: AnalysisService) {}

  @Get('check')
  @ApiOperation({
    summary: 'May `from` open a connection to `to`? The verdict with both directions explained',
  })
  @ApiQuery({ name: 'from', required: true, description: REFERENCE, example: 'shop/Deployment/web' })
  @ApiQuery({ name: 'to', required: true, description: REFERENCE, example: 'payments/db' })
  @ApiConnectionQuery()
  @ApiOkResponse({ type: CheckAnswerDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'Bad reference; AMBIGUOUS names the candidates in `details.candidates`',
  })
  check(@Param('id') id: string, @Query() args: QueryArgs): Promise<CheckAnswer> {
    const from = parseRequired(args.from, 'from');
    const to = parseRequired(args.to, 'to');
    return this.analyses.check(id, from, to, connectionQuery(args), analysisOptions(args));
  }

  @Get('connectivity')
  @ApiOperation({
    summary: 'Every allowed connection of the snapshot, complete and streamed',
    description:
      'One entry per (src, dst), sorted by the text form of src, then dst. GraphQL pages the same answer.',
  })
  @ApiQuery({ name: 'format', required: false, enum: CONNECTIVITY_FORMATS, schema: { default: 'json' } })
  @ApiQuery({ name: 'granularity', required: false, enum: ['workload', 'pod'] })
  @ApiOptionsQuery()
  @ApiProduces(...new Set(Object.values(CONTENT_TYPES)))
  @ApiOkResponse({ description: 'The connectivity document in the requested format' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'Bad format, granularity or option' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'Unknown snapshot' })
  async connectivity(
    @Param('id') id: string,
    @Query() args: QueryArgs,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const format = parseFormat(args.format);
    const granularity = parseGranularity(args.granularity) ?? 'workload';
    const options = analysisOptions(args);
    // The worker renders the answer in chunks that go out as they come, never as one string in memory.
    await sendStreamed(reply, CONTENT_TYPES[format], (emit) =>
      this.analyses.renderConnectivity(id, granularity, options, format, emit),
    );
  }
}
