import ipaddr from 'ipaddr.js';
import type { DatabaseConfig } from '../config/app-config';
import { ConfigError, readEnum } from '../config/env-readers';
import { isWellFormedKey, MAX_KEY_LENGTH, MIN_KEY_LENGTH } from './api-key-format';

/** Who may call the service. */
export interface AuthConfig {
  /** Whether requests need an API key: always, except in local mode unless PODREACH_AUTH=on. */
  enabled: boolean;
  /** An admin key the operator declares (PODREACH_ADMIN_KEY), stored hashed at start. */
  adminKey?: string;
  /** Whether `/metrics` answers without a key, for a scraper that has none. */
  metricsPublic: boolean;
}

/** Whether `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

/**
 * Local mode: the embedded database and a loopback address, so only the person at this machine can call
 * the service. Only there may authentication be off.
 */
export function isLocalMode(database: DatabaseConfig, host: string): boolean {
  return database.kind === 'pglite' && isLoopbackHost(host);
}

/** PODREACH_AUTH (`auto`, `on`, `off`): whether requests need a key. `off` outside local mode is refused. */
export function readAuthEnabled(env: NodeJS.ProcessEnv, localMode: boolean): boolean {
  const mode = readEnum(env, 'PODREACH_AUTH', 'auto', ['auto', 'on', 'off']);
  if (mode === 'off' && !localMode) {
    throw new ConfigError(
      'PODREACH_AUTH=off is only allowed in local mode (the embedded database and a loopback HOST): ' +
        'with DATABASE_URL or another HOST anyone who reaches the service could read and change everything',
    );
  }
  return mode === 'auto' ? !localMode : mode === 'on';
}

/** PODREACH_ADMIN_KEY: at least 32 characters that can travel in a Bearer header. Never echoed. */
export function readAdminKey(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.PODREACH_ADMIN_KEY;
  if (value === undefined || value === '') return undefined;
  if (!isWellFormedKey(value)) {
    throw new ConfigError(
      `PODREACH_ADMIN_KEY must be ${MIN_KEY_LENGTH} to ${MAX_KEY_LENGTH} characters of A-Z a-z 0-9 - . _ ~ + / ` +
        '(with = only at the end), e.g. the output of `openssl rand -base64 32`',
    );
  }
  return value;
}

/** PODREACH_METRICS_PUBLIC (`true`, `false`). */
export function readMetricsPublic(env: NodeJS.ProcessEnv): boolean {
  return readEnum(env, 'PODREACH_METRICS_PUBLIC', 'false', ['true', 'false']) === 'true';
}
