import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma, type ApiKey } from '../../../../prisma/generated/client';
import { PrismaService } from '../database/prisma.service';
import { hashApiKey, keyPrefix } from './api-key-format';
import type { Scope } from './principal';

export type ApiKeyRecord = ApiKey;

/** What a new key is allowed, before it exists. */
export interface KeyGrant {
  name: string;
  scopes: readonly Scope[];
  /** null: every cluster. */
  clusters: readonly string[] | null;
  expiresAt: Date | null;
}

/** Held by the transaction that creates the first admin key, so that processes starting together make one. */
const FIRST_ADMIN_KEY_LOCK = 'podreach:first-admin-key';

/** Every read and write of API keys. Keys are stored as their hash, never as themselves. */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Stores a new key's hash and grant. */
  create(key: string, grant: KeyGrant): Promise<ApiKeyRecord> {
    return this.prisma.apiKey.create({ data: rowOf(key, grant) });
  }

  /**
   * Stores a declared key unless a key with its hash exists: several processes may declare the same key
   * at once. An existing row is left as it is, so a revoked declared key stays revoked.
   */
  async createUnlessExists(key: string, grant: KeyGrant): Promise<ApiKeyRecord> {
    const keyHash = hashApiKey(key);
    const existing = await this.findByHash(keyHash);
    if (existing) return existing;
    try {
      return await this.create(key, grant);
    } catch (error) {
      // Another process stored it between our read and our insert.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      return (await this.findByHash(keyHash))!;
    }
  }

  /**
   * Creates a key with `grant` unless a live admin key for every cluster exists, under a transaction-scoped advisory lock
   * so that processes starting together create one key between them. Returns whether it created it.
   */
  async createIfNoActiveAdmin(key: string, grant: KeyGrant, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${FIRST_ADMIN_KEY_LOCK}))`;
      const active = await tx.apiKey.count({
        where: {
          // Only an admin key for every cluster may manage keys (ApiKeysService).
          scopes: { has: 'admin' },
          allClusters: true,
          revokedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        },
      });
      if (active > 0) return false;
      await tx.apiKey.create({ data: rowOf(key, grant) });
      return true;
    });
  }

  /** The key whose SHA-256 is `keyHash`, live or not. */
  findByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    return this.prisma.apiKey.findUnique({ where: { keyHash } });
  }

  /** Every key, newest first. */
  list(): Promise<ApiKeyRecord[]> {
    return this.prisma.apiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** Marks a key revoked (once: revoking it again keeps the first time); false when there is no such key. */
  async revoke(id: string, now: Date): Promise<boolean> {
    const key = await this.prisma.apiKey.findUnique({ where: { id } });
    if (!key) return false;
    if (!key.revokedAt) {
      await this.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    }
    return true;
  }

  /** Records when a key was last used. */
  async touch(id: string, now: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({ where: { id }, data: { lastUsedAt: now } });
  }
}

function rowOf(key: string, grant: KeyGrant) {
  return {
    id: randomUUID(),
    name: grant.name,
    prefix: keyPrefix(key),
    keyHash: hashApiKey(key),
    scopes: [...grant.scopes],
    allClusters: grant.clusters === null,
    clusters: [...(grant.clusters ?? [])],
    expiresAt: grant.expiresAt,
  };
}
