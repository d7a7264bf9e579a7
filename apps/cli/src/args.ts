import { parseArgs } from 'node:util';
import { UsageError } from './cli-error';
import type { Command, CommandArgs } from './command';

/** Node's parseArgs reports unknown or malformed options as TypeErrors with these codes. */
function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** Parses a command's arguments strictly: unknown options and missing values are usage errors. */
export function parseCommandArgs(command: Command, argv: string[]): CommandArgs & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages go on to explain `--` for positionals that start with a dash: the first sentence is enough.
    if (isParseArgsError(error)) throw new UsageError(error.message.split('. ')[0], command.name);
    throw error;
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (help === true) return { values, positionals: parsed.positionals, help: true };
  const { min, max } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(`${command.name} needs ${min} argument(s)`, command.name);
  if (count > max) {
    throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`, command.name);
  }
  return { values, positionals: parsed.positionals, help: false };
}

/** A string option's value, or undefined when absent. */
export function optionalString(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable (`multiple`) string option, in the order given; empty when absent. */
export function stringList(args: CommandArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : [];
}

/** A required string option's value. */
export function requiredString(args: CommandArgs, name: string, command: string): string {
  const value = optionalString(args, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`, command);
  return value;
}

/** An option limited to a few values; `fallback` when absent. */
export function choice<T extends string>(
  args: CommandArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
  command: string,
): T {
  const value = optionalString(args, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`, command);
  }
  return value as T;
}

/** An optional choice without a default. */
export function optionalChoice<T extends string>(
  args: CommandArgs,
  name: string,
  allowed: readonly T[],
  command: string,
): T | undefined {
  return optionalString(args, name) === undefined
    ? undefined
    : choice(args, name, allowed, allowed[0], command);
}

/** A TCP/UDP/SCTP port number from `--port`. */
export function optionalPort(args: CommandArgs, command: string): number | undefined {
  const value = optionalString(args, 'port');
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new UsageError(`--port must be a number from 1 to 65535, not "${value}"`, command);
  }
  return port;
}

/** Rejects option combinations that cannot both apply. */
export function exclusive(args: CommandArgs, a: string, b: string, command: string): void {
  if (args.values[a] !== undefined && args.values[b] !== undefined) {
    throw new UsageError(`--${a} and --${b} cannot be used together`, command);
  }
}
