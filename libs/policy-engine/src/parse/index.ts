export { readDocuments, readNamedDocuments, type NamedDocument } from './read-documents';
export { MAX_NESTING_DEPTH } from './nesting-depth';
export { MAX_LISTED_PROBLEMS, SnapshotBuilder } from './snapshot-builder';
export { buildSnapshotContent } from './build-snapshot-content';
export { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits';
export type { SnapshotContent } from './snapshot-content';
export { canonicalJson, contentHashOf } from './canonical-json';
export { classifyKind, type KindClass } from './kinds';
