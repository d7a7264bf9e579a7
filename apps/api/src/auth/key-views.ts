import type { ApiKeyRecord } from './api-keys.repository';
import type { ApiKeyDto, ApiKeyListItemDto } from './dto/api-key.dto';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** What the admin API shows of a key: its grant and dates, never the key or its hash. */
export function toApiKey(key: ApiKeyRecord): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    clusters: key.allClusters ? null : key.clusters,
    createdAt: key.createdAt.toISOString(),
    expiresAt: iso(key.expiresAt),
  };
}

/** A key in the list: its grant, dates and state. */
export function toApiKeyListItem(key: ApiKeyRecord): ApiKeyListItemDto {
  return { ...toApiKey(key), revokedAt: iso(key.revokedAt), lastUsedAt: iso(key.lastUsedAt) };
}
