import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, keyPrefix, readBearerKey } from './api-key-format';

const KEY = `prk_${'A'.repeat(43)}`;

describe('API keys', () => {
  it('are prk_ and 43 base64url characters (32 random bytes), never the same twice', () => {
    const keys = new Set(Array.from({ length: 100 }, generateApiKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^prk_[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as the hex SHA-256 of the whole key', () => {
    expect(hashApiKey('prk_abc')).toBe('fa83da02a765853ea27e93db85019d60decf25177e3c12a8a0d3eaedf85a64dd');
    expect(hashApiKey(KEY)).not.toBe(hashApiKey(`${KEY}x`));
  });

  it('are listed by the 8 characters after prk_, or the first 8 of a key declared without it', () => {
    expect(keyPrefix('prk_Xq3vT0aBrest-of-the-key')).toBe('Xq3vT0aB');
    expect(keyPrefix('s3cr3t-operator-chosen-value-0123456789')).toBe('s3cr3t-o');
  });
});

describe('the Authorization header', () => {
  it.each([
    { header: `Bearer ${KEY}`, read: KEY },
    { header: `bearer ${KEY}`, read: KEY },
    { header: `BEARER   ${KEY}  `, read: KEY },
    {
      header: 'Bearer c2VjcmV0LXZhbHVlLW9mLWF0LWxlYXN0LTMyLWNoYXJz==',
      read: 'c2VjcmV0LXZhbHVlLW9mLWF0LWxlYXN0LTMyLWNoYXJz==',
    },
    { header: undefined, read: 'missing' },
    { header: '', read: 'missing' },
    { header: `Basic ${KEY}`, read: 'missing' },
    { header: 'Bearer', read: 'malformed' },
    { header: 'Bearer prk_short', read: 'malformed' },
    { header: `Bearer ${KEY} ${KEY}`, read: 'malformed' },
    { header: `Bearer ${KEY.slice(0, 20)}=abc${KEY.slice(20)}`, read: 'malformed' },
    { header: `Bearer ${KEY}é`, read: 'malformed' },
    { header: `Bearer ${'a'.repeat(513)}`, read: 'malformed' },
  ])('$header reads as $read', ({ header, read }) => {
    expect(readBearerKey(header)).toBe(read);
  });
});
