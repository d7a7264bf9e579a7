import { describe, expect, it } from 'vitest';
import { SnapshotBuilder, ValidationError } from '@podreach/policy-engine';

function problemsOf(object: unknown): { path: string; message: string }[] {
  const builder = new SnapshotBuilder();
  builder.addDocument(object, 'admin.yaml');
  try {
    builder.finish();
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems.map(({ path, message }) => ({ path, message }));
  }
}

const p = (path: string, message: string) => ({ path, message });
const allNamespaces = { namespaces: {} };

function anp(spec: Record<string, unknown>) {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'guard' },
    spec: { priority: 10, subject: allNamespaces, ...spec },
  };
}

function banp(spec: Record<string, unknown>, name = 'default') {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    metadata: { name },
    spec: { subject: allNamespaces, ...spec },
  };
}

function cnp(spec: Record<string, unknown>) {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'guard' },
    spec: { tier: 'Admin', priority: 10, subject: allNamespaces, ...spec },
  };
}

const anpEgress = (rule: Record<string, unknown>) =>
  anp({ egress: [{ action: 'Deny', to: [allNamespaces], ...rule }] });
const cnpEgress = (rule: Record<string, unknown>) =>
  cnp({ egress: [{ action: 'Deny', to: [allNamespaces], ...rule }] });
const rules = (count: number, rule: Record<string, unknown>) => Array.from({ length: count }, () => rule);

describe('AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1) validation', () => {
  it.each([
    [
      'an ANP with every peer and port kind',
      anp({
        subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } },
        ingress: [
          {
            name: 'from-monitoring',
            action: 'Allow',
            from: [{ namespaces: { matchLabels: { team: 'mon' } } }],
            ports: [{ namedPort: 'metrics' }],
          },
        ],
        egress: [
          { action: 'Pass', to: [{ nodes: {} }], ports: [{ portNumber: { protocol: 'TCP', port: 6443 } }] },
          {
            action: 'Deny',
            to: [{ networks: ['0.0.0.0/0', '::/0'] }],
            ports: [{ portRange: { start: 1, end: 1024 } }],
          },
          { action: 'Allow', to: [{ domainNames: ['*.example.com'] }] },
        ],
      }),
    ],
    ['priority 0 and 1000', anp({ priority: 0 })],
    ['100 rules', anp({ ingress: rules(100, { action: 'Allow', from: [allNamespaces] }) })],
    ['the BANP', banp({ egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }] })],
    [
      'a peer of a newer API version, which the evaluator fails closed on',
      anpEgress({ to: [{ serviceAccounts: {} }] }),
    ],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    ['no priority', anp({ priority: undefined }), [p('spec.priority', 'is required')]],
    [
      'priority 1001',
      anp({ priority: 1001 }),
      [p('spec.priority', 'must be between 0 and 1000, inclusive, not 1001')],
    ],
    [
      'priority -1',
      anp({ priority: -1 }),
      [p('spec.priority', 'must be between 0 and 1000, inclusive, not -1')],
    ],
    [
      'a fractional priority',
      anp({ priority: 1.5 }),
      [p('spec.priority', 'must be an integer, not a number')],
    ],
    ['no subject', anp({ subject: undefined }), [p('spec.subject', 'is required')]],
    [
      'an empty subject',
      anp({ subject: {} }),
      [p('spec.subject', 'must set exactly one of namespaces, pods')],
    ],
    [
      'a subject of an unknown type',
      anp({ subject: { serviceAccounts: {} } }),
      [p('spec.subject', 'must set exactly one of namespaces, pods')],
    ],
    [
      'a port of an unknown type',
      anpEgress({ ports: [{ portSet: 'web' }] }),
      [p('spec.egress[0].ports[0]', 'must set exactly one of portNumber, portRange, namedPort')],
    ],
    [
      'two subject fields',
      anp({ subject: { namespaces: {}, pods: { namespaceSelector: {}, podSelector: {} } } }),
      [p('spec.subject', 'must set exactly one of namespaces, pods, not namespaces and pods')],
    ],
    [
      'a pods subject without namespaceSelector',
      anp({ subject: { pods: { podSelector: {} } } }),
      [p('spec.subject.pods.namespaceSelector', 'is required')],
    ],
    [
      '101 ingress rules',
      anp({ ingress: rules(101, { action: 'Allow', from: [allNamespaces] }) }),
      [p('spec.ingress', 'must have at most 100 rules, not 101')],
    ],
    [
      'a rule name of 101 characters',
      anp({ ingress: [{ name: 'r'.repeat(101), action: 'Allow', from: [allNamespaces] }] }),
      [p('spec.ingress[0].name', 'must be no more than 100 characters')],
    ],
    [
      'the action Accept (v1alpha2 only)',
      anp({ ingress: [{ action: 'Accept', from: [allNamespaces] }] }),
      [p('spec.ingress[0].action', 'Unsupported value: "Accept": supported values: "Allow", "Deny", "Pass"')],
    ],
    [
      'no action',
      anp({ ingress: [{ from: [allNamespaces] }] }),
      [p('spec.ingress[0].action', 'is required')],
    ],
    ['no peers', anp({ ingress: [{ action: 'Deny' }] }), [p('spec.ingress[0].from', 'is required')]],
    [
      'an empty peer list',
      anp({ ingress: [{ action: 'Deny', from: [] }] }),
      [p('spec.ingress[0].from', 'must have at least 1 peer')],
    ],
    [
      'an empty peer',
      anp({ ingress: [{ action: 'Deny', from: [{}] }] }),
      [p('spec.ingress[0].from[0]', 'must set exactly one of namespaces, pods')],
    ],
    [
      'two fields in a peer',
      anpEgress({ to: [{ namespaces: {}, networks: ['10.0.0.0/8'] }] }),
      [
        p(
          'spec.egress[0].to[0]',
          'must set exactly one of namespaces, pods, nodes, networks, domainNames, not namespaces and networks',
        ),
      ],
    ],
    [
      'an invalid network',
      anpEgress({ to: [{ networks: ['10.0.0.0/40'] }] }),
      [
        p(
          'spec.egress[0].to[0].networks[0]',
          '"10.0.0.0/40": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
        ),
      ],
    ],
    [
      'an IPv4-embedded IPv6 network',
      anpEgress({ to: [{ networks: ['::ffff:10.0.0.0/104'] }] }),
      [
        p(
          'spec.egress[0].to[0].networks[0]',
          '"::ffff:10.0.0.0/104": IPv4 addresses embedded in IPv6 addresses are not supported',
        ),
      ],
    ],
    [
      'an empty network list',
      anpEgress({ to: [{ networks: [] }] }),
      [p('spec.egress[0].to[0].networks', 'must have at least 1 item')],
    ],
    [
      '26 networks',
      anpEgress({ to: [{ networks: rules(26, '10.0.0.0/8' as never) }] }),
      [p('spec.egress[0].to[0].networks', 'must have at most 25 items')],
    ],
    [
      'a named port toward networks',
      anpEgress({ to: [{ networks: ['10.0.0.0/8'] }], ports: [{ namedPort: 'http' }] }),
      [
        p(
          'spec.egress[0].ports',
          'a named port cannot be used with networks peers: they have no named ports',
        ),
      ],
    ],
    [
      'domainNames in a Deny rule',
      anpEgress({ to: [{ domainNames: ['example.com'] }] }),
      [p('spec.egress[0].to[0].domainNames', 'may only be used in rules whose action is Allow')],
    ],
    [
      'an invalid domain name',
      anpEgress({ action: 'Allow', to: [{ domainNames: ['exa mple.com'] }] }),
      [
        p(
          'spec.egress[0].to[0].domainNames[0]',
          '"exa mple.com" is not a domain name (e.g. example.com or *.example.com)',
        ),
      ],
    ],
    [
      'a port with two fields',
      anpEgress({ ports: [{ namedPort: 'http', portNumber: { port: 80 } }] }),
      [
        p(
          'spec.egress[0].ports[0]',
          'must set exactly one of portNumber, portRange, namedPort, not portNumber and namedPort',
        ),
      ],
    ],
    [
      'port 0',
      anpEgress({ ports: [{ portNumber: { protocol: 'TCP', port: 0 } }] }),
      [p('spec.egress[0].ports[0].portNumber.port', 'must be between 1 and 65535, inclusive')],
    ],
    [
      'an unknown port protocol',
      anpEgress({ ports: [{ portNumber: { protocol: 'ICMP', port: 1 } }] }),
      [
        p(
          'spec.egress[0].ports[0].portNumber.protocol',
          'Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
        ),
      ],
    ],
    [
      'a range that is not increasing',
      anpEgress({ ports: [{ portRange: { start: 90, end: 90 } }] }),
      [p('spec.egress[0].ports[0].portRange', 'start port (90) must be less than end port (90)')],
    ],
    [
      'a range end past 65535',
      anpEgress({ ports: [{ portRange: { start: 90, end: 65536 } }] }),
      [p('spec.egress[0].ports[0].portRange.end', 'must be between 1 and 65535, inclusive')],
    ],
    [
      'an invalid subject selector',
      anp({ subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'In' }] } } }),
      [
        p(
          'spec.subject.namespaces.matchExpressions[0].values',
          "must be specified when `operator` is 'In' or 'NotIn'",
        ),
      ],
    ],
  ])('rejects an ANP with %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });

  it.each([
    [
      'a name other than default',
      banp({}, 'baseline'),
      [
        p(
          'metadata.name',
          'must be "default": a cluster has only one BaselineAdminNetworkPolicy, not "baseline"',
        ),
      ],
    ],
    [
      'the action Pass',
      banp({ ingress: [{ action: 'Pass', from: [allNamespaces] }] }),
      [p('spec.ingress[0].action', 'Unsupported value: "Pass": supported values: "Allow", "Deny"')],
    ],
    [
      'a domainNames peer',
      banp({ egress: [{ action: 'Allow', to: [{ domainNames: ['example.com'] }] }] }),
      [
        p(
          'spec.egress[0].to[0]',
          'must set exactly one of namespaces, pods, nodes, networks; domainNames is not allowed here',
        ),
      ],
    ],
  ])('rejects a BANP with %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('ClusterNetworkPolicy (v1alpha2) validation', () => {
  it.each([
    [
      'an Admin CNP with protocols',
      cnp({
        ingress: [
          {
            action: 'Accept',
            from: [{ pods: { podSelector: {} } }],
            protocols: [{ tcp: { destinationPort: { number: 443 } } }, { destinationNamedPort: 'dns' }],
          },
        ],
        egress: [
          {
            action: 'Pass',
            to: [{ networks: ['10.0.0.0/8'] }],
            protocols: [{ udp: { destinationPort: { range: { start: 53, end: 54 } } } }],
          },
        ],
      }),
    ],
    [
      'a Baseline CNP',
      cnp({ tier: 'Baseline', egress: [{ action: 'Accept', to: [{ domainNames: ['example.com'] }] }] }),
    ],
    ['25 rules', cnp({ ingress: rules(25, { action: 'Deny', from: [allNamespaces] }) })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    ['no tier', cnp({ tier: undefined }), [p('spec.tier', 'is required')]],
    [
      'an unknown tier',
      cnp({ tier: 'Developer' }),
      [p('spec.tier', 'Unsupported value: "Developer": supported values: "Admin", "Baseline"')],
    ],
    [
      'priority 2000',
      cnp({ priority: 2000 }),
      [p('spec.priority', 'must be between 0 and 1000, inclusive, not 2000')],
    ],
    [
      '26 rules',
      cnp({ egress: rules(26, { action: 'Deny', to: [allNamespaces] }) }),
      [p('spec.egress', 'must have at most 25 rules, not 26')],
    ],
    [
      'the action Allow (v1alpha1 only)',
      cnp({ ingress: [{ action: 'Allow', from: [allNamespaces] }] }),
      [p('spec.ingress[0].action', 'Unsupported value: "Allow": supported values: "Accept", "Deny", "Pass"')],
    ],
    [
      '26 peers',
      cnp({ ingress: [{ action: 'Deny', from: rules(26, allNamespaces) }] }),
      [p('spec.ingress[0].from', 'must have at most 25 peers, not 26')],
    ],
    [
      'a pods peer without podSelector',
      cnp({ ingress: [{ action: 'Deny', from: [{ pods: { namespaceSelector: {} } }] }] }),
      [p('spec.ingress[0].from[0].pods.podSelector', 'is required')],
    ],
    [
      'an ingress nodes peer',
      cnp({ ingress: [{ action: 'Deny', from: [{ nodes: {} }] }] }),
      [p('spec.ingress[0].from[0]', 'must set exactly one of namespaces, pods; nodes is not allowed here')],
    ],
    [
      'two protocols in one entry',
      cnpEgress({
        protocols: [{ tcp: { destinationPort: { number: 80 } }, udp: { destinationPort: { number: 80 } } }],
      }),
      [
        p(
          'spec.egress[0].protocols[0]',
          'must set exactly one of tcp, udp, sctp, destinationNamedPort, not tcp and udp',
        ),
      ],
    ],
    [
      'a protocol without destinationPort',
      cnpEgress({ protocols: [{ sctp: {} }] }),
      [p('spec.egress[0].protocols[0].sctp.destinationPort', 'is required')],
    ],
    [
      'a port with number and range',
      cnpEgress({ protocols: [{ tcp: { destinationPort: { number: 80, range: { start: 1, end: 2 } } } }] }),
      [
        p(
          'spec.egress[0].protocols[0].tcp.destinationPort',
          'must set exactly one of number, range, not number and range',
        ),
      ],
    ],
    [
      'port 0',
      cnpEgress({ protocols: [{ tcp: { destinationPort: { number: 0 } } }] }),
      [p('spec.egress[0].protocols[0].tcp.destinationPort.number', 'must be between 1 and 65535, inclusive')],
    ],
    [
      'a reversed range',
      cnpEgress({ protocols: [{ udp: { destinationPort: { range: { start: 100, end: 10 } } } }] }),
      [
        p(
          'spec.egress[0].protocols[0].udp.destinationPort.range',
          'start port (100) must be less than end port (10)',
        ),
      ],
    ],
    [
      'a named port toward nodes',
      cnpEgress({ to: [{ nodes: {} }], protocols: [{ destinationNamedPort: 'http' }] }),
      [
        p(
          'spec.egress[0].protocols',
          'a named port cannot be used with nodes peers: they have no named ports',
        ),
      ],
    ],
    [
      'domainNames in a Pass rule',
      cnpEgress({ action: 'Pass', to: [{ domainNames: ['example.com'] }] }),
      [p('spec.egress[0].to[0].domainNames', 'may only be used in rules whose action is Accept')],
    ],
    [
      'no spec',
      {
        apiVersion: 'policy.networking.k8s.io/v1alpha2',
        kind: 'ClusterNetworkPolicy',
        metadata: { name: 'x' },
      },
      [p('spec', 'is required')],
    ],
  ])('rejects a CNP with %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});
