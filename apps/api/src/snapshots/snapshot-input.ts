import { ApiError } from '../common/api-error';

const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,252}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function badInput(message: string, field: string): ApiError {
  return new ApiError('BAD_USER_INPUT', message, { field });
}

/** A cluster name: letters, digits and `. _ : @ -`, up to 253 characters (a kube context name fits). */
export function parseClusterName(value: unknown, field = 'cluster'): string {
  if (typeof value !== 'string' || value === '') throw badInput(`${field} is required`, field);
  if (!CLUSTER_NAME.test(value)) {
    throw badInput(
      `${field} must be 1-253 letters, digits or . _ : @ - and start with a letter or digit`,
      field,
    );
  }
  return value;
}

/** A snapshot label: free text such as a date or a git sha, up to 256 characters; empty when absent. */
export function parseLabel(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > 256 || CONTROL_CHARACTERS.test(value)) {
    throw badInput('label must be text of at most 256 characters', 'label');
  }
  return value;
}

/** The optional `Idempotency-Key` header: 1-255 visible ASCII characters. */
export function parseIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value)) {
    throw badInput('Idempotency-Key must be 1-255 visible ASCII characters', 'Idempotency-Key');
  }
  return value;
}

/**
 * A whole number within [min, max] from a query string or JSON body; when absent, the fallback, or
 * an error if there is none.
 */
export function parseCount(
  value: unknown,
  field: string,
  fallback: number | undefined,
  min: number,
  max: number,
): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    throw badInput(`${field} must be a whole number from ${min} to ${max}`, field);
  }
  return number;
}

/** Snapshot ids are UUIDs; anything else cannot name a snapshot. */
export function isSnapshotId(value: string): boolean {
  return UUID.test(value);
}
