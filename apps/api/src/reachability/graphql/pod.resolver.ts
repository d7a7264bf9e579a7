import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TargetRef } from '@podreach/policy-engine';
import { pagedComplexity } from '../../graphql/paging';
import { AnalysisService } from '../analysis.service';
import { ANALYSIS_COST, CanReachArgs, DirectionArgs } from './analysis.args';
import { CheckAnswer, DirectionAnswer } from './answers.models';
import { PolicyRef } from './common.models';
import { TargetFields } from './target-fields';
import { workloadNode } from './target-shapes';
import { Isolation, Pod, Workload } from './target.models';

/** Pod fields that need the analysis; each delegates to AnalysisService through TargetFields. */
@Resolver(() => Pod)
export class PodResolver {
  private readonly fields: TargetFields;

  constructor(private readonly analyses: AnalysisService) {
    this.fields = new TargetFields(analyses);
  }

  @ResolveField(() => Workload, { description: 'The top-level workload the pod belongs to' })
  async workload(@Parent() pod: Pod): Promise<Workload> {
    const { namespace, kind, name } = pod.view.workload;
    return workloadNode(pod.snapshotId, await this.analyses.workload(pod.snapshotId, namespace, kind, name));
  }

  @ResolveField(() => Isolation)
  async isolation(@Parent() pod: Pod): Promise<Isolation> {
    return this.fields.isolation(pod.snapshotId, this.target(pod));
  }

  @ResolveField(() => [PolicyRef], { description: 'The policies that select it, in either direction' })
  async policies(@Parent() pod: Pod): Promise<PolicyRef[]> {
    return this.fields.policies(pod.snapshotId, this.target(pod));
  }

  @ResolveField(() => DirectionAnswer, { complexity: pagedComplexity(ANALYSIS_COST) })
  async ingress(@Parent() pod: Pod, @Args() args: DirectionArgs): Promise<DirectionAnswer> {
    return this.fields.direction(pod.snapshotId, 'ingress', this.target(pod), args);
  }

  @ResolveField(() => DirectionAnswer, { complexity: pagedComplexity(ANALYSIS_COST) })
  async egress(@Parent() pod: Pod, @Args() args: DirectionArgs): Promise<DirectionAnswer> {
    return this.fields.direction(pod.snapshotId, 'egress', this.target(pod), args);
  }

  @ResolveField(() => CheckAnswer, { complexity: ANALYSIS_COST })
  async canReach(@Parent() pod: Pod, @Args() args: CanReachArgs): Promise<CheckAnswer> {
    return this.fields.canReach(pod.snapshotId, this.target(pod), args.to, args);
  }

  /** A template pod has no identity of its own: questions about it are questions about its workload. */
  private target(pod: Pod): TargetRef {
    if (!pod.template) return { type: 'pod', namespace: pod.namespace, name: pod.name };
    return { type: 'workload', ...pod.view.workload };
  }
}
