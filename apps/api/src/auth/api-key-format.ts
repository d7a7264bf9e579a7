import { createHash, randomBytes } from 'node:crypto';

/** Every key podreach makes starts with this, so that a leaked one is recognisable (secret scanners). */
export const KEY_MARKER = 'prk_';

/** Characters of a key shown in lists: enough to tell keys apart, far too few to guess the rest. */
const PREFIX_LENGTH = 8;

/**
 * What a Bearer credential may look like (RFC 6750 `b64token`), bounded: a longer header is not a key of
 * ours and is refused before any hashing or database work.
 */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MIN_KEY_LENGTH = 32;
export const MAX_KEY_LENGTH = 512;

/** A new key: `prk_` and 32 random bytes in base64url (43 characters). */
export function generateApiKey(): string {
  return KEY_MARKER + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a key. A plain SHA-256 suffices: keys are 256-bit random values (or operator-chosen
 * values of at least 32 characters), so there is nothing to brute-force that a slow hash would protect.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The part of a key shown in lists: the first characters after `prk_` (or of the key, for other keys). */
export function keyPrefix(key: string): string {
  const secret = key.startsWith(KEY_MARKER) ? key.slice(KEY_MARKER.length) : key;
  return secret.slice(0, PREFIX_LENGTH);
}

/** Whether `value` can be sent as a Bearer credential and is long enough to be a key. */
export function isWellFormedKey(value: string): boolean {
  return value.length >= MIN_KEY_LENGTH && value.length <= MAX_KEY_LENGTH && BEARER_TOKEN.test(value);
}

/** Why a request carries no usable key. */
export type CredentialProblem = 'missing' | 'malformed';

/**
 * The key of an `Authorization: Bearer <key>` header (the scheme is case-insensitive, RFC 7235), or why
 * there is none: no header or another scheme is `missing`, anything else that is not a key `malformed`.
 */
export function readBearerKey(header: string | undefined): string | CredentialProblem {
  if (header === undefined) return 'missing';
  const [scheme, ...credentials] = header.trim().split(/ +/);
  if (scheme.toLowerCase() !== 'bearer') return 'missing';
  return credentials.length === 1 && isWellFormedKey(credentials[0]) ? credentials[0] : 'malformed';
}
