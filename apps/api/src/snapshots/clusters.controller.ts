import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { ClusterDto, RetentionDto, RetentionInputDto } from './dto/cluster.dto';
import { parseClusterName, parseCount } from './snapshot-input';
import { SnapshotsService } from './snapshots.service';

@ApiTags('clusters')
@Controller('api/v1/clusters')
export class ClustersController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get()
  @ApiOperation({ summary: 'Clusters with their snapshot counts, newest snapshot and retention' })
  @ApiOkResponse({ type: [ClusterDto] })
  async list(): Promise<ClusterDto[]> {
    const clusters = await this.snapshots.clusters();
    return clusters.map((cluster) => ({
      name: cluster.name,
      snapshotCount: cluster.snapshotCount,
      newestSnapshotId: cluster.newest?.id,
      newestSnapshotAt: cluster.newest?.createdAt.toISOString(),
      keepNewest: cluster.keepNewest,
    }));
  }

  @Get(':name/retention')
  @ApiOperation({ summary: "A cluster's retention: how many snapshots are kept" })
  @ApiOkResponse({ type: RetentionDto })
  retention(@Param('name') name: string): Promise<RetentionDto> {
    return this.snapshots.retention(parseClusterName(name, 'name'));
  }

  @Put(':name/retention')
  @ApiOperation({ summary: 'Keep only the newest N snapshots of a cluster (0 keeps all); applies at once' })
  @ApiOkResponse({ type: RetentionDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto })
  setRetention(
    @Param('name') name: string,
    @Body() body: RetentionInputDto | undefined,
  ): Promise<RetentionDto> {
    const keepNewest = parseCount(body?.keepNewest, 'keepNewest', undefined, 0, 1_000_000);
    return this.snapshots.setRetention(parseClusterName(name, 'name'), keepNewest);
  }
}
