import { describe, expect, it } from 'vitest';
import { impliedScopes, LOCAL_PRINCIPAL, maySeeCluster, type Principal, type Scope } from './principal';

describe('scopes', () => {
  it.each<{ granted: Scope[]; holds: Scope[] }>([
    { granted: ['read'], holds: ['read'] },
    { granted: ['write'], holds: ['read', 'write'] },
    { granted: ['admin'], holds: ['read', 'write', 'admin'] },
    { granted: ['read', 'admin'], holds: ['read', 'write', 'admin'] },
    { granted: [], holds: [] },
  ])('$granted holds $holds', ({ granted, holds }) => {
    expect([...impliedScopes(granted)]).toEqual(holds);
  });
});

describe('cluster scope', () => {
  const limited: Principal = { keyId: 'k', name: 'ci', scopes: new Set(['read']), clusters: ['prod'] };

  it('lets a limited key see its clusters only, by exact name', () => {
    expect(maySeeCluster(limited, 'prod')).toBe(true);
    expect(maySeeCluster(limited, 'staging')).toBe(false);
    expect(maySeeCluster(limited, 'Prod')).toBe(false);
  });

  it('lets the local principal see every cluster with every scope', () => {
    expect(maySeeCluster(LOCAL_PRINCIPAL, 'anything')).toBe(true);
    expect([...LOCAL_PRINCIPAL.scopes]).toEqual(['read', 'write', 'admin']);
  });
});
