import { describe, expect, it } from 'vitest';
import type { Peer } from '../evaluate/answers';
import { ConnectionSet, PortSet, ipToBigint } from '../sets';
import { ChangeList } from './change-list';
import { ConnectionSetCache } from './connection-set-cache';
import { PeerTexts } from './peer-texts';

const workload = (name: string): Peer => ({ type: 'workload', namespace: 'shop', kind: 'Deployment', name });
const tcp = (port: number) => ConnectionSet.of('TCP', PortSet.fromRanges([[port, port]]));
const span = (lo: string, hi: string, conn: ConnectionSet) => ({
  lo: ipToBigint(lo),
  hi: ipToBigint(hi),
  conn,
});
const lines = (list: ChangeList) =>
  list
    .sorted()
    .map(
      (c) => `${c.type} ${JSON.stringify(c.src)} ${JSON.stringify(c.dst)} ${c.before?.text} ${c.after?.text}`,
    );

describe('ChangeList', () => {
  it('keeps pairs whose sets differ, by type, sorted by source and destination', () => {
    const list = new ChangeList(new ConnectionSetCache(), new PeerTexts());
    list.pair(workload('web'), workload('db'), tcp(5432), tcp(5432));
    list.pair(workload('web'), workload('cache'), undefined, tcp(6379));
    list.pair(workload('api'), workload('db'), tcp(5432), undefined);
    list.pair(workload('api'), workload('cache'), tcp(6379), tcp(6380));
    expect(list.sorted().map((c) => `${c.type} ${c.src.type === 'workload' && c.src.name}`)).toEqual([
      'changed api',
      'removed api',
      'added web',
    ]);
  });

  it('cuts outside ranges at the boundaries of both sides and joins pieces that changed alike', () => {
    const list = new ChangeList(new ConnectionSetCache(), new PeerTexts());
    // Before: 10.0.0.0-10.0.0.255 on TCP 80. After: its first half on TCP 80, the rest and 10.0.1.0/24 on 443.
    list.ranges(
      workload('web'),
      false,
      [span('10.0.0.0', '10.0.0.255', tcp(80))],
      [
        span('10.0.0.0', '10.0.0.127', tcp(80)),
        span('10.0.0.128', '10.0.0.255', tcp(443)),
        span('10.0.1.0', '10.0.1.255', tcp(443)),
      ],
    );
    expect(lines(list)).toEqual([
      `changed ${JSON.stringify(workload('web'))} {"type":"ipRange","start":"10.0.0.128","end":"10.0.0.255"} TCP 80 TCP 443`,
      `added ${JSON.stringify(workload('web'))} {"type":"ipRange","start":"10.0.1.0","end":"10.0.1.255"} undefined TCP 443`,
    ]);
  });

  it('finds no change where both sides allow the same, however they split their ranges', () => {
    const list = new ChangeList(new ConnectionSetCache(), new PeerTexts());
    list.ranges(
      workload('web'),
      true,
      [span('10.0.0.0', '10.0.0.255', tcp(80))],
      [span('10.0.0.0', '10.0.0.127', tcp(80)), span('10.0.0.128', '10.0.0.255', tcp(80))],
    );
    expect(list.sorted()).toEqual([]);
  });
});
