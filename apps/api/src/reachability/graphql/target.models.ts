import { Field, ObjectType } from '@nestjs/graphql';
import { PageOf } from '../../graphql/paging';
import type { PodView, WorkloadView } from '../snapshot-views';
import { Label, PolicyRef } from './common.models';

@ObjectType()
export class DirectionIsolation {
  @Field({ description: 'Some policy selects it for this direction: only what rules allow gets through' })
  isolated!: boolean;

  @Field(() => [PolicyRef])
  policies!: PolicyRef[];
}

@ObjectType({ description: 'Whether a target is isolated in each direction, and by which policies' })
export class Isolation {
  @Field(() => DirectionIsolation)
  ingress!: DirectionIsolation;

  @Field(() => DirectionIsolation)
  egress!: DirectionIsolation;
}

@ObjectType({ description: 'A workload as users know it; a pod without controller is kind `Pod`' })
export class Workload {
  /** The snapshot it belongs to: nested fields ask that snapshot's analysis. */
  snapshotId!: string;
  view!: WorkloadView;

  @Field()
  namespace!: string;

  @Field()
  name!: string;

  @Field()
  kind!: string;

  @Field({ description: 'A manifest without live pods: it stands for the pods of its template' })
  template!: boolean;

  @Field(() => [Label], { description: 'The labels every pod of the workload carries' })
  labels!: Label[];

  @Field(() => [String])
  ips!: string[];
}

@ObjectType({ description: 'A live pod, or the template pod of a workload manifest' })
export class Pod {
  snapshotId!: string;
  view!: PodView;

  @Field()
  namespace!: string;

  @Field()
  name!: string;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => [String])
  ips!: string[];

  @Field(() => String, { nullable: true })
  nodeName?: string;

  @Field()
  hostNetwork!: boolean;

  @Field({ description: 'The template pod of a workload manifest: no IP' })
  template!: boolean;
}

@ObjectType()
export class Namespace {
  @Field()
  name!: string;

  @Field(() => [Label])
  labels!: Label[];
}

@ObjectType({ description: 'A NetworkPolicy, or a cluster-scoped admin policy' })
export class Policy {
  @Field()
  kind!: string;

  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field()
  name!: string;

  @Field(() => [Label])
  labels!: Label[];
}

@ObjectType()
export class WorkloadPage extends PageOf(Workload) {}

@ObjectType()
export class PodPage extends PageOf(Pod) {}

@ObjectType()
export class NamespacePage extends PageOf(Namespace) {}

@ObjectType()
export class PolicyPage extends PageOf(Policy) {}
