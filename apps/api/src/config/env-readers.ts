/** A configuration value that cannot be used; the service refuses to start with it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function raw(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A string variable, or its default when unset or empty. */
export function readString(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

/** A whole number within [min, max]; rejects fractions, units and anything else. */
export function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name}=${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

/** One of a fixed set of words. */
export function readEnum<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: T,
  allowed: readonly T[],
): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name}=${JSON.stringify(value)} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A PostgreSQL connection URL (`postgres://` or `postgresql://`), or undefined when unset. */
export function readPostgresUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL (expected postgresql://user@host:5432/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    // Never echo the value: it may hold a password.
    throw new ConfigError(`${name} must be a PostgreSQL URL (postgresql://...), not ${url.protocol}`);
  }
  return value;
}
