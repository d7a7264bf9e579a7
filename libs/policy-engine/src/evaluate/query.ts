import { EngineError } from '../errors';
import { PROTOCOLS, type Protocol } from '../model/objects';
import type { ConnectionSet } from '../sets';

/** A question limited to one protocol and/or port. */
export interface ConnectionQuery {
  protocol?: Protocol;
  port?: number;
}

/** Checks a query's protocol and port; throws EngineError BAD_USER_INPUT when malformed. */
export function validateQuery(query: ConnectionQuery): void {
  if (query.protocol !== undefined && !PROTOCOLS.includes(query.protocol)) {
    throw new EngineError(
      'BAD_USER_INPUT',
      `unknown protocol "${String(query.protocol)}": use TCP, UDP or SCTP`,
    );
  }
  if (query.port !== undefined && !(Number.isInteger(query.port) && query.port >= 1 && query.port <= 65535)) {
    throw new EngineError(
      'BAD_USER_INPUT',
      `invalid port ${String(query.port)}: use a number from 1 to 65535`,
    );
  }
}

export function restrictTo(query: ConnectionQuery): (conn: ConnectionSet) => ConnectionSet {
  if (query.protocol === undefined && query.port === undefined) return (conn) => conn;
  return (conn) => conn.restrict(query.protocol, query.port);
}

/** `TCP 81`, `TCP`, `port 81`, or `any connection`. */
export function queryText(query: ConnectionQuery): string {
  if (query.protocol !== undefined && query.port !== undefined) return `${query.protocol} ${query.port}`;
  if (query.protocol !== undefined) return query.protocol;
  if (query.port !== undefined) return `port ${query.port}`;
  return 'any connection';
}
