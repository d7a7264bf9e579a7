import { ApiError } from '../common/api-error';
import { parseClusterName } from '../snapshots/snapshot-input';
import type { KeyGrant } from './api-keys.repository';
import { SCOPES, type Scope } from './principal';

const FIELDS = new Set(['name', 'scopes', 'clusters', 'expiresAt']);
const MAX_CLUSTERS = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// Half of a UTF-16 surrogate pair (JSON's "\ud800"): not text, and PostgreSQL refuses to store it.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** RFC 3339 date-time with an explicit offset, or a bare date (midnight UTC). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i;

function badInput(message: string, field: string): ApiError {
  return new ApiError('BAD_USER_INPUT', message, { field });
}

function parseName(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    value.length > 100 ||
    CONTROL_CHARACTERS.test(value) ||
    UNPAIRED_SURROGATE.test(value)
  ) {
    throw badInput('name must be text of 1 to 100 characters', 'name');
  }
  return value;
}

function parseScopes(value: unknown): Scope[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badInput(`scopes must be a non-empty list of ${SCOPES.join(', ')}`, 'scopes');
  }
  value.forEach((scope: unknown, index) => {
    if (!SCOPES.includes(scope as Scope)) {
      throw badInput(`scopes[${index}] must be one of ${SCOPES.join(', ')}`, `scopes[${index}]`);
    }
  });
  return SCOPES.filter((scope) => value.includes(scope));
}

function parseClusters(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CLUSTERS) {
    throw badInput(
      `clusters must list 1 to ${MAX_CLUSTERS} cluster names, or be null for every cluster`,
      'clusters',
    );
  }
  const names = value.map((name: unknown, index) => parseClusterName(name, `clusters[${index}]`));
  return [...new Set(names)];
}

/** Whether the calendar has the text's day and hour: Date rolls 2027-02-30 over into March, and 24:00 too. */
function isRealTime(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const hour = text.length > 10 ? Number(text.slice(11, 13)) : 0;
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24;
}

function parseExpiry(value: unknown, now: Date): Date | null {
  if (value === undefined || value === null) return null;
  const valid = typeof value === 'string' && ISO_8601.test(value) && isRealTime(value);
  const date = valid ? new Date(value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw badInput('expiresAt must be an ISO-8601 date-time such as 2027-01-31T00:00:00Z', 'expiresAt');
  }
  if (date <= now) throw badInput('expiresAt must be in the future', 'expiresAt');
  return date;
}

/**
 * The body of `POST /api/v1/keys`: `name` (1-100 characters), `scopes` (non-empty, of read, write, admin),
 * `clusters` (names, or null or absent for every cluster), `expiresAt` (a future ISO-8601 time, or null or
 * absent for never). Anything else is BAD_USER_INPUT naming the field, unknown fields included: a
 * misspelt `cluster` must not quietly give a key every cluster.
 */
export function parseKeyGrant(body: unknown, now: Date): KeyGrant {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badInput('The body must be a JSON object with name and scopes', 'body');
  }
  const unknown = Object.keys(body).find((field) => !FIELDS.has(field));
  if (unknown !== undefined) throw badInput(`Unknown field ${unknown}`, unknown);
  const fields = body as Record<string, unknown>;
  return {
    name: parseName(fields.name),
    scopes: parseScopes(fields.scopes),
    clusters: parseClusters(fields.clusters),
    expiresAt: parseExpiry(fields.expiresAt, now),
  };
}
