import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../args';
import { keysCommand } from '../commands/keys.command';
import { newKeyRequest, parseLifetime } from './new-key-request';

const HOUR = 3_600_000;
const NOW = new Date('2026-01-01T00:00:00.000Z');

function request(argv: string[]) {
  return newKeyRequest(parseCommandArgs(keysCommand, ['create', ...argv]), 'keys', NOW);
}

describe('--expires-in', () => {
  it.each([
    ['30m', HOUR / 2],
    ['12h', 12 * HOUR],
    ['90d', 90 * 24 * HOUR],
    ['2w', 14 * 24 * HOUR],
    ['3650d', 3650 * 24 * HOUR],
  ])('reads %s', (text, ms) => {
    expect(parseLifetime(text, 'keys')).toBe(ms);
  });

  it.each(['90', 'd', '0d', '-1d', '1.5d', '90 d', '90D', '1y', ''])('rejects "%s"', (text) => {
    expect(() => parseLifetime(text, 'keys')).toThrow('--expires-in must be a number and a unit');
  });

  it('rejects a lifetime over ten years', () => {
    expect(() => parseLifetime('3651d', 'keys')).toThrow('at most 3650d');
  });
});

describe('keys create options', () => {
  it('sends the name and scopes, and neither clusters nor an expiry when none is given', () => {
    expect(request(['--name', 'ci', '--scope', 'read'])).toEqual({ name: 'ci', scopes: ['read'] });
  });

  it('takes repeated scopes and clusters, drops repeats, and dates the expiry from now', () => {
    const argv = ['--name', 'bot', '--scope', 'admin', '--scope', 'read', '--scope', 'read'];
    expect(
      request([...argv, '--cluster', 'prod', '--cluster', 'dev', '--cluster', 'prod', '--expires-in', '12h']),
    ).toEqual({
      name: 'bot',
      scopes: ['read', 'admin'],
      clusters: ['prod', 'dev'],
      expiresAt: '2026-01-01T12:00:00.000Z',
    });
  });

  it.each([
    [['--scope', 'read'], '--name is required'],
    [['--name', ' ', '--scope', 'read'], '--name is empty'],
    [['--name', 'ci'], '--scope is required'],
    [['--name', 'ci', '--scope', 'owner'], '--scope must be one of read, write, admin, not "owner"'],
    [['--name', 'ci', '--scope', 'read,write'], 'not "read,write"'],
    [['--name', 'ci', '--scope', 'read', '--cluster', ''], '--cluster is empty'],
    [['--name', 'ci', '--scope', 'read', '--expires-in', 'soon'], '--expires-in must be'],
  ])('rejects %j', (argv, message) => {
    expect(() => request(argv)).toThrow(message);
  });
});
