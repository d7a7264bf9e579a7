import {
  CONNECTIVITY_FORMATS,
  EngineError,
  PROTOCOLS,
  isConnectivityFormat,
  type ConnectivityFormat,
  type Granularity,
  type Protocol,
} from '@podreach/policy-engine';

/**
 * Readers of REST query arguments. Each returns `undefined` for an absent (or empty) argument and throws
 * BAD_USER_INPUT, naming the argument, for anything it cannot read: a typo must never widen a question
 * (`port=80x` answered as "any port" would report connections that were not asked about).
 */
function present(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw bad(name, `${name} must be given once`);
  return value;
}

function bad(field: string, message: string, expected?: readonly string[]): EngineError {
  return new EngineError('BAD_USER_INPUT', message, { field, ...(expected ? { expected } : {}) });
}

/** A port number, 1-65535. */
export function parsePort(value: unknown, name = 'port'): number | undefined {
  const text = present(value, name);
  if (text === undefined) return undefined;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw bad(name, `${name} must be a number from 1 to 65535`);
  return port;
}

/** TCP, UDP or SCTP, in any case. */
export function parseProtocol(value: unknown, name = 'protocol'): Protocol | undefined {
  const text = present(value, name)?.toUpperCase();
  if (text === undefined) return undefined;
  if (!(PROTOCOLS as readonly string[]).includes(text)) {
    throw bad(name, `${name} must be TCP, UDP or SCTP`, PROTOCOLS);
  }
  return text as Protocol;
}

/** `true` or `false`; absent is `fallback`. */
export function parseBoolean(value: unknown, name: string, fallback: boolean): boolean {
  const text = present(value, name);
  if (text === undefined) return fallback;
  if (text !== 'true' && text !== 'false') throw bad(name, `${name} must be true or false`);
  return text === 'true';
}

const GRANULARITIES: readonly Granularity[] = ['workload', 'pod'];

/** `workload` or `pod`. */
export function parseGranularity(value: unknown, name = 'granularity'): Granularity | undefined {
  const text = present(value, name);
  if (text === undefined) return undefined;
  if (!(GRANULARITIES as readonly string[]).includes(text)) {
    throw bad(name, `${name} must be workload or pod`, GRANULARITIES);
  }
  return text as Granularity;
}

/** One of the connectivity formats; absent is `json`. */
export function parseFormat(value: unknown, name = 'format'): ConnectivityFormat {
  const text = present(value, name) ?? 'json';
  if (!isConnectivityFormat(text)) {
    throw bad(name, `${name} must be one of ${CONNECTIVITY_FORMATS.join(', ')}`, CONNECTIVITY_FORMATS);
  }
  return text;
}

/** A required reference argument such as `from` or `to` of a check. */
export function parseRequired(value: unknown, name: string): string {
  const text = present(value, name);
  if (text === undefined) throw bad(name, `${name} is required`);
  return text;
}
