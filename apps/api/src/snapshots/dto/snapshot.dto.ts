import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WarningDto {
  @ApiProperty({ example: 'CIDR_HOST_BITS' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ example: { kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-web' } })
  object?: { kind: string; namespace?: string; name: string };
}

export class SkippedKindDto {
  @ApiProperty({ example: 'ConfigMap' })
  kind!: string;

  @ApiPropertyOptional({ example: 'v1' })
  apiVersion?: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

/** What the list shows of a snapshot. */
export class SnapshotSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'prod' })
  cluster!: string;

  @ApiProperty({ example: '2026-11-28', description: 'Free text given at upload; may be empty' })
  label!: string;

  @ApiProperty({ description: 'Hash over the normalized objects: same content, same hash' })
  contentHash!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'false when something the analysis cannot see was uploaded' })
  complete!: boolean;

  @ApiProperty({ type: 'integer' })
  objectCount!: number;

  @ApiProperty({ description: 'Stored objects per kind', example: { Pod: 120, NetworkPolicy: 8 } })
  counts!: Record<string, number>;
}

/** A snapshot's metadata in full. */
export class SnapshotDto extends SnapshotSummaryDto {
  @ApiProperty({ type: [String], description: 'Why the snapshot is incomplete' })
  incompleteReasons!: string[];

  @ApiProperty({ type: [String], example: ['CiliumNetworkPolicy'] })
  foreignPolicyKinds!: string[];

  @ApiProperty({
    type: [SkippedKindDto],
    description: 'Kinds podreach does not use; their contents are not kept',
  })
  skipped!: SkippedKindDto[];

  @ApiProperty({ type: [WarningDto] })
  warnings!: WarningDto[];
}

export class SnapshotUploadDto extends SnapshotDto {
  @ApiProperty({ description: 'true when this content was already stored for the cluster and label' })
  duplicate!: boolean;
}

export class SnapshotPageDto {
  @ApiProperty({ type: [SnapshotSummaryDto] })
  items!: SnapshotSummaryDto[];

  @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}
