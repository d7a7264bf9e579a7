import { describe, expect, it } from 'vitest';
import { buildSnapshotContent, type K8sObject, type SnapshotContent } from '@podreach/policy-engine';

function build(text: string, name = 'upload.yaml'): SnapshotContent {
  return buildSnapshotContent([{ name, text }]);
}

function only(text: string): K8sObject {
  const { objects } = build(text);
  expect(objects).toHaveLength(1);
  return objects[0];
}

const networkPolicy = (spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: shop}\nspec:\n${spec}`;

describe('NetworkPolicy defaults (as the API server applies them)', () => {
  it.each([
    ['no spec at all', '  {}\n', { podSelector: {}, policyTypes: ['Ingress'] }],
    ['ingress rules only', '  ingress: [{}]\n', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] }],
    [
      'egress rules',
      '  egress: [{ports: [{port: 53, protocol: UDP}]}]\n',
      {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
      },
    ],
    ['an empty egress list', '  egress: []\n', { podSelector: {}, policyTypes: ['Ingress'] }],
    [
      'empty policyTypes',
      '  policyTypes: []\n  egress: [{}]\n',
      { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{}] },
    ],
    ['explicit Egress only', '  policyTypes: [Egress]\n', { podSelector: {}, policyTypes: ['Egress'] }],
    [
      'ports without protocol',
      '  ingress: [{ports: [{port: 80}, {port: http}, {port: 8000, endPort: 8080}, {}]}]\n',
      {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [
          {
            ports: [
              { port: 80, protocol: 'TCP' },
              { port: 'http', protocol: 'TCP' },
              { port: 8000, endPort: 8080, protocol: 'TCP' },
              { protocol: 'TCP' },
            ],
          },
        ],
      },
    ],
    [
      'empty lists and selectors, which the API server does not keep',
      '  podSelector: {matchLabels: {}, matchExpressions: []}\n  ingress: [{from: [], ports: []}]\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: []}}]}]\n',
      {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{}],
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
      },
    ],
  ])('normalizes %s', (_, spec, expected) => {
    expect(only(networkPolicy(spec))).toEqual({
      kind: 'NetworkPolicy',
      namespace: 'shop',
      name: 'np',
      labels: {},
      spec: expected,
    });
  });

  it('drops a repeated policy type with a warning', () => {
    const content = build(networkPolicy('  policyTypes: [Egress, Egress]\n'));
    expect(content.objects[0]).toMatchObject({ spec: { policyTypes: ['Egress'] } });
    expect(content.warnings).toEqual([
      {
        code: 'DUPLICATE_POLICY_TYPE',
        message: 'NetworkPolicy/shop/np: spec.policyTypes lists Egress more than once',
        object: { kind: 'NetworkPolicy', namespace: 'shop', name: 'np' },
      },
    ]);
  });

  it.each([
    [
      '10.0.0.1/24',
      '10.0.0.0/24',
      'CIDR_HOST_BITS',
      '10.0.0.1/24 has host bits set; it is read as 10.0.0.0/24',
    ],
    [
      '2001:db8::1/32',
      '2001:db8::/32',
      'CIDR_HOST_BITS',
      '2001:db8::1/32 has host bits set; it is read as 2001:db8::/32',
    ],
    [
      '010.0.0.0/8',
      '10.0.0.0/8',
      'CIDR_LEADING_ZEROS',
      '010.0.0.0/8 has leading zeros, read as decimal: 10.0.0.0/8',
    ],
  ])('normalizes the CIDR %s to %s with a warning', (written, cidr, code, message) => {
    const content = build(networkPolicy(`  ingress: [{from: [{ipBlock: {cidr: "${written}"}}]}]\n`));
    expect(content.objects[0]).toMatchObject({ spec: { ingress: [{ from: [{ ipBlock: { cidr } }] }] } });
    expect(content.warnings).toEqual([
      {
        code,
        message: `NetworkPolicy/shop/np: spec.ingress[0].from[0].ipBlock.cidr: ${message}`,
        object: expect.anything(),
      },
    ]);
  });

  it('normalizes except entries too, and writes IPv6 in its short form without a warning', () => {
    const content = build(
      networkPolicy(
        '  egress: [{to: [{ipBlock: {cidr: "2001:DB8:0::/32", except: ["2001:db8:1::1/48"]}}]}]\n',
      ),
    );
    expect(content.objects[0]).toMatchObject({
      spec: { egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } }] }] },
    });
    expect(content.warnings.map((w) => w.message)).toEqual([
      'NetworkPolicy/shop/np: spec.egress[0].to[0].ipBlock.except[0]: 2001:db8:1::1/48 has host bits set; it is read as 2001:db8:1::/48',
    ]);
  });
});

describe('pods and workloads', () => {
  it('keeps what the analysis needs from a pod', () => {
    const pod = only(`
apiVersion: v1
kind: Pod
metadata:
  name: web-7d4b9-x2x
  labels: {app: web, pod-template-hash: 7d4b9}
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9, controller: true, uid: u1}
  - {apiVersion: v1, kind: ConfigMap, name: other, uid: u2}
spec:
  nodeName: node-1
  containers:
  - {name: web, ports: [{name: http, containerPort: 8080}, {containerPort: 9090, protocol: UDP}]}
  - {name: sidecar, ports: [{name: metrics, containerPort: 9100}]}
status:
  phase: Running
  podIP: 10.0.0.5
  podIPs: [{ip: 10.0.0.5}, {ip: "fd00::5"}]
`);
    expect(pod).toEqual({
      kind: 'Pod',
      namespace: 'default',
      name: 'web-7d4b9-x2x',
      labels: { app: 'web', 'pod-template-hash': '7d4b9' },
      owner: { kind: 'ReplicaSet', name: 'web-7d4b9' },
      ips: ['10.0.0.5', 'fd00::5'],
      phase: 'Running',
      nodeName: 'node-1',
      hostNetwork: false,
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP' },
        { port: 9090, protocol: 'UDP' },
        { name: 'metrics', port: 9100, protocol: 'TCP' },
      ],
    });
  });

  it.each([
    ['status.podIP alone', 'status: {podIP: 10.0.0.9}', ['10.0.0.9']],
    ['no IP yet', 'status: {phase: Pending}', []],
  ])('reads pod IPs from %s', (_, status, ips) => {
    expect(only(`kind: Pod\nmetadata: {name: p}\n${status}\n`)).toMatchObject({ ips });
  });

  it('treats the mirror of a static pod (owned by its Node) as a bare pod', () => {
    const pod = only(
      'kind: Pod\nmetadata:\n  name: etcd-node-1\n  namespace: kube-system\n  ownerReferences: [{kind: Node, name: node-1, controller: true}]\nspec: {hostNetwork: true}\n',
    );
    expect(pod).not.toHaveProperty('owner');
    expect(pod).toMatchObject({ hostNetwork: true });
  });

  it.each([
    ['Deployment', 'apps/v1', 'spec: {template: {metadata: {labels: {app: w}}}}', 1],
    ['Deployment', 'apps/v1', 'spec: {replicas: 0, template: {metadata: {labels: {app: w}}}}', 0],
    ['ReplicaSet', 'apps/v1', 'spec: {replicas: 3, template: {metadata: {labels: {app: w}}}}', 3],
    ['ReplicationController', 'v1', 'spec: {template: {metadata: {labels: {app: w}}}}', 1],
    ['StatefulSet', 'apps/v1', 'spec: {template: {metadata: {labels: {app: w}}}}', 1],
    ['DaemonSet', 'apps/v1', 'spec: {template: {metadata: {labels: {app: w}}}}', undefined],
    ['Job', 'batch/v1', 'spec: {template: {metadata: {labels: {app: w}}}}', undefined],
    [
      'CronJob',
      'batch/v1',
      'spec: {jobTemplate: {spec: {template: {metadata: {labels: {app: w}}}}}}',
      undefined,
    ],
  ])('reads a %s template and its replicas (%s)', (kind, apiVersion, spec, replicas) => {
    const workload = only(
      `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w, namespace: shop}\n${spec}\n`,
    );
    expect(workload).toEqual({
      kind,
      namespace: 'shop',
      name: 'w',
      labels: {},
      ...(replicas === undefined ? {} : { replicas }),
      template: { labels: { app: 'w' }, hostNetwork: false, ports: [] },
    });
  });

  it('keeps the controller owner of a workload (a Job of a CronJob)', () => {
    const job = only(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: backup-1\n  ownerReferences: [{kind: CronJob, name: backup, controller: true}]\nspec: {template: {}}\n',
    );
    expect(job).toMatchObject({ owner: { kind: 'CronJob', name: 'backup' } });
  });

  it('keeps namespace and node labels and node addresses, and names every namespace in a label as the API server does', () => {
    const content = build(
      'kind: Namespace\nmetadata: {name: shop, labels: {team: a}}\n---\nkind: Node\nmetadata: {name: n1, labels: {zone: a}}\nstatus:\n  addresses: [{type: InternalIP, address: 10.1.0.1}, {type: Hostname, address: n1}]\n',
    );
    expect(content.objects).toEqual([
      { kind: 'Namespace', name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop', team: 'a' } },
      {
        kind: 'Node',
        name: 'n1',
        labels: { zone: 'a' },
        addresses: [
          { type: 'InternalIP', address: '10.1.0.1' },
          { type: 'Hostname', address: 'n1' },
        ],
      },
    ]);
  });
});

describe('admin policies', () => {
  it('keeps the spec as the API defines it, with port protocols defaulted and networks normalized', () => {
    const content = build(`
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: guard, labels: {owner: sec}}
spec:
  priority: 5
  subject: {namespaces: {matchLabels: {env: prod}}}
  ingress: []
  egress:
  - name: no-metadata
    action: Deny
    to: [{networks: [169.254.169.254/16]}]
    ports: [{portNumber: {port: 80}}, {portRange: {protocol: UDP, start: 1, end: 9}}]
  - {action: Pass, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {}}}}, {futurePeer: {x: 1}}], ports: [{namedPort: dns}]}
`);
    expect(content.objects).toEqual([
      {
        kind: 'AdminNetworkPolicy',
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        name: 'guard',
        labels: { owner: 'sec' },
        spec: {
          priority: 5,
          subject: { namespaces: { matchLabels: { env: 'prod' } } },
          ingress: [],
          egress: [
            {
              name: 'no-metadata',
              action: 'Deny',
              to: [{ networks: ['169.254.0.0/16'] }],
              ports: [
                { portNumber: { protocol: 'TCP', port: 80 } },
                { portRange: { protocol: 'UDP', start: 1, end: 9 } },
              ],
            },
            {
              action: 'Pass',
              to: [{ pods: { namespaceSelector: {}, podSelector: {} } }, {}],
              ports: [{ namedPort: 'dns' }],
            },
          ],
        },
      },
    ]);
    expect(content.warnings.map((w) => w.code)).toEqual(['CIDR_HOST_BITS']);
  });

  it('keeps a ClusterNetworkPolicy tier, priority and protocols', () => {
    const cnp = only(`
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: base}
spec:
  tier: Baseline
  priority: 100
  subject: {pods: {podSelector: {}}}
  ingress:
  - action: Accept
    from: [{namespaces: {}}]
    protocols: [{tcp: {destinationPort: {number: 443}}}, {udp: {destinationPort: {range: {start: 53, end: 54}}}}, {destinationNamedPort: web}]
`);
    expect(cnp).toEqual({
      kind: 'ClusterNetworkPolicy',
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      name: 'base',
      labels: {},
      spec: {
        tier: 'Baseline',
        priority: 100,
        subject: { pods: { namespaceSelector: {}, podSelector: {} } },
        ingress: [
          {
            action: 'Accept',
            from: [{ namespaces: {} }],
            protocols: [
              { tcp: { destinationPort: { number: 443 } } },
              { udp: { destinationPort: { range: { start: 53, end: 54 } } } },
              { destinationNamedPort: 'web' },
            ],
          },
        ],
      },
    });
  });
});
