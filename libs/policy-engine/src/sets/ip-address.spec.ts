import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { bigintToIp, ipToBigint, isValidIp, parseCidr, V4_MAX, V6_BASE, V6_MAX } from './ip-address';

describe('isValidIp', () => {
  it.each([
    '0.0.0.0',
    '10.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '2001:db8::',
    '2001:0db8:0000:0000:0000:0000:0000:0001',
    'FE80::1',
    '1:2:3:4:5:6:7::',
    '::ffff:10.1.2.3',
    '64:ff9b::192.0.2.33',
  ])('accepts %s', (ip) => {
    expect(isValidIp(ip)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['a leading zero in an octet', '010.0.0.1'],
    ['an octet above 255', '10.0.0.256'],
    ['three octets', '10.0.1'],
    ['a hexadecimal octet', '0x0a.0.0.1'],
    ['surrounding spaces', ' 10.0.0.1'],
    ['a prefix', '10.0.0.0/8'],
    ['a zone id', 'fe80::1%eth0'],
    ['two "::"', '1::2::3'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    ['seven groups without "::"', '1:2:3:4:5:6:7'],
    ['a five-digit group', '12345::'],
    ['a leading zero in an embedded IPv4 octet', '::ffff:10.01.2.3'],
    ['an embedded IPv4 part not at the end', '::1.2.3.4:5'],
    ['a lone colon', ':1'],
  ])('rejects %s', (_name, ip) => {
    expect(isValidIp(ip)).toBe(false);
  });
});

describe('the combined address line', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['255.255.255.255', V4_MAX],
    ['::', V6_BASE],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', V6_MAX],
    ['::ffff:1.2.3.4', 0x01020304n],
    ['::ffff:102:304', 0x01020304n],
  ])('puts %s at %s', (ip, value) => {
    expect(ipToBigint(ip)).toBe(value);
  });

  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['2001:0db8:0:0:0:0:0:0', '2001:db8::'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['FE80:0:0:0:0:0:0:1', 'fe80::1'],
    ['::', '::'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6'],
  ])('prints %s as %s', (ip, short) => {
    expect(bigintToIp(ipToBigint(ip))).toBe(short);
  });

  it('rejects what is not an address or not on the line', () => {
    expect(() => ipToBigint('10.0.0')).toThrow(EngineError);
    expect(() => bigintToIp(-1n)).toThrow(RangeError);
    expect(() => bigintToIp(V6_MAX + 1n)).toThrow(RangeError);
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', { network: '10.0.0.0', prefix: 8, hostBitsSet: false }],
    ['10.0.0.1/24', { network: '10.0.0.0', prefix: 24, hostBitsSet: true }],
    ['0.0.0.0/0', { network: '0.0.0.0', prefix: 0, hostBitsSet: false }],
    ['1.2.3.4/0', { network: '0.0.0.0', prefix: 0, hostBitsSet: true }],
    ['192.168.1.7/32', { network: '192.168.1.7', prefix: 32, hostBitsSet: false }],
    ['::/0', { network: '::', prefix: 0, hostBitsSet: false }],
    ['2001:db8::1/32', { network: '2001:db8::', prefix: 32, hostBitsSet: true }],
    ['2001:db8::1/128', { network: '2001:db8::1', prefix: 128, hostBitsSet: false }],
    ['::ffff:10.0.0.0/104', { network: '10.0.0.0', prefix: 8, hostBitsSet: false }],
  ])('reads %s', (cidr, parsed) => {
    expect(parseCidr(cidr)).toEqual(parsed);
  });

  it.each([
    ['no prefix', '10.0.0.0'],
    ['an empty prefix', '10.0.0.0/'],
    ['an IPv4 prefix above 32', '10.0.0.0/33'],
    ['an IPv6 prefix above 128', '::/129'],
    ['a negative prefix', '10.0.0.0/-1'],
    ['a prefix with a leading zero', '10.0.0.0/08'],
    ['a leading zero in an octet', '10.0.0.01/32'],
    ['a bad address', '10.0.0.256/32'],
    ['two slashes', '10.0.0.0/8/8'],
    ['a netmask instead of a prefix', '10.0.0.0/255.0.0.0'],
  ])('rejects %s', (_name, cidr) => {
    expect(parseCidr(cidr)).toBeNull();
  });
});
