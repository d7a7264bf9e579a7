import { ApiError } from '../common/api-error';

/**
 * Pagination cursors are opaque to clients; inside they hold the insertion sequence of the last
 * snapshot returned, so a page continues strictly below it however many snapshots arrive meanwhile.
 */
export function encodeCursor(seq: bigint): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

/** The largest sequence number: `seq` is a PostgreSQL bigint, which refuses anything larger in a query. */
const MAX_SEQ = 2n ** 63n - 1n;

/** The sequence number a cursor continues after; BAD_USER_INPUT for anything not made by encodeCursor. */
export function decodeCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = /^s\d{1,19}$/.test(text) ? BigInt(text.slice(1)) : undefined;
  if (seq === undefined || seq > MAX_SEQ) {
    throw new ApiError('BAD_USER_INPUT', 'cursor is not valid', { field: 'cursor' });
  }
  return seq;
}
