import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WarningDto } from '../../snapshots/dto/snapshot.dto';

export class PeerDto {
  @ApiProperty({ enum: ['workload', 'pod', 'ipRange'] })
  type!: string;

  @ApiPropertyOptional({ description: 'workload and pod' })
  namespace?: string;

  @ApiPropertyOptional({ description: 'workload and pod' })
  name?: string;

  @ApiPropertyOptional({ description: 'workload only; `Pod` for a pod without controller' })
  kind?: string;

  @ApiPropertyOptional({ description: 'ipRange only: first address (inclusive)' })
  start?: string;

  @ApiPropertyOptional({ description: 'ipRange only: last address (inclusive)' })
  end?: string;
}

export class ConnectionSetDto {
  @ApiProperty({ description: 'true only when TCP, UDP and SCTP are each open on 1-65535' })
  all!: boolean;

  @ApiPropertyOptional({
    description: 'Absent when `all`: protocol -> sorted, disjoint, non-adjacent inclusive port ranges',
    example: {
      TCP: [
        [80, 80],
        [8000, 8080],
      ],
      UDP: [[53, 53]],
    },
  })
  protocols?: Record<string, [number, number][]>;

  @ApiProperty({ example: 'TCP 80,8000-8080,UDP 53' })
  text!: string;
}

export class OptionsDto {
  @ApiProperty({ description: 'Whether NetworkPolicy ipBlock peers also match pod IPs (default false)' })
  ipBlockMatchesPods!: boolean;
}

export class PolicyRefDto {
  @ApiProperty({ example: 'NetworkPolicy' })
  kind!: string;

  @ApiPropertyOptional()
  namespace?: string;

  @ApiProperty()
  name!: string;
}

export class RuleRefDto {
  @ApiProperty({ enum: ['admin', 'networkPolicy', 'baseline', 'default'] })
  tier!: string;

  @ApiProperty({ type: PolicyRefDto })
  policy!: PolicyRefDto;

  @ApiProperty({ enum: ['ingress', 'egress'] })
  direction!: string;

  @ApiProperty({ type: 'integer', description: "Index in the policy's rule list of that direction" })
  rule!: number;

  @ApiPropertyOptional({ enum: ['Allow', 'Deny', 'Pass'] })
  action?: string;

  @ApiPropertyOptional()
  ruleName?: string;
}

/** Fields every answer has. */
export class AnswerMetaDto {
  @ApiProperty({ type: OptionsDto, description: 'The options the answer used' })
  options!: OptionsDto;

  @ApiProperty({ description: 'false when policies of other engines may block traffic not seen here' })
  complete!: boolean;

  @ApiPropertyOptional({ type: [String] })
  incompleteReasons?: string[];

  @ApiProperty({ type: [WarningDto] })
  warnings!: WarningDto[];
}

export class PeerConnectionDto {
  @ApiProperty({ type: PeerDto })
  peer!: PeerDto;

  @ApiProperty({ type: ConnectionSetDto })
  conn!: ConnectionSetDto;

  @ApiPropertyOptional({ description: 'Present (true) when pods of a workload disagree' })
  partial?: boolean;

  @ApiProperty({ type: [RuleRefDto], description: 'The rules that allow it' })
  rules!: RuleRefDto[];
}

export class DirectionAnswerDto extends AnswerMetaDto {
  @ApiProperty({ type: PeerDto })
  target!: PeerDto;

  @ApiProperty({ enum: ['ingress', 'egress'] })
  direction!: string;

  @ApiProperty()
  isolated!: boolean;

  @ApiProperty({ type: [PolicyRefDto] })
  isolatedBy!: PolicyRefDto[];

  @ApiPropertyOptional({ description: 'Present (true) for hostNetwork targets: policies do not apply' })
  unenforceable?: boolean;

  @ApiProperty({ type: [PeerConnectionDto] })
  peers!: PeerConnectionDto[];
}

export class DirectionVerdictDto {
  @ApiProperty({ enum: ['ingress', 'egress'] })
  direction!: string;

  @ApiPropertyOptional({ type: PeerDto, description: 'Absent when that end is an outside address' })
  subject?: PeerDto;

  @ApiProperty({ enum: ['allowed', 'denied', 'partial', 'notIsolated', 'notChecked'] })
  decision!: string;

  @ApiProperty({ type: ConnectionSetDto })
  conn!: ConnectionSetDto;

  @ApiProperty({ type: [PolicyRefDto] })
  isolatedBy!: PolicyRefDto[];

  @ApiProperty({ type: [RuleRefDto] })
  allowedBy!: RuleRefDto[];

  @ApiProperty()
  explanation!: string;
}

export class CheckAnswerDto extends AnswerMetaDto {
  @ApiProperty({ type: PeerDto })
  src!: PeerDto;

  @ApiProperty({ type: PeerDto })
  dst!: PeerDto;

  @ApiPropertyOptional({ enum: ['TCP', 'UDP', 'SCTP'] })
  protocol?: string;

  @ApiPropertyOptional({ type: 'integer' })
  port?: number;

  @ApiProperty()
  allowed!: boolean;

  @ApiProperty({ type: ConnectionSetDto })
  conn!: ConnectionSetDto;

  @ApiPropertyOptional()
  partial?: boolean;

  @ApiProperty({ type: DirectionVerdictDto })
  egress!: DirectionVerdictDto;

  @ApiProperty({ type: DirectionVerdictDto })
  ingress!: DirectionVerdictDto;
}
