import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ClusterDto {
  @ApiProperty({ example: 'prod' })
  name!: string;

  @ApiProperty({ type: 'integer' })
  snapshotCount!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Absent when the cluster has no snapshot' })
  newestSnapshotId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  newestSnapshotAt?: string;

  @ApiProperty({ type: 'integer', description: 'Snapshots kept (newest first); 0 keeps all' })
  keepNewest!: number;
}

export class RetentionInputDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Keep the newest N snapshots; 0 keeps all' })
  keepNewest!: number;
}

export class RetentionDto {
  @ApiProperty({ example: 'prod' })
  cluster!: string;

  @ApiProperty({ type: 'integer' })
  keepNewest!: number;

  @ApiProperty({ description: 'false while the cluster uses the configured default' })
  custom!: boolean;

  @ApiPropertyOptional({ type: 'integer', description: 'Snapshots deleted by applying it now' })
  deleted?: number;
}
