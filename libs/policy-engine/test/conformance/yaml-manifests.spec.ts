/**
 * Scenarios whose policies are written as manifests and go through parsing and normalization, so that the
 * API server's defaults (policyTypes, protocol, podSelector) are the parser's, not the test builders'.
 */
import { describe, expect, it } from 'vitest';
import { buildSnapshotContent, ValidationError } from '@podreach/policy-engine';
import type { K8sObject } from '../../src/model/objects';
import { conformanceSuite, probe } from './scenario';

const OUTSIDE = '192.0.2.10';

function policyIn(namespace: string, name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}`;
}

function manifests(...documents: string[]): K8sObject[] {
  return buildSnapshotContent([{ name: 'policies.yaml', text: documents.join('\n---\n') }]).objects;
}

conformanceSuite('manifests through the parser', [
  {
    name: 'spec with only a podSelector: Ingress, nothing allowed in',
    policies: manifests(policyIn('x', 'bare', '  podSelector: {}\n')),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*'] })],
  },
  {
    name: 'policyTypes: [] with an egress rule defaults to Ingress and Egress',
    policies: manifests(
      policyIn(
        'x',
        'empty-types',
        '  policyTypes: []\n  egress:\n  - to: [{namespaceSelector: {matchLabels: {ns: y}}}]\n',
      ),
    ),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*', `x/* -> x/*,z/*,${OUTSIDE}`] })],
  },
  {
    name: 'policyTypes: [] with egress: [] defaults to Ingress only',
    policies: manifests(policyIn('x', 'empty-both', '  podSelector: {}\n  policyTypes: []\n  egress: []\n')),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/*'] })],
  },
  {
    name: 'podSelector left out selects every pod; a port without protocol is TCP',
    policies: manifests(policyIn('y', 'no-selector', '  ingress:\n  - ports: [{port: 81}]\n')),
    probes: [probe('TCP', 81, { allow: true }), probe('UDP', 81, { allow: true, except: ['* -> y/*'] })],
  },
  {
    name: 'from: [] and ingress: [{}] both admit everything, outside addresses too',
    policies: manifests(
      policyIn('x', 'empty-from', '  podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - from: []\n'),
      policyIn('x', 'empty-rule', '  podSelector: {matchLabels: {pod: b}}\n  ingress:\n  - {}\n'),
      policyIn('x', 'no-rule', '  podSelector: {matchLabels: {pod: c}}\n  ingress: []\n'),
    ),
    outside: [OUTSIDE],
    probes: [probe('TCP', 80, { allow: true, except: ['* -> x/c'] })],
  },
  {
    name: 'named port and endPort from a manifest',
    policies: manifests(
      policyIn(
        'z',
        'ports',
        '  podSelector: {}\n  ingress:\n  - ports:\n    - {port: serve-81-udp, protocol: UDP}\n    - {port: 70, endPort: 80}\n',
      ),
    ),
    probes: [
      probe('UDP', 81, { allow: true }),
      probe('TCP', 80, { allow: true }),
      probe('TCP', 81, { allow: true, except: ['* -> z/*'] }),
    ],
  },
  {
    name: 'an ipBlock CIDR with host bits counts as its network',
    policies: manifests(
      policyIn(
        'x',
        'host-bits',
        '  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.2.7/24}}]\n',
      ),
    ),
    ipBlockMatchesPods: true,
    probes: [probe('TCP', 80, { allow: true, except: ['x/*,z/* -> x/*'] })],
  },
]);

describe('manifests the API server rejects', () => {
  it.each([
    ['an empty peer: from: [{}] (unlike from: [] or ingress: [{}])', '  ingress:\n  - from: [{}]\n'],
    [
      'an ipBlock combined with a selector in one peer',
      '  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]\n',
    ],
    ['In without values', '  podSelector: {matchExpressions: [{key: pod, operator: In, values: []}]}\n'],
    ['endPort with a named port', '  ingress:\n  - ports: [{port: serve-80-tcp, endPort: 81}]\n'],
  ])('%s', (_name, spec) => {
    expect(() => manifests(policyIn('x', 'invalid', spec))).toThrow(ValidationError);
  });
});
