import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo, PageOf } from '../../graphql/paging';
import { WarningModel } from '../../reachability/graphql/common.models';

@ObjectType()
export class KindCount {
  @Field()
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A kind podreach does not use; its contents were not kept' })
export class SkippedKind {
  @Field()
  kind!: string;

  @Field(() => String, { nullable: true })
  apiVersion?: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'An uploaded cluster snapshot: immutable once stored' })
export class Snapshot {
  @Field(() => ID)
  id!: string;

  @Field()
  cluster!: string;

  @Field({ description: 'Free text given at upload; may be empty' })
  label!: string;

  @Field()
  contentHash!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field({ description: 'false when something the analysis cannot see was uploaded' })
  complete!: boolean;

  @Field(() => [String])
  incompleteReasons!: string[];

  @Field(() => [String])
  foreignPolicyKinds!: string[];

  @Field(() => Int)
  objectCount!: number;

  @Field(() => [KindCount], { description: 'Stored objects per kind' })
  counts!: KindCount[];

  @Field(() => [SkippedKind])
  skipped!: SkippedKind[];

  @Field(() => [WarningModel])
  warnings!: WarningModel[];
}

@ObjectType({ description: 'A page of snapshots, newest first' })
export class SnapshotPage {
  @Field(() => [Snapshot])
  nodes!: Snapshot[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType()
export class Cluster {
  @Field()
  name!: string;

  @Field(() => Int)
  snapshotCount!: number;

  @Field(() => ID, { nullable: true })
  newestSnapshotId?: string;

  @Field(() => Int, { description: 'Snapshots kept, newest first; 0 keeps all' })
  keepNewest!: number;
}

@ObjectType()
export class ClusterPage extends PageOf(Cluster) {}
