import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { Protocol } from '../model/objects';
import { ConnectionSet, type ConnectionSetJson } from './connection-set';
import { MAX_PORT, PortSet } from './port-set';

const tcp = (...ranges: [number, number][]) => ConnectionSet.of('TCP', PortSet.fromRanges(ranges));
const udp = (...ranges: [number, number][]) => ConnectionSet.of('UDP', PortSet.fromRanges(ranges));
const sctp = (...ranges: [number, number][]) => ConnectionSet.of('SCTP', PortSet.fromRanges(ranges));

describe('ConnectionSet text', () => {
  it.each([
    ['nothing', ConnectionSet.none(), 'No Connections'],
    ['everything', ConnectionSet.all(), 'All Connections'],
    ['one TCP port', tcp([80, 80]), 'TCP 80'],
    [
      'protocols in name order',
      udp([53, 53])
        .union(tcp([80, 80], [8000, 8080]))
        .union(sctp([9003, 9003])),
      'SCTP 9003,TCP 80,8000-8080,UDP 53',
    ],
    ['every TCP port alone', ConnectionSet.allOf('TCP'), 'TCP 1-65535'],
    [
      'two full protocols',
      ConnectionSet.allOf('TCP').union(ConnectionSet.allOf('UDP')),
      'TCP 1-65535,UDP 1-65535',
    ],
    [
      'three full protocols built piece by piece',
      ConnectionSet.allOf('TCP').union(ConnectionSet.allOf('UDP')).union(ConnectionSet.allOf('SCTP')),
      'All Connections',
    ],
    [
      'all but one port',
      ConnectionSet.all().subtract(tcp([22, 22])),
      'SCTP 1-65535,TCP 1-21,23-65535,UDP 1-65535',
    ],
    ['an empty port set', ConnectionSet.of('UDP', PortSet.empty()), 'No Connections'],
  ])('%s', (_name, conn, text) => {
    expect(conn.toText()).toBe(text);
    expect(conn.key()).toBe(text);
  });
});

describe('ConnectionSet questions', () => {
  const conn = tcp([80, 80], [8000, 8080]).union(udp([53, 53]));

  it.each([
    ['TCP', 80, true],
    ['TCP', 8080, true],
    ['TCP', 53, false],
    ['UDP', 53, true],
    ['SCTP', 80, false],
  ] as const)('allows %s %s: %s', (protocol, port, allowed) => {
    expect(conn.allows(protocol, port)).toBe(allowed);
  });

  it.each([
    ['nothing named', undefined, undefined, 'TCP 80,8000-8080,UDP 53'],
    ['a protocol', 'TCP', undefined, 'TCP 80,8000-8080'],
    ['a port', undefined, 53, 'UDP 53'],
    ['a protocol and port', 'TCP', 8001, 'TCP 8001'],
    ['a protocol and a port it lacks', 'UDP', 80, 'No Connections'],
  ] as const)('restricts to %s', (_name, protocol, port, text) => {
    expect(conn.restrict(protocol, port).toText()).toBe(text);
  });

  it('restricts everything to one port of each protocol', () => {
    expect(ConnectionSet.all().restrict(undefined, 443).toText()).toBe('SCTP 443,TCP 443,UDP 443');
  });

  it('reports the ports of each protocol', () => {
    expect(conn.ports('TCP').toString()).toBe('80,8000-8080');
    expect(conn.ports('SCTP').isEmpty()).toBe(true);
  });
});

describe('ConnectionSet JSON', () => {
  it.each([
    ['everything', ConnectionSet.all(), { all: true, text: 'All Connections' }],
    ['nothing', ConnectionSet.none(), { all: false, protocols: {}, text: 'No Connections' }],
    [
      'some ports',
      udp([53, 53]).union(tcp([80, 80], [8000, 8080])),
      {
        all: false,
        protocols: {
          TCP: [
            [80, 80],
            [8000, 8080],
          ],
          UDP: [[53, 53]],
        },
        text: 'TCP 80,8000-8080,UDP 53',
      },
    ],
  ] as const)('writes %s and reads it back', (_name, conn, json) => {
    expect(conn.toJSON()).toEqual(json);
    // Same keys in the same (name) order, so stored answers are byte-stable.
    expect(JSON.stringify(conn)).toBe(JSON.stringify(json));
    expect(ConnectionSet.fromJSON(JSON.parse(JSON.stringify(conn))).equals(conn)).toBe(true);
  });

  it('canonicalizes what it reads', () => {
    const json: ConnectionSetJson = {
      all: false,
      protocols: {
        TCP: [
          [90, 100],
          [80, 89],
        ],
      },
      text: 'ignored',
    };
    expect(ConnectionSet.fromJSON(json).toText()).toBe('TCP 80-100');
    const full: ConnectionSetJson = {
      all: false,
      protocols: { SCTP: [[1, MAX_PORT]], TCP: [[1, MAX_PORT]], UDP: [[1, MAX_PORT]] },
      text: '',
    };
    expect(ConnectionSet.fromJSON(full).isAll()).toBe(true);
  });

  it.each([
    ['an unknown protocol', { all: false, protocols: { ICMP: [[1, 1]] }, text: '' }],
    ['a range that is not a pair', { all: false, protocols: { TCP: [[1]] }, text: '' }],
    ['a port out of range', { all: false, protocols: { TCP: [[0, 80]] }, text: '' }],
  ])('rejects %s', (_name, json) => {
    expect(() => ConnectionSet.fromJSON(json as unknown as ConnectionSetJson)).toThrow(EngineError);
  });
});

describe('ConnectionSet algebra', () => {
  const PROTOCOLS: Protocol[] = ['SCTP', 'TCP', 'UDP'];
  const part = fc
    .tuple(fc.constantFrom(...PROTOCOLS), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([p, a, b]) => ConnectionSet.of(p, PortSet.range(Math.min(a, b), Math.max(a, b))));
  const connSet = fc
    .array(part, { maxLength: 5 })
    .map((parts) => parts.reduce((acc, c) => acc.union(c), ConnectionSet.none()));
  const RUNS = { numRuns: 200 };

  // The model: the set of `PROTO/port` strings in the small window 1..12.
  const toModel = (c: ConnectionSet) =>
    PROTOCOLS.flatMap((p) =>
      c
        .ports(p)
        .ranges()
        .flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => `${p}/${lo + i}`)),
    ).sort();
  const ops = {
    union: (a: string[], b: string[]) => [...new Set([...a, ...b])].sort(),
    intersect: (a: string[], b: string[]) => a.filter((x) => b.includes(x)),
    subtract: (a: string[], b: string[]) => a.filter((x) => !b.includes(x)),
  };

  it.each(['union', 'intersect', 'subtract'] as const)('%s agrees with a plain set of connections', (op) => {
    fc.assert(
      fc.property(connSet, connSet, (a, b) => {
        expect(toModel(a[op](b))).toEqual(ops[op](toModel(a), toModel(b)));
      }),
      RUNS,
    );
  });

  it('equality is structural, and the key and JSON round trip preserve it', () => {
    fc.assert(
      fc.property(connSet, connSet, (a, b) => {
        expect(a.equals(b)).toBe(toModel(a).join() === toModel(b).join());
        expect(a.equals(b)).toBe(a.key() === b.key());
        expect(ConnectionSet.fromJSON(a.toJSON()).equals(a)).toBe(true);
      }),
      RUNS,
    );
  });

  it('obeys De Morgan and absorption laws', () => {
    fc.assert(
      fc.property(connSet, connSet, (a, b) => {
        const all = ConnectionSet.all();
        expect(all.subtract(a.union(b)).equals(all.subtract(a).intersect(all.subtract(b)))).toBe(true);
        expect(all.subtract(a.intersect(b)).equals(all.subtract(a).union(all.subtract(b)))).toBe(true);
        expect(a.union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.intersect(a.union(b)).equals(a)).toBe(true);
        expect(a.union(all.subtract(a)).isAll()).toBe(true);
        expect(a.intersect(all.subtract(a)).isEmpty()).toBe(true);
      }),
      RUNS,
    );
  });
});
