import type { ApiKeySummary, CreatedApiKey } from '../keys/api-keys';
import { alignedTable } from './peer-table';

/** A time to the minute in UTC (`2026-03-01T12:00Z`), or `none` when there is none. */
function minute(iso: string | null, none: string): string {
  if (iso === null) return none;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16)}Z`;
}

/** Names come from whoever created a key: control characters could move the cursor or recolour the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function clustersText(clusters: string[] | null): string {
  return clusters === null ? 'all' : clusters.join(',');
}

/** `keys list` for people: one row per key, expired keys marked; never a secret, which the list has not. */
export function keyTable(keys: readonly ApiKeySummary[], now: Date): string {
  if (keys.length === 0) return 'no API keys\n';
  const rows = keys.map((key) => {
    const expired = key.expiresAt !== null && new Date(key.expiresAt).getTime() <= now.getTime();
    return [
      key.id,
      printable(key.name),
      key.prefix,
      key.scopes.join(','),
      printable(clustersText(key.clusters)),
      `${minute(key.expiresAt, 'never')}${expired ? ' (expired)' : ''}`,
      minute(key.revokedAt, '-'),
      minute(key.lastUsedAt, 'never'),
    ];
  });
  const header = ['ID', 'NAME', 'PREFIX', 'SCOPES', 'CLUSTERS', 'EXPIRES', 'REVOKED', 'LAST USED'];
  return `${alignedTable([header, ...rows]).join('\n')}\n`;
}

/** What `keys create` says on stderr about the key it printed on stdout. */
export function createdKeyText(key: CreatedApiKey): string {
  return [
    `created API key ${key.id} "${printable(key.name)}": scopes ${key.scopes.join(', ')}; ` +
      `clusters ${clustersText(key.clusters)}; expires ${minute(key.expiresAt, 'never')}`,
    'store the key now: it is not shown again',
    '',
  ].join('\n');
}
