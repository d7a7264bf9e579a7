/**
 * IP addresses on one number line: IPv4 at [0, 2^32-1], IPv6 at [2^32, 2^32 + 2^128 - 1], so one sorted
 * interval array holds both families. Parsing is as strict as the Kubernetes API server (no leading zeros in
 * IPv4 octets, no zone ids, no short IPv4 forms); formatting is the usual short form (RFC 5952 for IPv6).
 */
import ipaddr from 'ipaddr.js';
import { EngineError } from '../errors';

export const V4_MAX = (1n << 32n) - 1n;
export const V6_BASE = 1n << 32n;
export const V6_MAX = V6_BASE + (1n << 128n) - 1n;

/** The IPv4-mapped block `::ffff:0:0/96`, as an offset inside the IPv6 family. */
const MAPPED_PREFIX = 0xffffn << 32n;

const IPV4_TEXT = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** A parsed address within its own family, before IPv4-mapped addresses are folded into IPv4. */
interface FamilyAddress {
  v6: boolean;
  value: bigint;
}

function parseV4(text: string): bigint | null {
  const m = IPV4_TEXT.exec(text);
  if (!m) return null;
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseHexGroups(text: string): bigint[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  if (!groups.every((g) => HEX_GROUP.test(g))) return null;
  return groups.map((g) => BigInt(parseInt(g, 16)));
}

function parseV6(text: string): bigint | null {
  let hex = text;
  const lastColon = text.lastIndexOf(':');
  if (lastColon < 0) return null;
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    // A trailing dotted IPv4 part stands for the last two 16-bit groups.
    const v4 = parseV4(tail);
    if (v4 === null) return null;
    hex = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return null;
  const left = parseHexGroups(halves[0]);
  const right = halves.length === 2 ? parseHexGroups(halves[1]) : [];
  if (left === null || right === null) return null;
  const explicit = left.length + right.length;
  if (halves.length === 2 ? explicit > 7 : explicit !== 8) return null;
  const groups = [...left, ...Array<bigint>(8 - explicit).fill(0n), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function parseFamilyAddress(text: string): FamilyAddress | null {
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === null ? null : { v6: true, value };
  }
  const value = parseV4(text);
  return value === null ? null : { v6: false, value };
}

function isMapped(value: bigint): boolean {
  return value >> 32n === MAPPED_PREFIX >> 32n;
}

/** The address on the combined line, or null when invalid; `::ffff:a.b.c.d` lands on IPv4 `a.b.c.d`. */
export function parseIp(text: string): bigint | null {
  const addr = parseFamilyAddress(text);
  if (addr === null) return null;
  if (!addr.v6) return addr.value;
  return isMapped(addr.value) ? addr.value - MAPPED_PREFIX : V6_BASE + addr.value;
}

/** Whether `text` is an IPv4 or IPv6 address the API server accepts. */
export function isValidIp(text: string): boolean {
  return parseIp(text) !== null;
}

/** The address on the combined line; throws BAD_USER_INPUT when `ip` is not a valid address. */
export function ipToBigint(ip: string): bigint {
  const value = parseIp(ip);
  if (value === null) throw new EngineError('BAD_USER_INPUT', `invalid IP address "${ip}"`);
  return value;
}

/** The usual short form of a point of the combined line (`10.0.0.1`, `2001:db8::`). */
export function bigintToIp(n: bigint): string {
  if (n < 0n || n > V6_MAX) throw new RangeError(`${n} is outside the IPv4 and IPv6 address space`);
  if (n <= V4_MAX) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
  const v6 = n - V6_BASE;
  const parts: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) parts.push(Number((v6 >> s) & 0xffffn));
  return new ipaddr.IPv6(parts).toRFC5952String();
}

/** A CIDR as the API server reads it. */
export interface ParsedCidr {
  /** The network address in short form (`10.0.0.0` for `10.0.0.1/24`). */
  network: string;
  prefix: number;
  /** True when the text had host bits set (`10.0.0.1/24`): accepted, normalized, worth a warning. */
  hostBitsSet: boolean;
}

/** The CIDR's network on the combined line and its length, or null when invalid. */
export function parseCidrRange(text: string): { parsed: ParsedCidr; first: bigint; last: bigint } | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const addr = parseFamilyAddress(text.slice(0, slash));
  if (addr === null) return null;
  let prefix = Number(prefixText);
  let { v6, value } = addr;
  // `::ffff:10.0.0.0/104` is the IPv4 block 10.0.0.0/8, as with single addresses.
  if (v6 && isMapped(value) && prefix >= 96) {
    v6 = false;
    value -= MAPPED_PREFIX;
    prefix -= 96;
  }
  const width = v6 ? 128n : 32n;
  if (BigInt(prefix) > width) return null;
  const hostBits = width - BigInt(prefix);
  const network = (value >> hostBits) << hostBits;
  const first = v6 ? V6_BASE + network : network;
  const last = first + (1n << hostBits) - 1n;
  return { parsed: { network: bigintToIp(first), prefix, hostBitsSet: network !== value }, first, last };
}

/**
 * Parses `address/prefix`: null for a bad address (including IPv4 octets with leading zeros, which the API
 * server rejects), a missing or out-of-range prefix, or a prefix with leading zeros.
 */
export function parseCidr(text: string): ParsedCidr | null {
  return parseCidrRange(text)?.parsed ?? null;
}
