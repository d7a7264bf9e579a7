/** API keys as the server's admin API (`/api/v1/keys`) describes them. */

/** What a key may do: `read` snapshots and answers, `write` (upload, delete), `admin` (manage keys). */
export const KEY_SCOPES = ['read', 'write', 'admin'] as const;

export type KeyScope = (typeof KEY_SCOPES)[number];

/** A key as `GET /api/v1/keys` lists it: never the secret, only its first characters (`prefix`). */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  /** null: every cluster. */
  clusters: string[] | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The answer of `POST /api/v1/keys`: the only time the secret `key` is ever shown. */
export interface CreatedApiKey extends Omit<ApiKeySummary, 'revokedAt' | 'lastUsedAt'> {
  key: string;
}

/** The body of `POST /api/v1/keys`. */
export interface NewApiKey {
  name: string;
  scopes: KeyScope[];
  /** Absent: every cluster. */
  clusters?: string[];
  /** ISO 8601; absent: the key never expires. */
  expiresAt?: string;
}
