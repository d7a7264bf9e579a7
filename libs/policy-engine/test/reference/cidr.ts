/**
 * The reference evaluator's own address arithmetic: an address is a family and a bigint, a CIDR a network
 * address and a prefix length. Independent of the engine's ip-set on purpose.
 */

interface Address {
  family: 4 | 6;
  value: bigint;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) {
    return undefined;
  }
  return parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n);
}

function parseGroups(text: string): bigint[] | undefined {
  if (text === '') return [];
  const groups: bigint[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    // An embedded IPv4 address (`::ffff:10.0.0.1`) may only be the last part and counts as two groups.
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4(part);
      if (v4 === undefined) return undefined;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** Parses an IPv4 or IPv6 address; throws on anything else so that a broken fixture cannot pass silently. */
export function parseAddress(text: string): Address {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIPv6(text);
  if (v6 !== undefined) return { family: 6, value: v6 };
  throw new Error(`reference: not an IP address: ${text}`);
}

/** Whether `text` is an IPv4 or IPv6 address (a Node also lists its host name and DNS names as addresses). */
export function isAddress(text: string): boolean {
  return parseIPv4(text) !== undefined || parseIPv6(text) !== undefined;
}

/** Whether `address` lies inside `cidr`. Addresses of the other family are never inside. */
export function cidrContains(cidr: string, address: string): boolean {
  const [networkText, prefixText] = cidr.split('/');
  const network = parseAddress(networkText);
  const ip = parseAddress(address);
  if (network.family !== ip.family) return false;
  const width = network.family === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) {
    throw new Error(`reference: bad prefix length in ${cidr}`);
  }
  const hostBits = BigInt(width - prefix);
  return network.value >> hostBits === ip.value >> hostBits;
}

/** Whether two texts name the same address (`fd00::1` and `fd00:0::1` do). */
export function sameAddress(a: string, b: string): boolean {
  const x = parseAddress(a);
  const y = parseAddress(b);
  return x.family === y.family && x.value === y.value;
}
