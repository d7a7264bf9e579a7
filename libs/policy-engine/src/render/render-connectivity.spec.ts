/**
 * Golden-file tests of the connectivity renderers: every format of every handcrafted answer below is compared
 * with `golden/<answer>.golden.<format>`, byte for byte. After an intended change of a format, regenerate them
 * with
 *
 *   UPDATE_GOLDEN=1 npx vitest run libs/policy-engine/src/render
 *
 * and review the changes of golden/ like any other code change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { ConnectionSetJson, ConnectivityAnswer, Peer } from '../evaluate/answers';
import { connectivityDocument } from './connectivity-json.formatter';
import {
  CONNECTIVITY_FORMATS,
  CONTENT_TYPES,
  isConnectivityFormat,
  type ConnectivityFormat,
} from './formats';
import { renderConnectivity } from './render-connectivity';

const GOLDEN = join(__dirname, 'golden');
const CONTEXT = { snapshot: 'snap-2026-11-28' };

const workload = (namespace: string, name: string, kind: string): Peer => ({
  type: 'workload',
  namespace,
  name,
  kind,
});
const pod = (namespace: string, name: string): Peer => ({ type: 'pod', namespace, name });
const range = (start: string, end: string): Peer => ({ type: 'ipRange', start, end });
const ALL: ConnectionSetJson = { all: true, text: 'All Connections' };
const tcp = (...ports: [number, number][]): ConnectionSetJson => ({
  all: false,
  protocols: { TCP: ports },
  text: `TCP ${ports.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`,
});

const api = workload('shop', 'api', 'Deployment');
const frontend = workload('shop', 'frontend', 'Deployment');
const prometheus = workload('monitoring', 'prometheus', 'StatefulSet');
/** Kubernetes forbids these names; the renderers must still keep them from breaking any format. */
const ODD = 'we"ird,ns|*_';

const ANSWERS: Record<string, ConnectivityAnswer> = {
  // Workload granularity: IPv4 and IPv6 ranges cut at the snapshot's CIDR boundaries, a partial pair, a bare pod.
  workloads: {
    options: { ipBlockMatchesPods: false },
    complete: true,
    warnings: [],
    granularity: 'workload',
    connections: [
      { src: range('0.0.0.0', '9.255.255.255'), dst: frontend, conn: tcp([443, 443]) },
      { src: range('11.0.0.0', '255.255.255.255'), dst: frontend, conn: tcp([443, 443]) },
      { src: range('::', 'fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'), dst: frontend, conn: tcp([443, 443]) },
      {
        src: range('fe00::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),
        dst: frontend,
        conn: tcp([443, 443]),
      },
      { src: prometheus, dst: api, conn: tcp([9090, 9090]) },
      { src: prometheus, dst: frontend, conn: tcp([9090, 9090]) },
      {
        src: api,
        dst: range('10.0.0.0', '10.255.255.255'),
        conn: {
          all: false,
          protocols: {
            SCTP: [[9003, 9003]],
            TCP: [
              [80, 80],
              [8000, 8080],
            ],
            UDP: [[53, 53]],
          },
          text: 'SCTP 9003,TCP 80,8000-8080,UDP 53',
        },
      },
      {
        src: api,
        dst: range('fd00::', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),
        conn: { all: false, protocols: { UDP: [[53, 53]] }, text: 'UDP 53' },
      },
      { src: api, dst: workload('shop', 'db', 'StatefulSet'), conn: tcp([5432, 5432]), partial: true },
      { src: workload('shop', 'debug', 'Pod'), dst: api, conn: ALL },
      { src: frontend, dst: api, conn: tcp([8080, 8080]) },
    ],
  },
  // Pod granularity on a snapshot with policies of other engines, warnings, and names that need escaping.
  'pods-incomplete': {
    options: { ipBlockMatchesPods: true },
    complete: false,
    incompleteReasons: [
      'CiliumNetworkPolicy kube-system/l7-rules is not evaluated',
      'Calico GlobalNetworkPolicy deny-egress is not evaluated',
    ],
    warnings: [
      {
        code: 'POD_NOT_RUNNING',
        message: `Pod ${ODD}/job-x is Failed and left out`,
        object: { kind: 'Pod', namespace: ODD, name: 'job-x' },
      },
      {
        code: 'CIDR_HOST_BITS',
        message: 'ipBlock cidr 10.0.0.1/24 has host bits set;\nread as 10.0.0.0/24 (see <https://k8s.io>)',
        object: { kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-lb' },
      },
      { code: 'SKIPPED_KIND', message: '# 2 objects of kind `CiliumNetworkPolicy` skipped' },
    ],
    granularity: 'pod',
    connections: [
      {
        src: range('2001:db8::100:0', '2001:db8::100:ffff'),
        dst: pod(ODD, 'web-0'),
        conn: tcp([80, 80], [443, 443]),
      },
      { src: pod('shop', 'client'), dst: pod(ODD, 'a\\b'), conn: ALL },
      {
        src: pod(ODD, 'a\\b'),
        dst: pod(ODD, 'c`d'),
        conn: { all: false, protocols: { UDP: [[53, 53]] }, text: 'UDP 53' },
      },
      {
        src: pod(ODD, 'web-0'),
        dst: range('2001:db8::100:0', '2001:db8::100:ffff'),
        conn: { all: false, protocols: { SCTP: [[9003, 9003]] }, text: 'SCTP 9003' },
      },
      { src: pod(ODD, 'web-0'), dst: workload('shop', 'worker', 'Deployment'), conn: tcp([8080, 8080]) },
    ],
  },
  empty: {
    options: { ipBlockMatchesPods: false },
    complete: true,
    warnings: [],
    granularity: 'workload',
    connections: [],
  },
};

const render = (answer: ConnectivityAnswer, format: ConnectivityFormat) =>
  [...renderConnectivity(answer, format, CONTEXT)].join('');

const cases = Object.keys(ANSWERS).flatMap((name) =>
  CONNECTIVITY_FORMATS.map((format) => ({ name, format })),
);

describe('renderConnectivity', () => {
  it.each(cases)('renders $name as $format like its golden file', ({ name, format }) => {
    const file = join(GOLDEN, `${name}.golden.${format}`);
    const output = render(ANSWERS[name], format);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(file, output);
    }
    expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(output).toBe(readFileSync(file, 'utf8'));
  });

  it.each(Object.keys(ANSWERS))('streams JSON of %s equal to JSON.stringify of the document', (name) => {
    expect(render(ANSWERS[name], 'json')).toBe(JSON.stringify(connectivityDocument(ANSWERS[name], CONTEXT)));
  });

  it.each(CONNECTIVITY_FORMATS)('yields a large answer as %s in several chunks', (format) => {
    const answer: ConnectivityAnswer = {
      ...ANSWERS.workloads,
      connections: Array.from({ length: 5000 }, (_, i) => ({
        src: workload('load', `client-${String(i).padStart(4, '0')}`, 'Deployment'),
        dst: api,
        conn: tcp([8080, 8080]),
      })),
    };
    const chunks = [...renderConnectivity(answer, format, CONTEXT)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((chunk) => chunk.length > 0)).toBe(true);
    const whole = chunks.join('');
    expect(whole).toContain('client-4999');
    if (format === 'json') {
      expect(whole).toBe(JSON.stringify(connectivityDocument(answer, CONTEXT)));
    }
  });

  it('marks an incomplete answer in txt even when it gives no reasons', () => {
    const answer: ConnectivityAnswer = { ...ANSWERS.workloads, complete: false };
    expect(render(answer, 'txt').split('\n')[0]).toBe(
      '# incomplete: policies the analysis does not evaluate',
    );
  });

  it('rejects an unknown format before rendering anything', () => {
    const unchecked = 'yaml' as ConnectivityFormat;
    const attempt = () => renderConnectivity(ANSWERS.empty, unchecked, CONTEXT);
    expect(attempt).toThrow(EngineError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('formats', () => {
  it.each([
    ['json', true],
    ['dot', true],
    ['JSON', false],
    ['yaml', false],
    ['constructor', false],
    [undefined, false],
  ])('isConnectivityFormat(%s) is %s', (value, known) => {
    expect(isConnectivityFormat(value)).toBe(known);
  });

  it('gives every format a content type', () => {
    expect(CONNECTIVITY_FORMATS.map((format) => CONTENT_TYPES[format].split(';')[0])).toEqual([
      'application/json',
      'text/plain',
      'text/markdown',
      'text/csv',
      'text/vnd.graphviz',
    ]);
  });
});
