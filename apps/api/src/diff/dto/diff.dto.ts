import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConnectionSetDto, OptionsDto, PeerDto, PolicyRefDto } from '../../reachability/dto/answer.dto';

export class DiffSnapshotRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiPropertyOptional()
  label?: string;
}

export class ObjectNameDto {
  @ApiProperty()
  kind!: string;

  @ApiPropertyOptional({ description: 'Absent for cluster-scoped objects' })
  namespace?: string;

  @ApiProperty()
  name!: string;
}

export class ChangeCauseDto {
  @ApiProperty({ enum: ['policy', 'isolation', 'labels', 'workload'] })
  kind!: string;

  @ApiPropertyOptional({ enum: ['ingress', 'egress'] })
  direction?: string;

  @ApiPropertyOptional({ type: PolicyRefDto })
  policy?: PolicyRefDto;

  @ApiPropertyOptional({ enum: ['added', 'removed', 'modified'] })
  change?: string;

  @ApiPropertyOptional({ type: ObjectNameDto })
  object?: ObjectNameDto;

  @ApiPropertyOptional({ type: [String], description: 'Changed label paths' })
  fields?: string[];

  @ApiProperty({ example: 'shop/default-deny (added) now isolates ingress of shop/api[Deployment]' })
  detail!: string;
}

export class WorkloadChangeDto {
  @ApiPropertyOptional({ enum: ['added', 'removed'] })
  src?: string;

  @ApiPropertyOptional({ enum: ['added', 'removed'] })
  dst?: string;
}

export class ConnectivityChangeDto {
  @ApiProperty({ enum: ['added', 'removed', 'changed'] })
  type!: string;

  @ApiProperty({ type: PeerDto })
  src!: PeerDto;

  @ApiProperty({ type: PeerDto })
  dst!: PeerDto;

  @ApiProperty({ type: ConnectionSetDto, nullable: true })
  before!: ConnectionSetDto | null;

  @ApiProperty({ type: ConnectionSetDto, nullable: true })
  after!: ConnectionSetDto | null;

  @ApiPropertyOptional({ type: WorkloadChangeDto, description: 'An end present in only one snapshot' })
  workloadChange?: WorkloadChangeDto;

  @ApiPropertyOptional({ enum: ['outside', 'public', 'allNamespaces'] })
  exposure?: string;

  @ApiProperty({ type: [ChangeCauseDto] })
  causedBy!: ChangeCauseDto[];
}

export class FieldChangeDto {
  @ApiProperty({ example: 'spec.podSelector.matchLabels["app.kubernetes.io/name"]' })
  path!: string;

  @ApiProperty({ description: 'Any JSON value; null where absent' })
  before!: unknown;

  @ApiProperty({ description: 'Any JSON value; null where absent' })
  after!: unknown;
}

export class ObjectChangeDto extends ObjectNameDto {
  @ApiProperty({ enum: ['added', 'removed', 'modified'] })
  change!: string;

  @ApiProperty({ type: [FieldChangeDto] })
  fields!: FieldChangeDto[];
}

export class DiffSummaryDto {
  @ApiProperty({ type: 'integer' })
  added!: number;

  @ApiProperty({ type: 'integer' })
  removed!: number;

  @ApiProperty({ type: 'integer' })
  changed!: number;

  @ApiProperty({ type: 'integer' })
  policiesChanged!: number;
}

export class WorkloadsDiffDto {
  @ApiProperty({ type: [PeerDto] })
  added!: PeerDto[];

  @ApiProperty({ type: [PeerDto] })
  removed!: PeerDto[];
}

export class DiffAnswerDto {
  @ApiProperty({ enum: [1] })
  schemaVersion!: number;

  @ApiProperty({ type: DiffSnapshotRefDto })
  base!: DiffSnapshotRefDto;

  @ApiProperty({ type: DiffSnapshotRefDto, nullable: true, description: 'null for a what-if' })
  head!: DiffSnapshotRefDto | null;

  @ApiProperty()
  whatIf!: boolean;

  @ApiProperty({ type: OptionsDto })
  options!: OptionsDto;

  @ApiProperty({ description: 'false when either side holds policies the analysis does not evaluate' })
  complete!: boolean;

  @ApiPropertyOptional({ type: [String] })
  incompleteReasons?: string[];

  @ApiProperty({ type: DiffSummaryDto })
  summary!: DiffSummaryDto;

  @ApiProperty({ type: [ConnectivityChangeDto], description: 'Exposures first, then by source, destination' })
  connectivity!: ConnectivityChangeDto[];

  @ApiProperty({ type: WorkloadsDiffDto })
  workloads!: WorkloadsDiffDto;

  @ApiProperty({ type: [ObjectChangeDto], description: 'Policies added, removed and modified' })
  policies!: ObjectChangeDto[];

  @ApiProperty({ type: [ObjectChangeDto], description: 'Label changes of namespaces and workloads' })
  labels!: ObjectChangeDto[];
}

export class WhatIfDeletionDto {
  @ApiProperty({ example: 'NetworkPolicy' })
  kind!: string;

  @ApiPropertyOptional({ description: 'Default `default` for namespaced kinds' })
  namespace?: string;

  @ApiProperty()
  name!: string;
}

export class WhatIfRequestDto {
  @ApiPropertyOptional({ description: 'YAML or JSON text of objects to add or replace' })
  manifests?: string;

  @ApiPropertyOptional({ type: [WhatIfDeletionDto], description: 'Objects to delete' })
  deletions?: WhatIfDeletionDto[];
}
