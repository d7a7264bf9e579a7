import { describe, expect, it } from 'vitest';
import { parseBoolean, parseFormat, parseGranularity, parsePort, parseProtocol } from './reachability-input';

describe('REST query arguments', () => {
  it.each([
    { value: undefined, expected: undefined },
    { value: '', expected: undefined },
    { value: '1', expected: 1 },
    { value: '65535', expected: 65535 },
  ])('port $value reads as $expected', ({ value, expected }) => {
    expect(parsePort(value)).toBe(expected);
  });

  it.each(['0', '65536', '80x', '8.5', '-1', ' 80', '1e3', '000000080'])('port %j is refused', (value) => {
    expect(() => parsePort(value)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses a repeated argument instead of picking one', () => {
    expect(() => parsePort(['80', '443'])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it.each([
    { value: 'tcp', expected: 'TCP' },
    { value: 'Udp', expected: 'UDP' },
    { value: 'SCTP', expected: 'SCTP' },
  ])('protocol $value reads as $expected', ({ value, expected }) => {
    expect(parseProtocol(value)).toBe(expected);
  });

  it.each(['ICMP', 'tcp ', 'any'])('protocol %j is refused', (value) => {
    expect(() => parseProtocol(value)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('booleans are exactly true or false', () => {
    expect(parseBoolean(undefined, 'flag', false)).toBe(false);
    expect(parseBoolean('true', 'flag', false)).toBe(true);
    expect(parseBoolean('false', 'flag', true)).toBe(false);
    for (const value of ['1', 'yes', 'TRUE'])
      expect(() => parseBoolean(value, 'flag', false)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'flag' } }),
      );
  });

  it('granularity and format take their known words only', () => {
    expect(parseGranularity('pod')).toBe('pod');
    expect(() => parseGranularity('node')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(parseFormat(undefined)).toBe('json');
    expect(parseFormat('dot')).toBe('dot');
    expect(() => parseFormat('pdf')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
