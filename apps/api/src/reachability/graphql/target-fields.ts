import type { TargetRef } from '@podreach/policy-engine';
import type { PageArgs } from '../../graphql/paging';
import type { AnalysisService } from '../analysis.service';
import { ConnectionArgs, DirectionArgs, directionQuery, optionsOf } from './analysis.args';
import { checkAnswer, directionAnswer } from './answer-shapes';
import type { CheckAnswer, DirectionAnswer } from './answers.models';
import type { PolicyRef } from './common.models';
import type { Isolation } from './target.models';

/**
 * The analysis fields Workload and Pod share (isolation, policies, ingress, egress, canReach). They read the
 * snapshot's analysis in its worker: a list of a thousand workloads asks the database nothing more.
 */
export class TargetFields {
  constructor(private readonly analyses: AnalysisService) {}

  isolation(snapshotId: string, target: TargetRef): Promise<Isolation> {
    return this.analyses.isolation(snapshotId, target);
  }

  /** Every policy that selects the target, in either direction, each once. */
  async policies(snapshotId: string, target: TargetRef): Promise<PolicyRef[]> {
    const [selecting] = await this.analyses.selecting(snapshotId, [target]);
    const byKey = new Map<string, PolicyRef>();
    for (const ref of [...selecting.ingress, ...selecting.egress]) {
      byKey.set(`${ref.kind}/${ref.namespace ?? ''}/${ref.name}`, ref);
    }
    return [...byKey.values()];
  }

  async direction(
    snapshotId: string,
    direction: 'ingress' | 'egress',
    target: TargetRef,
    args: DirectionArgs & PageArgs,
  ): Promise<DirectionAnswer> {
    const answer = await this.analyses.direction(
      snapshotId,
      direction,
      target,
      directionQuery(args),
      optionsOf(args),
    );
    return directionAnswer(answer, args);
  }

  async canReach(
    snapshotId: string,
    target: TargetRef,
    to: string,
    args: ConnectionArgs,
  ): Promise<CheckAnswer> {
    const query = { protocol: args.protocol, port: args.port ?? undefined };
    return checkAnswer(await this.analyses.check(snapshotId, target, to, query, optionsOf(args)));
  }
}
