export * from './formats';
export type { ConnectivityContext, Formatter } from './formatter';
export { connectivityDocument, type ConnectivityDocument } from './connectivity-json.formatter';
export { renderConnectivity } from './render-connectivity';
export type { DiffContext } from './diff-context';
export { diffDocument } from './diff-json.formatter';
export { DEFAULT_MARKDOWN_LIMIT, DIFF_MARKER } from './diff-md.formatter';
export { renderDiff, type DiffFormat } from './render-diff';
