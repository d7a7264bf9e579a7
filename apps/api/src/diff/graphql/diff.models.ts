import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { DiffAnswer } from '@podreach/policy-engine';
import { PageOf } from '../../graphql/paging';
import {
  AnalysisOptionsModel,
  ConnectionSet,
  ObjectRefModel,
  Peer,
  PolicyRef,
} from '../../reachability/graphql/common.models';
import { DirectionEnum } from '../../reachability/graphql/graphql-enums';

export enum ConnectivityChangeTypeEnum {
  added = 'added',
  removed = 'removed',
  changed = 'changed',
}

export enum ObjectChangeEnum {
  added = 'added',
  removed = 'removed',
  modified = 'modified',
}

export enum ExposureEnum {
  outside = 'outside',
  public = 'public',
  allNamespaces = 'allNamespaces',
}

registerEnumType(ConnectivityChangeTypeEnum, {
  name: 'ConnectivityChangeType',
  description: '`added`: nothing was allowed before; `removed`: nothing is allowed now; `changed`: both',
});
registerEnumType(ObjectChangeEnum, { name: 'ObjectChangeType' });
registerEnumType(ExposureEnum, {
  name: 'Exposure',
  description:
    'Newly reachable from outside private (`outside`) or public addresses, or from every namespace',
});

@ObjectType()
export class DiffSnapshotRef {
  @Field()
  id!: string;

  @Field(() => String, { nullable: true })
  label?: string;
}

@ObjectType()
export class DiffSummary {
  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  removed!: number;

  @Field(() => Int)
  changed!: number;

  @Field(() => Int)
  policiesChanged!: number;
}

@ObjectType({ description: 'Which end of a pair is a workload present in only one snapshot' })
export class WorkloadChange {
  @Field(() => ObjectChangeEnum, { nullable: true })
  src?: ObjectChangeEnum;

  @Field(() => ObjectChangeEnum, { nullable: true })
  dst?: ObjectChangeEnum;
}

@ObjectType({ description: 'What caused a connectivity change' })
export class ChangeCause {
  @Field({ description: 'policy, isolation, labels or workload' })
  kind!: string;

  @Field(() => DirectionEnum, { nullable: true })
  direction?: DirectionEnum;

  @Field(() => PolicyRef, { nullable: true })
  policy?: PolicyRef;

  @Field(() => ObjectChangeEnum, { nullable: true, description: 'How the policy or object itself changed' })
  change?: ObjectChangeEnum;

  @Field(() => ObjectRefModel, { nullable: true })
  object?: ObjectRefModel;

  @Field(() => [String], { description: 'Changed label paths (kind `labels`)' })
  fields!: string[];

  @Field()
  detail!: string;
}

@ObjectType({ description: 'One (src, dst) pair whose allowed connections differ' })
export class ConnectivityChange {
  @Field(() => ConnectivityChangeTypeEnum)
  type!: ConnectivityChangeTypeEnum;

  @Field(() => Peer)
  src!: Peer;

  @Field(() => Peer)
  dst!: Peer;

  @Field(() => ConnectionSet, { nullable: true, description: 'null when nothing was allowed' })
  before!: ConnectionSet | null;

  @Field(() => ConnectionSet, { nullable: true, description: 'null when nothing is allowed' })
  after!: ConnectionSet | null;

  @Field(() => WorkloadChange, { nullable: true })
  workloadChange?: WorkloadChange;

  @Field(() => ExposureEnum, { nullable: true })
  exposure?: ExposureEnum;

  @Field(() => [ChangeCause])
  causedBy!: ChangeCause[];
}

@ObjectType({ description: 'One changed field; values are JSON text, null where absent' })
export class FieldChange {
  @Field({ description: 'e.g. `spec.podSelector.matchLabels["app.kubernetes.io/name"]`' })
  path!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

@ObjectType({ description: 'A policy, namespace or workload that differs between the two sides' })
export class ObjectChange {
  @Field()
  kind!: string;

  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field()
  name!: string;

  @Field(() => ObjectChangeEnum)
  change!: ObjectChangeEnum;

  @Field(() => [FieldChange])
  fields!: FieldChange[];
}

@ObjectType()
export class WorkloadsDiff {
  @Field(() => [Peer])
  added!: Peer[];

  @Field(() => [Peer])
  removed!: Peer[];
}

@ObjectType()
export class ConnectivityChangePage extends PageOf(ConnectivityChange) {}

@ObjectType()
export class ObjectChangePage extends PageOf(ObjectChange) {}

@ObjectType({ description: 'What changes from a base snapshot to a head snapshot or a what-if change' })
export class Diff {
  @Field(() => DiffSnapshotRef)
  base!: DiffSnapshotRef;

  @Field(() => DiffSnapshotRef, { nullable: true, description: 'null for a what-if' })
  head!: DiffSnapshotRef | null;

  @Field()
  whatIf!: boolean;

  @Field(() => AnalysisOptionsModel)
  options!: AnalysisOptionsModel;

  @Field({ description: 'false when either side holds policies the analysis does not evaluate' })
  complete!: boolean;

  @Field(() => [String])
  incompleteReasons!: string[];

  @Field(() => DiffSummary)
  summary!: DiffSummary;

  @Field(() => WorkloadsDiff)
  workloads!: WorkloadsDiff;

  /** The engine's answer, which the paged fields of this type read. */
  answer!: DiffAnswer;
}

@InputType({ description: 'An object to delete; `namespace` defaults to `default` for namespaced kinds' })
export class WhatIfDeletionInput {
  @Field()
  kind!: string;

  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field()
  name!: string;
}
