import { describe, expect, it } from 'vitest';
import { buildSnapshotContent, canonicalJson } from '@podreach/policy-engine';

const hashOf = (...files: [string, string][]) =>
  buildSnapshotContent(files.map(([name, text]) => ({ name, text }))).contentHash;

/** Manifests as a team keeps them in git: short, defaults left out. */
const manifests = `
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        env: [{name: MODE, value: prod}]
        ports: [{name: http, containerPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
  namespace: shop
spec:
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: edge}}
    - ipBlock: {cidr: 203.0.113.0/24, except: []}
    ports: [{port: http}, {port: 8443, endPort: 8444}]
  egress:
  - to: []
    ports: [{port: 53, protocol: UDP}]
`;

/** The same objects as `kubectl get -o json` prints them from a cluster they were applied to. */
const dump = JSON.stringify({
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'shop',
        uid: '9a1',
        resourceVersion: '10',
        creationTimestamp: '2026-01-01T00:00:00Z',
        labels: { 'kubernetes.io/metadata.name': 'shop' },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        annotations: { 'deployment.kubernetes.io/revision': '3' },
        generation: 3,
        labels: { app: 'web' },
        name: 'web',
        namespace: 'shop',
        managedFields: [{ manager: 'kubectl', operation: 'Update' }],
      },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 1,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: {
            containers: [
              {
                env: [{ name: 'MODE', value: 'prod' }],
                image: 'nginx:1.27',
                imagePullPolicy: 'IfNotPresent',
                name: 'web',
                ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
                terminationMessagePath: '/dev/termination-log',
              },
            ],
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
          },
        },
      },
      status: { replicas: 1, readyReplicas: 1 },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-web', namespace: 'shop', generation: 1, uid: 'abc' },
      spec: {
        egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { team: 'edge' } } },
              { ipBlock: { cidr: '203.0.113.0/24' } },
            ],
            ports: [
              { port: 'http', protocol: 'TCP' },
              { endPort: 8444, port: 8443, protocol: 'TCP' },
            ],
          },
        ],
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      },
    },
  ],
});

describe('content hash', () => {
  it('is the same for manifests and the kubectl dump of what they created', () => {
    expect(hashOf(['dump.json', dump])).toBe(hashOf(['k8s/app.yaml', manifests]));
  });

  it('does not depend on the order of objects, files or keys', () => {
    const reordered = JSON.parse(dump, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as { items: unknown[] };
    reordered.items.reverse();
    expect(hashOf(['b.json', JSON.stringify(reordered)])).toBe(hashOf(['a.json', dump]));
  });

  it('changes when anything the analysis uses changes', () => {
    const changed = dump.replace('"203.0.113.0/24"', '"203.0.113.0/25"');
    expect(hashOf(['dump.json', changed])).not.toBe(hashOf(['dump.json', dump]));
  });

  it('is a sha256 hex digest', () => {
    expect(hashOf(['dump.json', dump])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [{ d: 2, c: 3 }] }, '{"a":[{"c":3,"d":2}],"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [['x', 1, true], '["x",1,true]'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});
