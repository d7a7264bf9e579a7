import { Args, ArgsType, Field, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs, pageOf, pagedComplexity } from '../../graphql/paging';
import { ANALYSIS_COST, optionsOf } from '../../reachability/graphql/analysis.args';
import { DiffService } from '../diff.service';
import { connectivityChange, diffNode, objectChange } from './diff-shapes';
import { ConnectivityChangePage, Diff, ObjectChangePage, WhatIfDeletionInput } from './diff.models';

const IP_BLOCK_MATCHES_PODS = 'Whether NetworkPolicy ipBlock peers also match pod IPs';

@ArgsType()
class DiffArgs {
  @Field(() => ID, { description: 'The snapshot before the change' })
  base!: string;

  @Field(() => ID, { description: 'The snapshot after the change' })
  head!: string;

  @Field({ defaultValue: false, description: IP_BLOCK_MATCHES_PODS })
  ipBlockMatchesPods!: boolean;
}

@ArgsType()
class WhatIfArgs {
  @Field(() => ID, { description: 'The stored snapshot to change' })
  snapshot!: string;

  @Field({ defaultValue: '', description: 'YAML or JSON text of objects to add or replace' })
  manifests!: string;

  @Field(() => [WhatIfDeletionInput], { defaultValue: [] })
  deletions!: WhatIfDeletionInput[];

  @Field({ defaultValue: false, description: IP_BLOCK_MATCHES_PODS })
  ipBlockMatchesPods!: boolean;
}

/** `diff` and `whatIf`: thin reads over DiffService, with the diff's long lists paged. */
@Resolver(() => Diff)
export class DiffResolver {
  constructor(private readonly diffs: DiffService) {}

  @Query(() => Diff, {
    complexity: ANALYSIS_COST,
    description: 'What changes from one stored snapshot to another; NOT_FOUND for an unknown snapshot',
  })
  async diff(@Args() args: DiffArgs): Promise<Diff> {
    return diffNode(await this.diffs.diff(args.base, args.head, optionsOf(args)));
  }

  @Query(() => Diff, {
    complexity: ANALYSIS_COST,
    description: 'The diff that applying manifests and deleting objects would make; nothing is stored',
  })
  async whatIf(@Args() args: WhatIfArgs): Promise<Diff> {
    const deletions = args.deletions.map(({ kind, namespace, name }) =>
      namespace === undefined || namespace === null ? { kind, name } : { kind, namespace, name },
    );
    const input = { manifests: args.manifests, deletions };
    return diffNode(await this.diffs.whatIf(args.snapshot, input, optionsOf(args)));
  }

  @ResolveField(() => ConnectivityChangePage, {
    complexity: pagedComplexity(),
    description: 'Exposures first, then by source, then by destination',
  })
  connectivity(@Parent() diff: Diff, @Args() page: PageArgs): ConnectivityChangePage {
    return pageOf(diff.answer.connectivity, page, connectivityChange);
  }

  @ResolveField(() => ObjectChangePage, {
    complexity: pagedComplexity(),
    description: 'Policies added, removed and modified, by kind, namespace and name',
  })
  policies(@Parent() diff: Diff, @Args() page: PageArgs): ObjectChangePage {
    return pageOf(diff.answer.policies, page, objectChange);
  }

  @ResolveField(() => ObjectChangePage, {
    complexity: pagedComplexity(),
    description: 'Label changes of namespaces, then workloads',
  })
  labels(@Parent() diff: Diff, @Args() page: PageArgs): ObjectChangePage {
    return pageOf(diff.answer.labels, page, objectChange);
  }
}
