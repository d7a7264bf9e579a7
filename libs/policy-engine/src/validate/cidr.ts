import ipaddr from 'ipaddr.js';

/** A CIDR read the way the API server reads it (Go's `ParseCIDRSloppy`), plus what normalization needs. */
export interface ParsedCidr {
  family: 4 | 6;
  prefixLength: number;
  /** Network address bytes (host bits cleared). */
  network: Uint8Array;
  /** `network/prefix` in canonical text: IPv4 dotted decimal, IPv6 in RFC 5952 short form. */
  canonical: string;
  /** The address as written had bits set below the prefix (`10.0.0.1/24`). */
  hostBitsSet: boolean;
  /** An IPv4 octet was written with leading zeros (`010.0.0.0/8`), which the API server reads as decimal. */
  leadingZeros: boolean;
}

const IPV4_OCTET = /^\d{1,3}$/;
const PREFIX = /^\d{1,3}$/;

function parseIPv4(text: string): { bytes: Uint8Array; leadingZeros: boolean } | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => IPV4_OCTET.test(p))) return undefined;
  const bytes = Uint8Array.from(parts.map((p) => Number(p)));
  if (parts.some((p) => Number(p) > 255)) return undefined;
  return { bytes, leadingZeros: parts.some((p) => p.length > 1 && p.startsWith('0')) };
}

function parseIPv6(text: string): Uint8Array | undefined {
  // Zones (`fe80::1%eth0`) are not part of a CIDR.
  if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  return Uint8Array.from(ipaddr.IPv6.parse(text).toByteArray());
}

function maskBytes(bytes: Uint8Array, prefixLength: number): { network: Uint8Array; hostBitsSet: boolean } {
  const network = new Uint8Array(bytes.length);
  let hostBitsSet = false;
  bytes.forEach((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefixLength - i * 8));
    const mask = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    network[i] = byte & mask;
    if (network[i] !== byte) hostBitsSet = true;
  });
  return { network, hostBitsSet };
}

function addressText(family: 4 | 6, bytes: Uint8Array): string {
  return family === 4 ? Array.from(bytes).join('.') : ipaddr.fromByteArray(Array.from(bytes)).toString();
}

/** Parses `address/prefix`; `undefined` when the text is not a CIDR. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!PREFIX.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  const v4 = parseIPv4(address);
  const family: 4 | 6 = v4 ? 4 : 6;
  const bytes = v4?.bytes ?? parseIPv6(address);
  if (!bytes || prefixLength > bytes.length * 8) return undefined;
  const { network, hostBitsSet } = maskBytes(bytes, prefixLength);
  return {
    family,
    prefixLength,
    network,
    canonical: `${addressText(family, network)}/${prefixLength}`,
    hostBitsSet,
    leadingZeros: v4?.leadingZeros ?? false,
  };
}

/** Whether `inner` lies strictly inside `outer`: same family, longer prefix, and inside its range. */
export function isStrictSubnet(outer: ParsedCidr, inner: ParsedCidr): boolean {
  if (outer.family !== inner.family || inner.prefixLength <= outer.prefixLength) return false;
  const { network } = maskBytes(inner.network, outer.prefixLength);
  return network.every((byte, i) => byte === outer.network[i]);
}

/** The API server's wording for a value that is not a CIDR. */
export const CIDR_FORMAT_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
