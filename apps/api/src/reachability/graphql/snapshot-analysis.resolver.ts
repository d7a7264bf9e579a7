import { Args, ArgsType, Field, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs, pageAt, pageOf, pageWindow, pagedComplexity } from '../../graphql/paging';
import { Snapshot } from '../../snapshots/graphql/snapshot.models';
import { AnalysisService } from '../analysis.service';
import { ANALYSIS_COST, ConnectionArgs, DirectionArgs, directionQuery, optionsOf } from './analysis.args';
import { checkAnswer, connectivity, directionAnswer } from './answer-shapes';
import { CheckAnswer, Connectivity, DirectionAnswer } from './answers.models';
import { GranularityEnum } from './graphql-enums';
import { labelList, podNode, workloadNode } from './target-shapes';
import { NamespacePage, Pod, PodPage, PolicyPage, Workload, WorkloadPage } from './target.models';

@ArgsType()
class FilterArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field(() => String, { nullable: true, description: 'kubectl syntax: `app=web,tier in (a,b),!legacy`' })
  labelSelector?: string;
}

@ArgsType()
class NamespaceArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  namespace?: string;
}

@ArgsType()
class WhoCanReachArgs extends DirectionArgs {
  @Field()
  namespace!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Workload kind, or `Pod`; optional when unambiguous' })
  kind?: string;
}

@ArgsType()
class CheckArgs extends ConnectionArgs {
  @Field({ description: '`namespace/Kind/name`, `namespace/name` when unambiguous, or an IP address' })
  from!: string;

  @Field({ description: '`namespace/Kind/name`, `namespace/name` when unambiguous, or an IP address' })
  to!: string;
}

@ArgsType()
class ConnectivityArgs extends PageArgs {
  @Field(() => GranularityEnum, { defaultValue: GranularityEnum.workload })
  granularity!: GranularityEnum;

  @Field({ defaultValue: false, description: 'Whether NetworkPolicy ipBlock peers also match pod IPs' })
  ipBlockMatchesPods!: boolean;
}

/** The snapshot's model and analyses: each field delegates to AnalysisService. */
@Resolver(() => Snapshot)
export class SnapshotAnalysisResolver {
  constructor(private readonly analyses: AnalysisService) {}

  @ResolveField(() => NamespacePage, { complexity: pagedComplexity() })
  async namespaces(@Parent() snapshot: Snapshot, @Args() page: PageArgs): Promise<NamespacePage> {
    const namespaces = await this.analyses.namespaces(snapshot.id);
    return pageOf(namespaces, page, (n) => ({ name: n.name, labels: labelList(n.labels) }));
  }

  @ResolveField(() => WorkloadPage, { complexity: pagedComplexity() })
  async workloads(@Parent() snapshot: Snapshot, @Args() args: FilterArgs): Promise<WorkloadPage> {
    // Only the page asked for leaves the worker.
    const window = pageWindow(args);
    const { items, total } = await this.analyses.workloads(snapshot.id, filterOf(args), window);
    return pageAt(
      items.map((w) => workloadNode(snapshot.id, w)),
      window.start,
      total,
    );
  }

  @ResolveField(() => PodPage, { complexity: pagedComplexity() })
  async pods(@Parent() snapshot: Snapshot, @Args() args: FilterArgs): Promise<PodPage> {
    const window = pageWindow(args);
    const { items, total } = await this.analyses.pods(snapshot.id, filterOf(args), window);
    return pageAt(
      items.map((p) => podNode(snapshot.id, p)),
      window.start,
      total,
    );
  }

  @ResolveField(() => PolicyPage, { complexity: pagedComplexity() })
  async policies(@Parent() snapshot: Snapshot, @Args() args: NamespaceArgs): Promise<PolicyPage> {
    const policies = await this.analyses.policies(snapshot.id, args.namespace ?? undefined);
    return pageOf(policies, args, (p) => ({ ...p, labels: labelList(p.labels) }));
  }

  @ResolveField(() => Workload, { description: 'NOT_FOUND when absent; the kind is matched ignoring case' })
  async workload(
    @Parent() snapshot: Snapshot,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @Args('kind') kind: string,
  ): Promise<Workload> {
    return workloadNode(snapshot.id, await this.analyses.workload(snapshot.id, namespace, kind, name));
  }

  @ResolveField(() => Pod, { description: 'A live pod; NOT_FOUND when absent' })
  async pod(
    @Parent() snapshot: Snapshot,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
  ): Promise<Pod> {
    return podNode(snapshot.id, await this.analyses.pod(snapshot.id, namespace, name));
  }

  @ResolveField(() => DirectionAnswer, {
    complexity: pagedComplexity(ANALYSIS_COST),
    description: 'Who may reach this workload or pod: the same answer as its `ingress`',
  })
  async whoCanReach(@Parent() snapshot: Snapshot, @Args() args: WhoCanReachArgs): Promise<DirectionAnswer> {
    const target = await this.analyses.target(snapshot.id, args.namespace, args.name, args.kind ?? undefined);
    const answer = await this.analyses.direction(
      snapshot.id,
      'ingress',
      target,
      directionQuery(args),
      optionsOf(args),
    );
    return directionAnswer(answer, args);
  }

  @ResolveField(() => CheckAnswer, { complexity: ANALYSIS_COST })
  async check(@Parent() snapshot: Snapshot, @Args() args: CheckArgs): Promise<CheckAnswer> {
    const query = { protocol: args.protocol, port: args.port ?? undefined };
    return checkAnswer(await this.analyses.check(snapshot.id, args.from, args.to, query, optionsOf(args)));
  }

  @ResolveField(() => Connectivity, { complexity: pagedComplexity(ANALYSIS_COST) })
  async connectivity(@Parent() snapshot: Snapshot, @Args() args: ConnectivityArgs): Promise<Connectivity> {
    // Only the page asked for leaves the worker.
    const window = pageWindow(args);
    const { answer, total } = await this.analyses.connectivitySlice(
      snapshot.id,
      args.granularity,
      optionsOf(args),
      window,
    );
    return connectivity(answer, window.start, total);
  }
}

function filterOf(args: FilterArgs) {
  return { namespace: args.namespace ?? undefined, selector: args.labelSelector ?? undefined };
}
