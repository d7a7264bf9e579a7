import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Direction, DirectionAnswer, TargetRef } from '@podreach/policy-engine';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { AnalysisService } from './analysis.service';
import { SnapshotExistsGuard } from './snapshot-exists.guard';
import { DirectionAnswerDto } from './dto/answer.dto';
import { PodDetailDto, WorkloadDetailDto, WorkloadListDto } from './dto/workload.dto';
import { ApiDirectionQuery, analysisOptions, directionQuery, type QueryArgs } from './rest-queries';

/** Workloads and pods of a snapshot, and who may reach them or whom they may reach. */
@ApiTags('reachability')
@Controller('api/v1/snapshots/:id')
@UseGuards(SnapshotExistsGuard)
@ApiParam({ name: 'id', format: 'uuid', description: 'Snapshot id' })
export class TargetsController {
  constructor(private readonly analyses: AnalysisService) {}

  @Get('workloads')
  @ApiOperation({ summary: "The snapshot's workloads (a pod without controller is kind Pod)" })
  @ApiQuery({ name: 'namespace', required: false })
  @ApiQuery({ name: 'selector', required: false, example: 'app=web,tier in (a,b)' })
  @ApiOkResponse({ type: WorkloadListDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'Bad selector' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'Unknown snapshot or namespace' })
  async workloads(@Param('id') id: string, @Query() args: QueryArgs): Promise<WorkloadListDto> {
    const filter = {
      namespace: typeof args.namespace === 'string' && args.namespace !== '' ? args.namespace : undefined,
      selector: typeof args.selector === 'string' && args.selector !== '' ? args.selector : undefined,
    };
    return { items: (await this.analyses.workloads(id, filter)).items };
  }

  @Get('workloads/:namespace/:kind/:name')
  @ApiOperation({ summary: 'A workload: labels, pods, IPs and isolation per direction' })
  @ApiOkResponse({ type: WorkloadDetailDto })
  @ApiResponse({ status: 404, type: ErrorBodyDto })
  async workload(
    @Param('id') id: string,
    @Param('namespace') namespace: string,
    @Param('kind') kind: string,
    @Param('name') name: string,
  ): Promise<WorkloadDetailDto> {
    const workload = await this.analyses.workload(id, namespace, kind, name);
    const isolation = await this.analyses.isolation(id, { type: 'workload', namespace, kind, name });
    return { ...workload, isolation };
  }

  @Get('workloads/:namespace/:kind/:name/ingress')
  @ApiOperation({ summary: 'Who may reach this workload, on what, and by which rules' })
  @ApiDirectionQuery()
  @ApiOkResponse({ type: DirectionAnswerDto })
  workloadIngress(@Param() params: WorkloadParams, @Query() args: QueryArgs): Promise<DirectionAnswer> {
    return this.direction('ingress', params.id, workloadRef(params), args);
  }

  @Get('workloads/:namespace/:kind/:name/egress')
  @ApiOperation({ summary: 'Whom this workload may reach, on what, and by which rules' })
  @ApiDirectionQuery()
  @ApiOkResponse({ type: DirectionAnswerDto })
  workloadEgress(@Param() params: WorkloadParams, @Query() args: QueryArgs): Promise<DirectionAnswer> {
    return this.direction('egress', params.id, workloadRef(params), args);
  }

  @Get('pods/:namespace/:name')
  @ApiOperation({ summary: 'A live pod: labels, IPs, node and isolation per direction' })
  @ApiOkResponse({ type: PodDetailDto })
  @ApiResponse({ status: 404, type: ErrorBodyDto })
  async pod(
    @Param('id') id: string,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
  ): Promise<PodDetailDto> {
    const pod = await this.analyses.pod(id, namespace, name);
    const isolation = await this.analyses.isolation(id, { type: 'pod', namespace, name });
    return { ...pod, isolation };
  }

  @Get('pods/:namespace/:name/ingress')
  @ApiOperation({ summary: 'Who may reach this pod, on what, and by which rules' })
  @ApiDirectionQuery()
  @ApiOkResponse({ type: DirectionAnswerDto })
  podIngress(@Param() params: PodParams, @Query() args: QueryArgs): Promise<DirectionAnswer> {
    return this.direction('ingress', params.id, podRef(params), args);
  }

  @Get('pods/:namespace/:name/egress')
  @ApiOperation({ summary: 'Whom this pod may reach, on what, and by which rules' })
  @ApiDirectionQuery()
  @ApiOkResponse({ type: DirectionAnswerDto })
  podEgress(@Param() params: PodParams, @Query() args: QueryArgs): Promise<DirectionAnswer> {
    return this.direction('egress', params.id, podRef(params), args);
  }

  private direction(
    direction: Direction,
    id: string,
    target: TargetRef,
    args: QueryArgs,
  ): Promise<DirectionAnswer> {
    const query = directionQuery(args);
    const options = analysisOptions(args);
    return this.analyses.direction(id, direction, target, query, options);
  }
}

interface PodParams {
  id: string;
  namespace: string;
  name: string;
}

interface WorkloadParams extends PodParams {
  kind: string;
}

function workloadRef(params: WorkloadParams): TargetRef {
  return { type: 'workload', namespace: params.namespace, kind: params.kind, name: params.name };
}

function podRef(params: PodParams): TargetRef {
  return { type: 'pod', namespace: params.namespace, name: params.name };
}
