import { describe, expect, it } from 'vitest';
import { SnapshotBuilder, ValidationError } from '@podreach/policy-engine';

/** The problems (path and message) a single uploaded object causes; `[]` when it is accepted. */
function problemsOf(object: unknown): { path: string; message: string }[] {
  const builder = new SnapshotBuilder();
  builder.addDocument(object, 'policy.yaml');
  try {
    builder.finish();
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems.map(({ path, message }) => ({ path, message }));
  }
}

function policy(spec: unknown, metadata: Record<string, unknown> = { name: 'allow-web', namespace: 'shop' }) {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec };
}

const ingressPort = (port: unknown) => ({ ingress: [{ ports: [port] }] });
const ingressPeer = (peer: unknown) => ({ ingress: [{ from: [peer] }] });
const p = (path: string, message: string) => ({ path, message });

describe('NetworkPolicy validation, as the API server does it', () => {
  it.each([
    ['an empty spec', {}],
    [
      'everything written out',
      {
        podSelector: {
          matchLabels: { app: 'web' },
          matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
        },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [{ podSelector: {}, namespaceSelector: { matchLabels: { team: 'a' } } }],
            ports: [{ port: 'http' }],
          },
        ],
        egress: [
          {
            to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
            ports: [{ protocol: 'UDP', port: 53 }],
          },
        ],
      },
    ],
    ['a port range', ingressPort({ port: 8000, endPort: 8080 })],
    ['a one-port range', ingressPort({ port: 8000, endPort: 8000 })],
    ['SCTP', ingressPort({ protocol: 'SCTP', port: 9000 })],
    ['a protocol without a port', ingressPort({ protocol: 'UDP' })],
    ['an IPv6 block', ingressPeer({ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } })],
    ['a repeated policy type (the API server accepts it)', { policyTypes: ['Ingress', 'Ingress'] }],
    ['Exists without values', { podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } }],
  ])('accepts %s', (_, spec) => {
    expect(problemsOf(policy(spec))).toEqual([]);
  });

  it.each([
    [
      'port 0',
      ingressPort({ port: 0 }),
      [p('spec.ingress[0].ports[0].port', 'must be between 1 and 65535, inclusive')],
    ],
    [
      'port 65536',
      ingressPort({ port: 65536 }),
      [p('spec.ingress[0].ports[0].port', 'must be between 1 and 65535, inclusive')],
    ],
    [
      'endPort below port',
      ingressPort({ port: 8080, endPort: 8000 }),
      [p('spec.ingress[0].ports[0].endPort', 'must be greater than or equal to `port`')],
    ],
    [
      'endPort above 65535',
      ingressPort({ port: 80, endPort: 70000 }),
      [p('spec.ingress[0].ports[0].endPort', 'must be between 1 and 65535, inclusive')],
    ],
    [
      'endPort with a named port',
      ingressPort({ port: 'http', endPort: 90 }),
      [p('spec.ingress[0].ports[0].endPort', 'may not be specified when `port` is non-numeric')],
    ],
    [
      'endPort without port',
      ingressPort({ endPort: 90 }),
      [p('spec.ingress[0].ports[0].endPort', 'may not be specified when `port` is not specified')],
    ],
    [
      'an unknown protocol',
      ingressPort({ protocol: 'ICMP', port: 1 }),
      [
        p(
          'spec.ingress[0].ports[0].protocol',
          'Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
        ),
      ],
    ],
    [
      'a lowercase protocol',
      ingressPort({ protocol: 'tcp', port: 1 }),
      [
        p(
          'spec.ingress[0].ports[0].protocol',
          'Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"',
        ),
      ],
    ],
    [
      'a named port longer than 15',
      ingressPort({ port: 'a-very-long-port-name' }),
      [p('spec.ingress[0].ports[0].port', 'must be no more than 15 characters')],
    ],
    [
      'a named port of digits',
      ingressPort({ port: '8080' }),
      [p('spec.ingress[0].ports[0].port', 'must contain at least one letter (a-z)')],
    ],
    [
      'a named port with a double hyphen',
      ingressPort({ port: 'web--ui' }),
      [p('spec.ingress[0].ports[0].port', 'must not contain consecutive hyphens')],
    ],
    [
      'a fractional port',
      ingressPort({ port: 80.5 }),
      [p('spec.ingress[0].ports[0].port', 'must be a port number or a port name, not a number')],
    ],
    [
      'a peer with no field',
      ingressPeer({}),
      [p('spec.ingress[0].from[0]', 'must specify a peer: podSelector, namespaceSelector or ipBlock')],
    ],
    [
      'ipBlock with a pod selector',
      ingressPeer({ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }),
      [p('spec.ingress[0].from[0]', 'may not specify both ipBlock and another peer')],
    ],
    [
      'ipBlock with a namespace selector',
      { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' }, namespaceSelector: {} }] }] },
      [p('spec.egress[0].to[0]', 'may not specify both ipBlock and another peer')],
    ],
    [
      'ipBlock without cidr',
      ingressPeer({ ipBlock: {} }),
      [p('spec.ingress[0].from[0].ipBlock.cidr', 'is required')],
    ],
    [
      'an invalid cidr',
      ingressPeer({ ipBlock: { cidr: '10.0.0.0/33' } }),
      [
        p(
          'spec.ingress[0].from[0].ipBlock.cidr',
          '"10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
        ),
      ],
    ],
    [
      'an address without prefix',
      ingressPeer({ ipBlock: { cidr: '10.0.0.1' } }),
      [
        p(
          'spec.ingress[0].from[0].ipBlock.cidr',
          '"10.0.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
        ),
      ],
    ],
    [
      'an except outside the cidr',
      ingressPeer({ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }),
      [
        p(
          'spec.ingress[0].from[0].ipBlock.except[0]',
          '"10.1.0.0/24": must be a strict subset of `cidr` (10.0.0.0/16)',
        ),
      ],
    ],
    [
      'an except equal to the cidr',
      ingressPeer({ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16'] } }),
      [
        p(
          'spec.ingress[0].from[0].ipBlock.except[0]',
          '"10.0.0.0/16": must be a strict subset of `cidr` (10.0.0.0/16)',
        ),
      ],
    ],
    [
      'an except of the other family',
      ingressPeer({ ipBlock: { cidr: '0.0.0.0/0', except: ['::/64'] } }),
      [
        p(
          'spec.ingress[0].from[0].ipBlock.except[0]',
          '"::/64": must be a strict subset of `cidr` (0.0.0.0/0)',
        ),
      ],
    ],
    [
      'an invalid except',
      ingressPeer({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/99'] } }),
      [
        p(
          'spec.ingress[0].from[0].ipBlock.except[0]',
          '"10.0.0.0/99": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
        ),
      ],
    ],
    [
      'an unknown policy type',
      { policyTypes: ['Ingress', 'Sideways'] },
      [p('spec.policyTypes[1]', 'Unsupported value: "Sideways": supported values: "Ingress", "Egress"')],
    ],
    [
      'three policy types',
      { policyTypes: ['Ingress', 'Egress', 'Ingress'] },
      [p('spec.policyTypes', 'may not specify more than two policyTypes')],
    ],
    [
      'In without values',
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] } },
      [
        p(
          'spec.podSelector.matchExpressions[0].values',
          "must be specified when `operator` is 'In' or 'NotIn'",
        ),
      ],
    ],
    [
      'NotIn without values',
      ingressPeer({ namespaceSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn' }] } }),
      [
        p(
          'spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values',
          "must be specified when `operator` is 'In' or 'NotIn'",
        ),
      ],
    ],
    [
      'Exists with values',
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] } },
      [
        p(
          'spec.podSelector.matchExpressions[0].values',
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        ),
      ],
    ],
    [
      'DoesNotExist with values',
      ingressPeer({
        podSelector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist', values: ['x'] }] },
      }),
      [
        p(
          'spec.ingress[0].from[0].podSelector.matchExpressions[0].values',
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        ),
      ],
    ],
    [
      'an unknown operator',
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['x'] }] } },
      [
        p(
          'spec.podSelector.matchExpressions[0].operator',
          '"Equals" is not a valid selector operator: use one of In, NotIn, Exists, DoesNotExist',
        ),
      ],
    ],
    [
      'an expression without key',
      { podSelector: { matchExpressions: [{ operator: 'Exists' }] } },
      [p('spec.podSelector.matchExpressions[0].key', 'is required')],
    ],
    [
      'an invalid expression key',
      { podSelector: { matchExpressions: [{ key: 'a b', operator: 'Exists' }] } },
      [
        p(
          'spec.podSelector.matchExpressions[0].key',
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name', or '123-abc')",
        ),
      ],
    ],
    [
      'an invalid expression value',
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['-x'] }] } },
      [
        p(
          'spec.podSelector.matchExpressions[0].values[0]',
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value', or '12345')",
        ),
      ],
    ],
    [
      'an invalid matchLabels value',
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'a'.repeat(64) } } },
      [
        p(
          'spec.podSelector.matchLabels["app.kubernetes.io/name"]',
          `value "${'a'.repeat(64)}": must be no more than 63 characters`,
        ),
      ],
    ],
    [
      'an invalid matchLabels key',
      { podSelector: { matchLabels: { 'Example.com/app': 'web' } } },
      [
        p(
          'spec.podSelector.matchLabels["Example.com/app"]',
          `key "Example.com/app": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')`,
        ),
      ],
    ],
  ])('rejects %s', (_, spec, expected) => {
    expect(problemsOf(policy(spec))).toEqual(expected);
  });

  it.each([
    ['spec', 'all', [p('spec', 'must be a mapping, not a string')]],
    ['spec.ingress', { ingress: {} }, [p('spec.ingress', 'must be a list, not a mapping')]],
    ['spec.ingress[0]', { ingress: ['web'] }, [p('spec.ingress[0]', 'must be a mapping, not a string')]],
    [
      "a rule's ports",
      { egress: [{ ports: 80 }] },
      [p('spec.egress[0].ports', 'must be a list, not an integer')],
    ],
    [
      'a selector',
      { podSelector: 'app=web' },
      [
        p(
          'spec.podSelector',
          'must be a label selector (a mapping with matchLabels and/or matchExpressions)',
        ),
      ],
    ],
    [
      'matchLabels values',
      { podSelector: { matchLabels: { replicas: 3 } } },
      [p('spec.podSelector.matchLabels.replicas', 'must be a string, not an integer')],
    ],
    [
      'endPort',
      ingressPort({ port: 80, endPort: '90' }),
      [p('spec.ingress[0].ports[0].endPort', 'must be an integer, not a string')],
    ],
    [
      'except',
      ingressPeer({ ipBlock: { cidr: '10.0.0.0/8', except: '10.1.0.0/16' } }),
      [p('spec.ingress[0].from[0].ipBlock.except', 'must be a list, not a string')],
    ],
  ])('reports a wrong JSON type at %s instead of failing', (_, spec, expected) => {
    expect(problemsOf(policy(spec))).toEqual(expected);
  });

  it.each([
    ['no name', { namespace: 'shop' }, [p('metadata.name', 'is required')]],
    [
      'an invalid name',
      { name: 'Allow_Web' },
      [
        p(
          'metadata.name',
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
        ),
      ],
    ],
    [
      'an invalid namespace',
      { name: 'np', namespace: 'shop.prod' },
      [
        p(
          'metadata.namespace',
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name')",
        ),
      ],
    ],
    [
      'an invalid label',
      { name: 'np', labels: { 'app.kubernetes.io/name': '-web' } },
      [
        p(
          'metadata.labels["app.kubernetes.io/name"]',
          `value "-web": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value', or '12345')`,
        ),
      ],
    ],
  ])('rejects metadata with %s', (_, metadata, expected) => {
    expect(problemsOf(policy({}, metadata))).toEqual(expected);
  });

  it('reports every problem of a policy at once, each with its document, kind, namespace and name', () => {
    const builder = new SnapshotBuilder();
    builder.addDocument(policy({ ingress: [{ ports: [{ port: 0 }], from: [{}] }] }), 'body');
    const where = { document: 'body', kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-web' };
    expect(() => builder.finish()).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        problems: [
          { ...where, ...p('spec.ingress[0].ports[0].port', 'must be between 1 and 65535, inclusive') },
          {
            ...where,
            ...p('spec.ingress[0].from[0]', 'must specify a peer: podSelector, namespaceSelector or ipBlock'),
          },
        ],
      }),
    );
  });
});
