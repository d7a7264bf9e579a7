import { describe, expect, it } from 'vitest';
import type { Peer } from '../evaluate/answers';
import { PeerTexts } from './peer-texts';

describe('PeerTexts', () => {
  const api: Peer = { type: 'workload', namespace: 'shop', kind: 'Deployment', name: 'api' };
  const sameApi: Peer = { ...api };
  const range: Peer = { type: 'ipRange', start: '192.0.2.0', end: '192.0.2.255' };

  it('names peers as answers print them', () => {
    const texts = new PeerTexts();
    expect(texts.of(api)).toBe('shop/api[Deployment]');
    expect(texts.of(range)).toBe('192.0.2.0-192.0.2.255');
  });

  it('numbers peers by text: equal texts get one number, whatever the object', () => {
    const texts = new PeerTexts();
    expect([texts.id(api), texts.id(range), texts.id(sameApi), texts.id(api)]).toEqual([0, 1, 0, 0]);
  });
});
