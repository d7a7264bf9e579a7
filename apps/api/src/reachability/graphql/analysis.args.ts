import { ArgsType, Field, Int } from '@nestjs/graphql';
import type { AnalysisOptions, DirectionQuery } from '@podreach/policy-engine';
import { PageArgs } from '../../graphql/paging';
import { GranularityEnum, ProtocolEnum } from './graphql-enums';

/** Arguments of `ingress`, `egress` and `whoCanReach`. */
@ArgsType()
export class DirectionArgs extends PageArgs {
  @Field(() => ProtocolEnum, { nullable: true })
  protocol?: ProtocolEnum;

  @Field(() => Int, { nullable: true, description: '1-65535' })
  port?: number;

  @Field({ defaultValue: false, description: 'Whether NetworkPolicy ipBlock peers also match pod IPs' })
  ipBlockMatchesPods!: boolean;

  @Field(() => GranularityEnum, {
    nullable: true,
    description: 'Peers as workloads or pods; default `pod` for a pod, `workload` for a workload',
  })
  granularity?: GranularityEnum;
}

/** Arguments of `check` and `canReach`. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => ProtocolEnum, { nullable: true })
  protocol?: ProtocolEnum;

  @Field(() => Int, { nullable: true, description: '1-65535' })
  port?: number;

  @Field({ defaultValue: false, description: 'Whether NetworkPolicy ipBlock peers also match pod IPs' })
  ipBlockMatchesPods!: boolean;
}

@ArgsType()
export class CanReachArgs extends ConnectionArgs {
  @Field({ description: '`namespace/Kind/name`, `namespace/name` when unambiguous, or an IP address' })
  to!: string;
}

/**
 * The cost limit's estimate of a field that computes an analysis answer, on top of its pages: with the
 * default limit, about a thousand analyses in one request.
 */
export const ANALYSIS_COST = 200;

export function directionQuery(args: DirectionArgs): DirectionQuery {
  return { protocol: args.protocol, port: args.port ?? undefined, granularity: args.granularity };
}

export function optionsOf(args: { ipBlockMatchesPods: boolean }): AnalysisOptions {
  return { ipBlockMatchesPods: args.ipBlockMatchesPods };
}
