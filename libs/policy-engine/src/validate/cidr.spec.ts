import { describe, expect, it } from 'vitest';
import { isStrictSubnet, parseCidr } from './cidr';

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8', false],
    ['10.0.0.1/24', '10.0.0.0/24', true],
    ['192.168.7.255/30', '192.168.7.252/30', true],
    ['0.0.0.0/0', '0.0.0.0/0', false],
    ['1.2.3.4/32', '1.2.3.4/32', false],
    ['2001:DB8::/32', '2001:db8::/32', false],
    ['2001:db8::1/64', '2001:db8::/64', true],
    ['fd00:0:0:0:0:0:0:0/8', 'fd00::/8', false],
    ['::/0', '::/0', false],
  ])('%s is read as %s (host bits set: %s)', (text, canonical, hostBitsSet) => {
    expect(parseCidr(text)).toMatchObject({ canonical, hostBitsSet });
  });

  it('reads IPv4 octets with leading zeros as decimal, and says so', () => {
    expect(parseCidr('010.001.0.0/16')).toMatchObject({ canonical: '10.1.0.0/16', leadingZeros: true });
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '10.0.0/8',
    '256.0.0.0/8',
    '10.0.0.0/-1',
    'fe80::1%eth0/64',
    '::/129',
    'x/8',
    '',
  ])('%j is not a CIDR', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('isStrictSubnet', () => {
  const cidr = (text: string) => parseCidr(text)!;
  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.0.0.0/8', '10.255.255.255/32', true],
    ['10.0.0.0/8', '10.0.0.0/8', false],
    ['10.0.0.0/8', '11.0.0.0/16', false],
    ['10.0.0.0/16', '10.0.0.0/8', false],
    ['10.0.0.0/8', '::/64', false],
    ['2001:db8::/32', '2001:db8:1::/48', true],
    ['2001:db8::/32', '2001:db9::/48', false],
  ])('%s strictly contains %s: %s', (outer, inner, expected) => {
    expect(isStrictSubnet(cidr(outer), cidr(inner))).toBe(expected);
  });
});
