export * from './answers';
export * from './peer-text';
export { analyze, type DirectionQuery, type SnapshotAnalysis } from './snapshot-analysis';
export type { EndpointRef, TargetRef } from './endpoints';
export type { ConnectionQuery } from './query';
export {
  buildSnapshotModel,
  workloadKey,
  type ModelNamespace,
  type ModelPod,
  type ModelWorkload,
  type SnapshotMeta,
  type SnapshotModel,
} from '../model/snapshot-model';
