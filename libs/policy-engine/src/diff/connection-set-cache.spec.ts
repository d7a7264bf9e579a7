import { describe, expect, it } from 'vitest';
import { ConnectionSet, PortSet } from '../sets';
import { ConnectionSetCache } from './connection-set-cache';

describe('ConnectionSetCache', () => {
  const web = ConnectionSet.of('TCP', PortSet.fromRanges([[80, 80]])).union(ConnectionSet.allOf('UDP'));

  it('reads each JSON object once, into the set it stands for', () => {
    const cache = new ConnectionSetCache();
    const json = web.toJSON();
    const set = cache.fromJSON(json);
    expect(set.equals(web)).toBe(true);
    expect(cache.fromJSON(json)).toBe(set);
    // An equal object that is another object is read on its own.
    expect(cache.fromJSON(web.toJSON())).not.toBe(set);
  });

  it('writes each set once, as toJSON does', () => {
    const cache = new ConnectionSetCache();
    expect(cache.toJSON(web)).toEqual(web.toJSON());
    expect(cache.toJSON(web)).toBe(cache.toJSON(web));
    expect(cache.toJSON(ConnectionSet.all())).toEqual({ all: true, text: 'All Connections' });
  });
});
