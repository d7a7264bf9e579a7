import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, pageOf, pageSize, pagedComplexity } from '../../graphql/paging';
import type { WarningModel } from '../../reachability/graphql/common.models';
import { parseClusterName } from '../snapshot-input';
import type { SnapshotRecord } from '../snapshots.repository';
import { SnapshotsService } from '../snapshots.service';
import { ClusterPage, Snapshot, SnapshotPage, type SkippedKind } from './snapshot.models';

/** A stored snapshot in GraphQL's shape. */
export function snapshotNode(record: SnapshotRecord): Snapshot {
  return {
    id: record.id,
    cluster: record.cluster,
    label: record.label,
    contentHash: record.contentHash,
    createdAt: record.createdAt,
    complete: record.complete,
    incompleteReasons: record.incompleteReasons,
    foreignPolicyKinds: record.foreignPolicyKinds,
    objectCount: record.objectCount,
    counts: Object.entries(record.counts as Record<string, number>).map(([kind, count]) => ({ kind, count })),
    skipped: record.skipped as unknown as SkippedKind[],
    warnings: record.warnings as unknown as WarningModel[],
  };
}

/** Clusters and snapshots: thin reads over SnapshotsService. */
@Resolver()
export class SnapshotsResolver {
  constructor(private readonly snapshotsService: SnapshotsService) {}

  @Query(() => ClusterPage, { complexity: pagedComplexity() })
  async clusters(@Args() page: PageArgs): Promise<ClusterPage> {
    const clusters = await this.snapshotsService.clusters();
    return pageOf(clusters, page, (c) => ({
      name: c.name,
      snapshotCount: c.snapshotCount,
      newestSnapshotId: c.newest?.id,
      keepNewest: c.keepNewest,
    }));
  }

  @Query(() => SnapshotPage, { complexity: pagedComplexity(), description: 'Newest first' })
  async snapshots(
    @Args() page: PageArgs,
    @Args('cluster', { type: () => String, nullable: true }) cluster?: string,
  ): Promise<SnapshotPage> {
    const result = await this.snapshotsService.list(
      cluster === undefined || cluster === null ? undefined : parseClusterName(cluster),
      pageSize(page.first, 1),
      page.after ?? undefined,
    );
    return {
      nodes: result.items.map(snapshotNode),
      pageInfo: { hasNextPage: result.nextCursor !== undefined, endCursor: result.nextCursor ?? null },
    };
  }

  @Query(() => Snapshot, { description: 'A snapshot by id; NOT_FOUND when there is none' })
  async snapshot(@Args('id', { type: () => ID }) id: string): Promise<Snapshot> {
    return snapshotNode(await this.snapshotsService.get(id));
  }
}
