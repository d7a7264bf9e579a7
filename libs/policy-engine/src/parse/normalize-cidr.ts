import { parseCidr } from '../validate';

/** Reports a normalization the user should know about: a stable code and a sentence. */
export type WarnFn = (code: string, message: string) => void;

/**
 * A CIDR in canonical form, cut to its network. The API server accepts `10.0.0.1/24` and means
 * `10.0.0.0/24`; it reads `010.0.0.0/8` as decimal. Both are normalized with a warning.
 */
export function normalizeCidr(text: string, path: string, warn: WarnFn): string {
  const cidr = parseCidr(text);
  if (!cidr) return text;
  if (cidr.hostBitsSet) {
    warn('CIDR_HOST_BITS', `${path}: ${text} has host bits set; it is read as ${cidr.canonical}`);
  } else if (cidr.leadingZeros) {
    warn('CIDR_LEADING_ZEROS', `${path}: ${text} has leading zeros, read as decimal: ${cidr.canonical}`);
  }
  return cidr.canonical;
}
