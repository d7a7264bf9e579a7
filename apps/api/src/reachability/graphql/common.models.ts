import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DirectionEnum, PeerTypeEnum } from './graphql-enums';

@ObjectType({ description: 'An inclusive range of ports' })
export class PortRange {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType({
  description:
    'A set of connections: per protocol, sorted, disjoint, non-adjacent port ranges. `all` when TCP, UDP and ' +
    'SCTP are each open on 1-65535.',
})
export class ConnectionSet {
  @Field()
  all!: boolean;

  @Field(() => [PortRange])
  tcp!: PortRange[];

  @Field(() => [PortRange])
  udp!: PortRange[];

  @Field(() => [PortRange])
  sctp!: PortRange[];

  @Field({ description: '`All Connections`, `No Connections` or e.g. `TCP 80,8000-8080,UDP 53`' })
  text!: string;
}

@ObjectType({ description: 'A workload, a pod, or an inclusive range of outside addresses' })
export class Peer {
  @Field(() => PeerTypeEnum)
  type!: PeerTypeEnum;

  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Workloads only; `Pod` for a pod without controller' })
  kind?: string;

  @Field(() => String, { nullable: true, description: 'Address ranges only' })
  start?: string;

  @Field(() => String, { nullable: true, description: 'Address ranges only' })
  end?: string;

  @Field({ description: '`namespace/name[Kind]`, `namespace/name` or `start-end`' })
  text!: string;
}

@ObjectType()
export class PolicyRef {
  @Field()
  kind!: string;

  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'One rule of a policy that allowed (or, in admin tiers, decided) a connection' })
export class RuleRef {
  @Field({ description: 'admin, networkPolicy, baseline or default' })
  tier!: string;

  @Field(() => PolicyRef)
  policy!: PolicyRef;

  @Field(() => DirectionEnum)
  direction!: DirectionEnum;

  @Field(() => Int, { description: "Index in the policy's rule list of that direction" })
  rule!: number;

  @Field(() => String, { nullable: true })
  action?: string;

  @Field(() => String, { nullable: true })
  ruleName?: string;
}

@ObjectType('AnalysisOptions', { description: 'The options an answer used' })
export class AnalysisOptionsModel {
  @Field({ description: 'Whether NetworkPolicy ipBlock peers also match pod IPs' })
  ipBlockMatchesPods!: boolean;
}

@ObjectType('ObjectRef')
export class ObjectRefModel {
  @Field()
  kind!: string;

  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field()
  name!: string;
}

@ObjectType('Warning')
export class WarningModel {
  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field(() => ObjectRefModel, { nullable: true })
  object?: ObjectRefModel;
}

@ObjectType()
export class Label {
  @Field()
  key!: string;

  @Field()
  value!: string;
}
