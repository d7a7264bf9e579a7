import { describe, expect, it } from 'vitest';
import { namespace, networkPolicy, pod, workload } from '../../test/builders';
import { EngineError, ValidationError } from '../errors';
import { peerText } from '../evaluate/peer-text';
import { objectKey, type K8sObject } from '../model/objects';
import { applyWhatIf, whatIf } from './what-if';

/** shop: the api Deployment with a live pod and its ReplicaSet; the db StatefulSet pod; a bare debug pod. */
const base: K8sObject[] = [
  namespace('shop'),
  {
    ...workload('Deployment', 'shop', 'api'),
    template: { labels: { app: 'api' }, hostNetwork: false, ports: [] },
  },
  workload('ReplicaSet', 'shop', 'api-7c9f4', { kind: 'Deployment', name: 'api' }),
  pod('shop', 'api-7c9f4-a', {
    labels: { app: 'api' },
    ips: ['10.1.0.1'],
    owner: { kind: 'ReplicaSet', name: 'api-7c9f4' },
  }),
  pod('shop', 'db-0', {
    labels: { app: 'db' },
    ips: ['10.1.0.2'],
    owner: { kind: 'StatefulSet', name: 'db' },
  }),
  pod('shop', 'debug', { labels: { app: 'debug' }, ips: ['10.1.0.3'] }),
];

const keys = (objects: K8sObject[]) => objects.map((o) => objectKey(o)).sort();

const DENY_ALL = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all, namespace: shop }
spec: { podSelector: {} }
`;

const API_V2 = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api, version: v2 } }
    spec: { containers: [ { name: api, image: api:2, ports: [ { containerPort: 8080, name: http } ] } ] }
`;

describe('applyWhatIf', () => {
  it('adds objects that do not exist and replaces those that do', () => {
    const result = applyWhatIf(base, DENY_ALL);
    expect(keys(result)).toEqual(keys([...base, networkPolicy('shop', 'deny-all', {})]));
    const replaced = applyWhatIf(
      result,
      DENY_ALL.replace('podSelector: {}', 'podSelector: { matchLabels: { a: b } }'),
    );
    const policy = replaced.find((o) => o.kind === 'NetworkPolicy');
    expect(policy).toMatchObject({ spec: { podSelector: { matchLabels: { a: 'b' } } } });
    expect(replaced).toHaveLength(result.length);
  });

  it("replaces a changed workload's live pods by a template pod of its new template", () => {
    const result = applyWhatIf(base, API_V2);
    expect(result.some((o) => o.kind === 'Pod' && o.name === 'api-7c9f4-a')).toBe(false);
    expect(result.find((o) => o.kind === 'Deployment')).toMatchObject({
      template: { labels: { app: 'api', version: 'v2' } },
    });
  });

  it.each([
    ['a pod', { kind: 'Pod', namespace: 'shop', name: 'debug' }, ['Pod/shop/debug']],
    [
      'a workload and its live pods',
      { kind: 'Deployment', namespace: 'shop', name: 'api' },
      ['Deployment/shop/api', 'Pod/shop/api-7c9f4-a'],
    ],
    [
      'a workload known only by its pods',
      { kind: 'StatefulSet', namespace: 'shop', name: 'db' },
      ['Pod/shop/db-0'],
    ],
    ['a namespace and everything in it', { kind: 'Namespace', name: 'shop' }, keys(base)],
  ])('deletes %s', (_, deletion, gone) => {
    const result = applyWhatIf(base, '', [deletion]);
    expect(keys(result)).toEqual(keys(base).filter((key) => !gone.includes(key)));
  });

  it.each([
    ['an object that does not exist', { kind: 'Pod', namespace: 'shop', name: 'nope' }, 'NOT_FOUND'],
    ['an object in another namespace', { kind: 'Pod', name: 'debug' }, 'NOT_FOUND'],
    ['an unknown kind', { kind: 'ConfigMap', namespace: 'shop', name: 'x' }, 'BAD_USER_INPUT'],
  ])('refuses to delete %s', (_, deletion, code) => {
    expect(() => applyWhatIf(base, '', [deletion])).toThrow(expect.objectContaining({ code }));
  });

  it('rejects manifests that do not parse or break validation', () => {
    expect(() => applyWhatIf(base, 'kind: [')).toThrow(EngineError);
    expect(() =>
      applyWhatIf(base, DENY_ALL.replace('podSelector: {}', 'podSelector: {}, policyTypes: [Sideways]')),
    ).toThrow(ValidationError);
  });
});

describe('whatIf', () => {
  it('answers the diff of the change with whatIf: true and no head', () => {
    const answer = whatIf({ id: 'snap-1', label: 'prod', objects: base }, { manifests: DENY_ALL });
    expect(answer).toMatchObject({ whatIf: true, head: null, base: { id: 'snap-1', label: 'prod' } });
    expect(answer.summary.removed).toBeGreaterThan(0);
    expect(answer.connectivity.every((c) => c.type === 'removed')).toBe(true);
    expect(answer.connectivity.flatMap((c) => c.causedBy.map((cause) => cause.detail))).toContain(
      'shop/deny-all (added) now isolates ingress of shop/db[StatefulSet]',
    );
  });

  it('analyses a changed workload by its new template', () => {
    const answer = whatIf(
      {
        id: 'snap-1',
        objects: [
          ...base,
          networkPolicy('shop', 'v2-only', {
            podSelector: { matchLabels: { app: 'db' } },
            ingress: [{ from: [{ podSelector: { matchLabels: { version: 'v2' } } }] }],
          }),
        ],
      },
      { manifests: API_V2 },
    );
    const added = answer.connectivity
      .filter((c) => c.type === 'added')
      .map((c) => `${peerText(c.src)} ${peerText(c.dst)}`);
    expect(added).toContain('shop/api[Deployment] shop/db[StatefulSet]');
  });
});
