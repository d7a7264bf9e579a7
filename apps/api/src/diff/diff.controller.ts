import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CONTENT_TYPES } from '@podreach/policy-engine';
import type { FastifyReply } from 'fastify';
import { sendStreamed } from '../analysis-pool/stream-reply';
import { parseFormat, parseRequired } from '../reachability/reachability-input';
import { analysisOptions, type QueryArgs } from '../reachability/rest-queries';
import { ApiDiffQuery } from './diff-queries';
import { DiffService } from './diff.service';
import { DiffAnswerDto } from './dto/diff.dto';

/** The diff of two stored snapshots: what a change does to who can reach what. */
@ApiTags('diff')
@Controller('api/v1/diff')
export class DiffController {
  constructor(private readonly diffs: DiffService) {}

  @Get()
  @ApiOperation({
    summary: 'What changes from one snapshot to another: connections, their causes, exposure, policies',
    description:
      'Connectivity changes per (src, dst) pair sorted exposures first, then by source and destination; ' +
      'policies added, removed and modified field by field; label changes of namespaces and workloads.',
  })
  @ApiQuery({ name: 'base', required: true, format: 'uuid', description: 'The snapshot before the change' })
  @ApiQuery({ name: 'head', required: true, format: 'uuid', description: 'The snapshot after the change' })
  @ApiDiffQuery()
  @ApiOkResponse({ type: DiffAnswerDto, description: 'The diff in the requested format (JSON shown)' })
  async diff(@Query() args: QueryArgs, @Res() reply: FastifyReply): Promise<void> {
    const base = parseRequired(args.base, 'base');
    const head = parseRequired(args.head, 'head');
    const format = parseFormat(args.format);
    const options = analysisOptions(args);
    // A cut-short Markdown comment points back at the whole answer, in JSON, with the same options.
    const full = new URLSearchParams({ base, head, format: 'json' });
    if (options.ipBlockMatchesPods) full.set('ipBlockMatchesPods', 'true');
    const context = { fullDiffUrl: `/api/v1/diff?${full.toString()}` };
    await sendStreamed(reply, CONTENT_TYPES[format], (emit) =>
      this.diffs.renderDiff(base, head, options, { format, context }, emit),
    );
  }
}
