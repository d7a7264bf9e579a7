import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PolicyRefDto } from './answer.dto';

export class WorkloadRefDto {
  @ApiProperty()
  namespace!: string;

  @ApiProperty({ example: 'Deployment' })
  kind!: string;

  @ApiProperty()
  name!: string;
}

export class PodDto {
  @ApiProperty()
  namespace!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: { app: 'web' } })
  labels!: Record<string, string>;

  @ApiProperty({ type: [String] })
  ips!: string[];

  @ApiPropertyOptional()
  nodeName?: string;

  @ApiProperty()
  hostNetwork!: boolean;

  @ApiProperty({ description: 'The template pod of a workload manifest: no IP, stands for its pods' })
  template!: boolean;

  @ApiProperty({ type: WorkloadRefDto })
  workload!: WorkloadRefDto;
}

export class WorkloadDto {
  @ApiProperty()
  namespace!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'StatefulSet', description: '`Pod` for a pod without controller' })
  kind!: string;

  @ApiProperty({ description: 'A manifest without live pods in the snapshot' })
  template!: boolean;

  @ApiProperty({ description: 'The labels every pod of the workload carries' })
  labels!: Record<string, string>;

  @ApiProperty({ type: [String] })
  ips!: string[];

  @ApiProperty({ type: [PodDto] })
  pods!: PodDto[];
}

export class WorkloadListDto {
  @ApiProperty({ type: [WorkloadDto] })
  items!: WorkloadDto[];
}

export class DirectionIsolationDto {
  @ApiProperty({ description: 'Some policy selects it for this direction' })
  isolated!: boolean;

  @ApiProperty({ type: [PolicyRefDto] })
  policies!: PolicyRefDto[];
}

export class IsolationDto {
  @ApiProperty({ type: DirectionIsolationDto })
  ingress!: DirectionIsolationDto;

  @ApiProperty({ type: DirectionIsolationDto })
  egress!: DirectionIsolationDto;
}

export class WorkloadDetailDto extends WorkloadDto {
  @ApiProperty({ type: IsolationDto })
  isolation!: IsolationDto;
}

export class PodDetailDto extends PodDto {
  @ApiProperty({ type: IsolationDto })
  isolation!: IsolationDto;
}
