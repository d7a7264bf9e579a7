/** The benchmark cluster generator: seeded, deterministic, realistic raw Kubernetes objects. */
export {
  generateCluster,
  clusterStats,
  type ClusterStats,
  type GenerateOptions,
  type GeneratedCluster,
} from './cluster';
export { churn, type ChurnResult, type ChurnChange, type ChurnChangeKind } from './churn';
export { kubectlListChunks, kubectlListStream, kubectlListText, type ListFormat } from './kubectl-list';
export { SIZES, SIZE_NAMES, isSizeName, sizeProfile, type SizeName, type SizeProfile } from './sizes';
export type { RawNetworkPolicy, RawObject } from './raw-objects';
