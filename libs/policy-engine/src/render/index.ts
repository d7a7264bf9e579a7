export * from './formats';
export type { ConnectivityContext, Formatter } from './formatter';
export { connectivityDocument, type ConnectivityDocument } from './connectivity-json.formatter';
export { renderConnectivity } from './render-connectivity';
