import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnapshotContent, canonicalJson, contentHashOf } from '@podreach/policy-engine';

/** Every kind, with every optional field the normalizers write. */
const everyKind = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: a}}
---
apiVersion: v1
kind: Node
metadata: {name: n1, labels: {zone: a}}
status: {addresses: [{type: InternalIP, address: 10.1.0.1}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: shop
  labels: {app: web, '9': nine, '10': ten}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9, controller: true, uid: u1}]
spec:
  nodeName: n1
  containers: [{name: web, ports: [{name: http, containerPort: 8080}, {containerPort: 9090, protocol: UDP}]}]
status: {phase: Running, podIP: 10.0.0.5}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {hostNetwork: true, containers: [{name: web, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-7d4b9
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true, uid: u2}]
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web}]}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup, namespace: shop}
spec:
  schedule: '@daily'
  jobTemplate: {spec: {template: {metadata: {labels: {job: backup}}, spec: {containers: [{name: b}]}}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: shop, labels: {owner: sec}}
spec:
  podSelector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [a, b]}]}
  ingress:
  - from:
    - {podSelector: {matchLabels: {app: api}}, namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports: [{port: http}, {protocol: UDP, port: 8000, endPort: 8080}]
  egress:
  - to: [{namespaceSelector: {}}]
    ports: [{port: 53, protocol: UDP}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: guard, labels: {owner: sec}}
spec:
  priority: 5
  subject: {namespaces: {matchLabels: {env: prod}}}
  ingress:
  - {name: from-infra, action: Allow, from: [{namespaces: {matchLabels: {team: infra}}}], ports: [{portNumber: {port: 80}}]}
  egress:
  - name: no-metadata
    action: Deny
    to: [{networks: [169.254.169.254/32]}, {nodes: {matchLabels: {role: infra}}}]
    ports: [{portRange: {protocol: UDP, start: 1, end: 9}}]
  - {action: Pass, to: [{pods: {namespaceSelector: {}, podSelector: {}}}], ports: [{namedPort: dns}]}
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: base}
spec:
  tier: Baseline
  priority: 100
  subject: {pods: {podSelector: {}}}
  egress:
  - action: Accept
    to: [{domainNames: [example.com]}]
    protocols: [{tcp: {destinationPort: {number: 443}}}, {udp: {destinationPort: {range: {start: 53, end: 54}}}}]
`;

/** Keys in sorted order at every level: what lets `canonicalJson` use the native `JSON.stringify`. */
function keysInOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(keysInOrder);
  const keys = Object.keys(value);
  return keys.every((key, i) => i === 0 || keys[i - 1] < key) && Object.values(value).every(keysInOrder);
}

describe('canonical JSON of normalized objects', () => {
  const content = buildSnapshotContent([{ name: 'every-kind.yaml', text: everyKind }]);

  it('covers every kind of object', () => {
    expect(Object.keys(content.counts).sort()).toEqual([
      'AdminNetworkPolicy',
      'ClusterNetworkPolicy',
      'CronJob',
      'Deployment',
      'Namespace',
      'NetworkPolicy',
      'Node',
      'Pod',
      'ReplicaSet',
    ]);
  });

  it('is what the content hash covers, one text per object', () => {
    expect(content.objectsJson).toEqual(content.objects.map((object) => canonicalJson(object)));
    expect(content.contentHash).toBe(contentHashOf(content.objects));
  });

  it('comes from objects built with their keys in order, except label maps with number-like keys', () => {
    const [pod, ...others] = content.objects.filter((object) => object.kind === 'Pod');
    expect(others).toEqual([]);
    // JavaScript lists integer-like keys first, whatever order they were written in.
    expect(Object.keys(pod.labels)).toEqual(['9', '10', 'app']);
    expect(canonicalJson(pod.labels)).toBe('{"10":"ten","9":"nine","app":"web"}');
    const unordered = content.objects.filter((object) => !keysInOrder(object));
    expect(unordered).toEqual([pod]);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [{ d: 2, c: 3 }] }, '{"a":[{"c":3,"d":2}],"b":1}'],
    [{ a: 1, b: [{ c: 3, d: 2 }] }, '{"a":1,"b":[{"c":3,"d":2}]}'],
    [{ 2: 'x', 10: 'y' }, '{"10":"y","2":"x"}'],
    [[undefined, () => 1, Symbol('s')], '[null,null,null]'],
    [{ a: undefined, f: () => 1 }, '{"f":null}'],
    [{ at: new Date(0) }, '{"at":{}}'],
    [Object.assign(Object.create(null) as object, { b: 1, a: 2 }), '{"a":2,"b":1}'],
  ])('writes %o as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('writes any JSON value as sorting every key by hand does, whatever order its keys come in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(byHand(value));
        expect(canonicalJson(withSortedKeys(value))).toBe(byHand(value));
      }),
    );
  });
});

/** The definition of canonical JSON, written the slow way. */
function byHand(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(byHand).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${byHand(record[key])}`).join(',')}}`;
}

/** The same value, its objects rebuilt with keys inserted in sorted order (as the normalizers do). */
function withSortedKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(withSortedKeys);
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, withSortedKeys(record[key])]),
  );
}
