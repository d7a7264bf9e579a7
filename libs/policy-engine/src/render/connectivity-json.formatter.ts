import type { AnalysisOptions, Connection, ConnectivityListing, Granularity } from '../evaluate/answers';
import type { Warning } from '../model/objects';
import type { ConnectivityContext } from './formatter';
import { JsonArrayStream, jsonPieces } from './json-stream';
import { connectionSetJson, optionsJson, peerJson, warningJson } from './json-values';

/** The `format=json` connectivity document (schema version 1), as the REST API returns it. */
export interface ConnectivityDocument {
  schemaVersion: 1;
  snapshot: string;
  options: AnalysisOptions;
  complete: boolean;
  /** Present only when the answer gives reasons, i.e. when `complete` is false. */
  incompleteReasons?: string[];
  warnings: Warning[];
  granularity: Granularity;
  /** One entry per (src, dst) in the answer's order; `partial` only when true. */
  connections: Connection[];
}

/** The whole connectivity document as one object, for callers that do not stream. */
export function connectivityDocument(
  answer: ConnectivityListing,
  context: ConnectivityContext,
): ConnectivityDocument {
  return { ...documentHead(answer, context), connections: Array.from(answer.connections, connectionJson) };
}

/**
 * The connectivity document in pieces, one connection per piece: joined, they equal
 * `JSON.stringify(connectivityDocument(answer, context))` byte for byte.
 */
export function* renderConnectivityJson(
  answer: ConnectivityListing,
  context: ConnectivityContext,
): Iterable<string> {
  yield* jsonPieces({
    ...documentHead(answer, context),
    connections: new JsonArrayStream(connectionsJson(answer)),
  });
}

function documentHead(answer: ConnectivityListing, context: ConnectivityContext) {
  const reasons = answer.incompleteReasons ?? [];
  return {
    schemaVersion: 1 as const,
    snapshot: context.snapshot,
    options: optionsJson(answer.options),
    complete: answer.complete,
    ...(reasons.length > 0 ? { incompleteReasons: [...reasons] } : {}),
    warnings: answer.warnings.map(warningJson),
    granularity: answer.granularity,
  };
}

function* connectionsJson(answer: ConnectivityListing): Iterable<Connection> {
  for (const connection of answer.connections) {
    yield connectionJson(connection);
  }
}

function connectionJson(connection: Connection): Connection {
  return {
    src: peerJson(connection.src),
    dst: peerJson(connection.dst),
    conn: connectionSetJson(connection.conn),
    ...(connection.partial ? { partial: true as const } : {}),
  };
}
