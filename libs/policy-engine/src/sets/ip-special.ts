import { V6_BASE } from './ip-address';
import { IpSet } from './ip-set';

/**
 * Address blocks that are not globally reachable (IANA special-purpose registries, RFC 6890 and successors):
 * private, shared (CGNAT), loopback, link-local, documentation, benchmarking, multicast and reserved space.
 * Traffic allowed from these is not "exposure to the internet".
 */
const NON_PUBLIC_CIDRS = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '64:ff9b:1::/48',
  '100::/64',
  '2001:2::/48',
  '2001:db8::/32',
  '3fff::/20',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
];

// `::ffff:0:0/96` (IPv4-mapped) is built from its points: written as a CIDR it would parse as IPv4 0.0.0.0/0.
const MAPPED_V6_BLOCK: [bigint, bigint] = [
  V6_BASE + (0xffffn << 32n),
  V6_BASE + (0xffffn << 32n) + 0xffffffffn,
];

let nonPublic: IpSet | undefined;

/** The union of all non-public blocks, built once. */
export function nonPublicAddresses(): IpSet {
  nonPublic ??= NON_PUBLIC_CIDRS.reduce(
    (acc, cidr) => acc.union(IpSet.fromCidr(cidr)),
    IpSet.fromIntervals([MAPPED_V6_BLOCK]),
  );
  return nonPublic;
}

/**
 * Whether every address of `range` is private or special-purpose (RFC 1918, loopback, link-local, CGNAT
 * `100.64.0.0/10`, ULA `fc00::/7`, documentation, multicast, ...), so none of it is public. An empty set
 * holds no public address and counts as private.
 */
export function isPrivate(range: IpSet | { start: string; end: string }): boolean {
  const set = range instanceof IpSet ? range : IpSet.fromRange(range.start, range.end);
  return set.subtract(nonPublicAddresses()).isEmpty();
}
