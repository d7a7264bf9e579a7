import { Injectable } from '@nestjs/common';
import { hashApiKey, readBearerKey } from './api-key-format';
import { ApiKeysRepository, type ApiKeyRecord } from './api-keys.repository';
import { impliedScopes, SCOPES, type Principal, type Scope } from './principal';

/** Why a request was not authenticated. */
export type AuthenticationProblem = 'missing' | 'malformed' | 'unknown' | 'revoked' | 'expired';

export type Authentication = { principal: Principal } | { problem: AuthenticationProblem };

/** `lastUsedAt` is written at most this often per key and process: one write per request would be waste. */
const TOUCH_INTERVAL_MS = 60_000;

/** The principal of a stored key: its scopes with what they imply, its clusters. */
export function principalOf(key: ApiKeyRecord): Principal {
  const granted = key.scopes.filter((scope): scope is Scope => (SCOPES as string[]).includes(scope));
  return {
    keyId: key.id,
    name: key.name,
    scopes: impliedScopes(granted),
    clusters: key.allClusters ? null : key.clusters,
  };
}

/** Turns an `Authorization` header into the principal of a live key, or says why it cannot. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly touched = new Map<string, number>();

  constructor(private readonly keys: ApiKeysRepository) {}

  /** The principal of the header's key when it is known, not revoked and not expired at `now`. */
  async authenticate(header: string | undefined, now = new Date()): Promise<Authentication> {
    const key = readBearerKey(header);
    if (key === 'missing' || key === 'malformed') return { problem: key };
    // Looked up by hash: comparing hashes of 256-bit random keys leaks nothing worth timing.
    const record = await this.keys.findByHash(hashApiKey(key));
    if (!record) return { problem: 'unknown' };
    if (record.revokedAt) return { problem: 'revoked' };
    if (record.expiresAt && record.expiresAt <= now) return { problem: 'expired' };
    await this.touch(record.id, now);
    return { principal: principalOf(record) };
  }

  private async touch(keyId: string, now: Date): Promise<void> {
    const last = this.touched.get(keyId);
    if (last !== undefined && now.getTime() - last < TOUCH_INTERVAL_MS) return;
    this.touched.set(keyId, now.getTime());
    await this.keys.touch(keyId, now);
  }
}
