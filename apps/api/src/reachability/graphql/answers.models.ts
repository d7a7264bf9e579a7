import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageOf } from '../../graphql/paging';
import { AnalysisOptionsModel, ConnectionSet, Peer, PolicyRef, RuleRef, WarningModel } from './common.models';
import { DirectionEnum, GranularityEnum, ProtocolEnum } from './graphql-enums';

/** Fields every answer has. */
@ObjectType({ isAbstract: true })
export abstract class AnswerMeta {
  @Field(() => AnalysisOptionsModel)
  options!: AnalysisOptionsModel;

  @Field({ description: 'false when policies of other engines may block traffic not seen here' })
  complete!: boolean;

  @Field(() => [String])
  incompleteReasons!: string[];

  @Field(() => [WarningModel])
  warnings!: WarningModel[];
}

@ObjectType({ description: 'A peer of a target, what it may open, and the rules that allow it' })
export class PeerConnection {
  @Field(() => Peer)
  peer!: Peer;

  @Field(() => ConnectionSet)
  conn!: ConnectionSet;

  @Field({ description: 'true when pods of a workload disagree' })
  partial!: boolean;

  @Field(() => [RuleRef])
  rules!: RuleRef[];
}

@ObjectType()
export class PeerConnectionPage extends PageOf(PeerConnection) {}

@ObjectType({ description: 'Who may reach a target (ingress), or whom it may reach (egress)' })
export class DirectionAnswer extends AnswerMeta {
  @Field(() => Peer)
  target!: Peer;

  @Field(() => DirectionEnum)
  direction!: DirectionEnum;

  @Field()
  isolated!: boolean;

  @Field(() => [PolicyRef])
  isolatedBy!: PolicyRef[];

  @Field({ description: 'true for hostNetwork targets: policies do not apply to them' })
  unenforceable!: boolean;

  @Field(() => PeerConnectionPage)
  peers!: PeerConnectionPage;
}

@ObjectType({ description: 'Why one direction (egress of the source or ingress of the destination) decided' })
export class DirectionVerdict {
  @Field(() => DirectionEnum)
  direction!: DirectionEnum;

  @Field(() => Peer, { nullable: true, description: 'Absent when that end is an outside address' })
  subject?: Peer;

  @Field({ description: 'allowed, denied, partial, notIsolated or notChecked' })
  decision!: string;

  @Field(() => ConnectionSet)
  conn!: ConnectionSet;

  @Field(() => [PolicyRef])
  isolatedBy!: PolicyRef[];

  @Field(() => [RuleRef])
  allowedBy!: RuleRef[];

  @Field()
  explanation!: string;
}

@ObjectType({ description: 'Whether a source may open a connection to a destination, and why' })
export class CheckAnswer extends AnswerMeta {
  @Field(() => Peer)
  src!: Peer;

  @Field(() => Peer)
  dst!: Peer;

  @Field(() => ProtocolEnum, { nullable: true })
  protocol?: ProtocolEnum;

  @Field(() => Int, { nullable: true })
  port?: number;

  @Field()
  allowed!: boolean;

  @Field(() => ConnectionSet)
  conn!: ConnectionSet;

  @Field({ description: 'true when pods of a workload end disagree' })
  partial!: boolean;

  @Field(() => DirectionVerdict)
  egress!: DirectionVerdict;

  @Field(() => DirectionVerdict)
  ingress!: DirectionVerdict;
}

@ObjectType({ description: 'One allowed (src, dst) pair' })
export class Connection {
  @Field(() => Peer)
  src!: Peer;

  @Field(() => Peer)
  dst!: Peer;

  @Field(() => ConnectionSet)
  conn!: ConnectionSet;

  @Field()
  partial!: boolean;
}

@ObjectType()
export class ConnectionPage extends PageOf(Connection) {}

@ObjectType({ description: 'Every allowed connection of a snapshot, sorted by source then destination' })
export class Connectivity extends AnswerMeta {
  @Field(() => GranularityEnum)
  granularity!: GranularityEnum;

  @Field(() => ConnectionPage)
  connections!: ConnectionPage;
}
