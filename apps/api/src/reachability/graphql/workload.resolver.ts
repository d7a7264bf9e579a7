import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TargetRef } from '@podreach/policy-engine';
import { PageArgs, pageOf, pagedComplexity } from '../../graphql/paging';
import { AnalysisService } from '../analysis.service';
import { ANALYSIS_COST, CanReachArgs, DirectionArgs } from './analysis.args';
import { CheckAnswer, DirectionAnswer } from './answers.models';
import { PolicyRef } from './common.models';
import { TargetFields } from './target-fields';
import { podNode } from './target-shapes';
import { Isolation, PodPage, Workload } from './target.models';

function targetOf(workload: Workload): TargetRef {
  return { type: 'workload', namespace: workload.namespace, kind: workload.kind, name: workload.name };
}

/** Workload fields that need the analysis; each delegates to AnalysisService through TargetFields. */
@Resolver(() => Workload)
export class WorkloadResolver {
  private readonly fields: TargetFields;

  constructor(analyses: AnalysisService) {
    this.fields = new TargetFields(analyses);
  }

  @ResolveField(() => PodPage, { complexity: pagedComplexity() })
  pods(@Parent() workload: Workload, @Args() page: PageArgs): PodPage {
    return pageOf(workload.view.pods, page, (p) => podNode(workload.snapshotId, p));
  }

  @ResolveField(() => Isolation)
  isolation(@Parent() workload: Workload): Promise<Isolation> {
    return this.fields.isolation(workload.snapshotId, targetOf(workload));
  }

  @ResolveField(() => [PolicyRef], { description: 'The policies that select it, in either direction' })
  policies(@Parent() workload: Workload): Promise<PolicyRef[]> {
    return this.fields.policies(workload.snapshotId, targetOf(workload));
  }

  @ResolveField(() => DirectionAnswer, { complexity: pagedComplexity(ANALYSIS_COST) })
  ingress(@Parent() workload: Workload, @Args() args: DirectionArgs): Promise<DirectionAnswer> {
    return this.fields.direction(workload.snapshotId, 'ingress', targetOf(workload), args);
  }

  @ResolveField(() => DirectionAnswer, { complexity: pagedComplexity(ANALYSIS_COST) })
  egress(@Parent() workload: Workload, @Args() args: DirectionArgs): Promise<DirectionAnswer> {
    return this.fields.direction(workload.snapshotId, 'egress', targetOf(workload), args);
  }

  @ResolveField(() => CheckAnswer, { complexity: ANALYSIS_COST })
  canReach(@Parent() workload: Workload, @Args() args: CanReachArgs): Promise<CheckAnswer> {
    return this.fields.canReach(workload.snapshotId, targetOf(workload), args.to, args);
  }
}
