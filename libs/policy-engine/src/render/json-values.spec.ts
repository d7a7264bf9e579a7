import { describe, expect, it } from 'vitest';
import type { ConnectionSetJson, Peer } from '../evaluate/answers';
import { connectionSetJson, peerJson, warningJson } from './json-values';

/** Serialized as JSON to compare key order too, which `toEqual` ignores. */
const json = (value: unknown) => JSON.stringify(value);

describe('JSON values', () => {
  it('writes peers with their documented keys in order, whatever the engine added', () => {
    const built = { kind: 'Deployment', name: 'api', namespace: 'shop', type: 'workload', pods: 3 } as Peer;
    expect(json(peerJson(built))).toBe(
      '{"type":"workload","namespace":"shop","name":"api","kind":"Deployment"}',
    );
  });

  it('writes protocols in name order, as the text form lists them', () => {
    const built: ConnectionSetJson = {
      all: false,
      protocols: { UDP: [[53, 53]], TCP: [[80, 80]], SCTP: [[9003, 9003]] },
      text: 'SCTP 9003,TCP 80,UDP 53',
    };
    expect(json(connectionSetJson(built))).toBe(
      '{"all":false,"protocols":{"SCTP":[[9003,9003]],"TCP":[[80,80]],"UDP":[[53,53]]},"text":"SCTP 9003,TCP 80,UDP 53"}',
    );
  });

  it('writes a warning about a cluster-scoped object without a namespace', () => {
    const warning = { code: 'X', message: 'm', object: { kind: 'Node' as const, name: 'n1' } };
    expect(json(warningJson(warning))).toBe(
      '{"code":"X","message":"m","object":{"kind":"Node","name":"n1"}}',
    );
  });
});
