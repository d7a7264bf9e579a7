import { requiredString, stringList } from '../args';
import { UsageError } from '../cli-error';
import type { CommandArgs } from '../command';
import { KEY_SCOPES, type KeyScope, type NewApiKey } from './api-keys';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Ten years: a longer lifetime is a typo rather than a plan, and would rather be no expiry at all. */
const MAX_LIFETIME_MS = 3650 * UNIT_MS.d;

/**
 * `--expires-in` as milliseconds: a whole number and a unit, `m` minutes, `h` hours, `d` days or `w` weeks
 * (`30m`, `12h`, `90d`, `2w`).
 */
export function parseLifetime(text: string, command: string): number {
  const match = /^(\d{1,7})([mhdw])$/.exec(text);
  const ms = match === null ? NaN : Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!(ms > 0)) {
    throw new UsageError(
      `--expires-in must be a number and a unit (m, h, d or w), such as 90d or 12h, not "${text}"`,
      command,
    );
  }
  if (ms > MAX_LIFETIME_MS) throw new UsageError('--expires-in may be at most 3650d (ten years)', command);
  return ms;
}

/** `--scope` values: at least one, each read, write or admin; repeats are dropped. */
function scopes(args: CommandArgs, command: string): KeyScope[] {
  const given = stringList(args, 'scope');
  if (given.length === 0) throw new UsageError('--scope is required (read, write or admin)', command);
  for (const scope of given) {
    if (!(KEY_SCOPES as readonly string[]).includes(scope)) {
      throw new UsageError(`--scope must be one of ${KEY_SCOPES.join(', ')}, not "${scope}"`, command);
    }
  }
  return KEY_SCOPES.filter((scope) => given.includes(scope));
}

/** `--cluster` values, repeats dropped; none means every cluster. */
function clusters(args: CommandArgs, command: string): string[] | undefined {
  const given = stringList(args, 'cluster');
  if (given.some((cluster) => cluster.trim() === '')) throw new UsageError('--cluster is empty', command);
  return given.length === 0 ? undefined : [...new Set(given)];
}

/** The body of `POST /api/v1/keys` from `keys create`'s options; `now` is when the lifetime starts. */
export function newKeyRequest(args: CommandArgs, command: string, now: Date): NewApiKey {
  const name = requiredString(args, 'name', command);
  if (name.trim() === '') throw new UsageError('--name is empty', command);
  const lifetime = args.values['expires-in'];
  const request: NewApiKey = { name, scopes: scopes(args, command) };
  const limited = clusters(args, command);
  if (limited !== undefined) request.clusters = limited;
  if (typeof lifetime === 'string') {
    request.expiresAt = new Date(now.getTime() + parseLifetime(lifetime, command)).toISOString();
  }
  return request;
}
