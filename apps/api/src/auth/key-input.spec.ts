import { describe, expect, it } from 'vitest';
import { parseKeyGrant } from './key-input';

const now = new Date('2026-11-28T12:00:00Z');

describe('a new key request', () => {
  it('takes a bare date as midnight UTC', () => {
    expect(parseKeyGrant({ name: 'ci', scopes: ['read'], expiresAt: '2027-01-31' }, now).expiresAt).toEqual(
      new Date('2027-01-31T00:00:00Z'),
    );
  });

  it('reads name, scopes (deduplicated, weakest first), clusters and expiry', () => {
    expect(
      parseKeyGrant(
        {
          name: 'ci',
          scopes: ['admin', 'read', 'admin'],
          clusters: ['prod', 'prod', 'eu-1'],
          expiresAt: '2027-01-31T08:00:00+01:00',
        },
        now,
      ),
    ).toEqual({
      name: 'ci',
      scopes: ['read', 'admin'],
      clusters: ['prod', 'eu-1'],
      expiresAt: new Date('2027-01-31T07:00:00Z'),
    });
  });

  it('gives every cluster and no expiry when they are absent or null', () => {
    expect(
      parseKeyGrant({ name: 'ops', scopes: ['read'], clusters: null, expiresAt: null }, now),
    ).toMatchObject({ clusters: null, expiresAt: null });
    expect(parseKeyGrant({ name: 'ops', scopes: ['read'] }, now)).toMatchObject({
      clusters: null,
      expiresAt: null,
    });
  });

  it.each([
    { body: null, field: 'body' },
    { body: [], field: 'body' },
    { body: { scopes: ['read'] }, field: 'name' },
    { body: { name: '', scopes: ['read'] }, field: 'name' },
    { body: { name: '   ', scopes: ['read'] }, field: 'name' },
    { body: { name: 'x'.repeat(101), scopes: ['read'] }, field: 'name' },
    { body: { name: 'a\nb', scopes: ['read'] }, field: 'name' },
    { body: { name: 'a\ud800', scopes: ['read'] }, field: 'name' },
    { body: { name: 'ci' }, field: 'scopes' },
    { body: { name: 'ci', scopes: [] }, field: 'scopes' },
    { body: { name: 'ci', scopes: 'read' }, field: 'scopes' },
    { body: { name: 'ci', scopes: ['read', 'root'] }, field: 'scopes[1]' },
    { body: { name: 'ci', scopes: ['read'], clusters: [] }, field: 'clusters' },
    { body: { name: 'ci', scopes: ['read'], clusters: 'prod' }, field: 'clusters' },
    { body: { name: 'ci', scopes: ['read'], clusters: ['prod', '-x'] }, field: 'clusters[1]' },
    { body: { name: 'ci', scopes: ['read'], clusters: [7] }, field: 'clusters[0]' },
    { body: { name: 'ci', scopes: ['read'], expiresAt: 'tomorrow' }, field: 'expiresAt' },
    { body: { name: 'ci', scopes: ['read'], expiresAt: '2027-01-31T00:00:00' }, field: 'expiresAt' },
    { body: { name: 'ci', scopes: ['read'], expiresAt: '2027-02-30T00:00:00Z' }, field: 'expiresAt' },
    { body: { name: 'ci', scopes: ['read'], expiresAt: '2027-01-01T24:00:00Z' }, field: 'expiresAt' },
    { body: { name: 'ci', scopes: ['read'], expiresAt: 1800000000000 }, field: 'expiresAt' },
    { body: { name: 'ci', scopes: ['read'], expiresAt: '2026-11-28T11:59:59Z' }, field: 'expiresAt' },
    { body: { name: 'ci', scopes: ['read'], cluster: ['prod'] }, field: 'cluster' },
  ])('refuses $body naming $field', ({ body, field }) => {
    expect(() => parseKeyGrant(body, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
    );
  });
});
