/**
 * The engine's admin tiers agree with the reference's on random clusters with random AdminNetworkPolicies,
 * BaselineAdminNetworkPolicies and ClusterNetworkPolicies (ties of priority included) on top of random
 * NetworkPolicies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdminPolicyObject, K8sObject, LabelSelector } from '../../src/model/objects';
import { engineSetEvaluator, referenceEvaluator } from '../evaluators';
import { endpointKey } from '../reference-evaluator';
import { OPTION_VALUES, PROBES, endpointsOf, pairsOf } from './probes';
import { clusterObjects, randomCluster } from './random-cluster';

const SELECTORS: LabelSelector[] = [
  {},
  { matchLabels: { app: 'a' } },
  { matchLabels: { 'kubernetes.io/metadata.name': 'n1' } },
  { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['b'] }] },
  { matchExpressions: [{ key: 'env', operator: 'Exists' }] },
];
const selector = fc.constantFrom(...SELECTORS);
const podsOf = fc.record({ namespaceSelector: selector, podSelector: selector });
const NETWORKS = ['0.0.0.0/0', '10.1.0.0/29', '10.1.0.4/30', '10.3.0.0/24', '192.0.2.0/25', 'fd00::/64'];

type Version = 'v1alpha1' | 'v1alpha2';
const KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'Admin', 'Baseline'] as const;

function peer(egress: boolean) {
  const common = [
    selector.map((namespaces) => ({ namespaces })),
    podsOf.map((pods) => ({ pods })),
    fc.constant({ serviceAccounts: {} }),
  ];
  const egressOnly = [
    selector.map((nodes) => ({ nodes })),
    fc.subarray(NETWORKS, { minLength: 1, maxLength: 2 }).map((networks) => ({ networks })),
  ];
  return fc.oneof(...common, ...(egress ? egressOnly : []));
}

/** A port entry as the version writes it. */
function port(version: Version): fc.Arbitrary<Record<string, unknown>> {
  const protocol = fc.constantFrom('TCP', 'UDP', 'SCTP');
  const number = fc.constantFrom(53, 80, 81, 8080);
  const named = fc.constantFrom('web', 'dns', 'alt');
  if (version === 'v1alpha1') {
    return fc.oneof(
      fc.record({ protocol, port: number }).map((portNumber) => ({ portNumber })),
      fc
        .record({ protocol, start: fc.constantFrom(53, 80), end: fc.constantFrom(81, 8080) })
        .map((portRange) => ({ portRange })),
      named.map((namedPort) => ({ namedPort })),
    );
  }
  return fc.oneof(
    fc.tuple(protocol, number).map(([p, n]) => ({ [p.toLowerCase()]: { destinationPort: { number: n } } })),
    fc.tuple(protocol, fc.constantFrom(53, 80)).map(([p, start]) => ({
      [p.toLowerCase()]: { destinationPort: { range: { start, end: 8080 } } },
    })),
    named.map((destinationNamedPort) => ({ destinationNamedPort })),
  );
}

function rules(version: Version, actions: readonly string[], egress: boolean) {
  const rule = fc.record(
    {
      action: fc.constantFrom(...actions),
      peers: fc.array(peer(egress), { minLength: 1, maxLength: 2 }),
      ports: fc.array(port(version), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ['action', 'peers'] },
  );
  return fc.array(rule, { maxLength: 3 }).map((list) =>
    list.map(({ action, peers, ports }) => ({
      action,
      [egress ? 'to' : 'from']: peers,
      ...(ports && { [version === 'v1alpha1' ? 'ports' : 'protocols']: ports }),
    })),
  );
}

const adminPolicy = fc.constantFrom(...KINDS).chain((kind) => {
  const version: Version = kind === 'Admin' || kind === 'Baseline' ? 'v1alpha2' : 'v1alpha1';
  const actions =
    kind === 'BaselineAdminNetworkPolicy'
      ? ['Allow', 'Deny']
      : version === 'v1alpha1'
        ? ['Allow', 'Deny', 'Pass']
        : ['Accept', 'Deny', 'Pass'];
  return fc
    .record({
      priority: fc.constantFrom(1, 2, 2, 3),
      subject: fc.oneof(
        selector.map((namespaces) => ({ namespaces })),
        podsOf.map((pods) => ({ pods })),
      ),
      ingress: rules(version, actions, false),
      egress: rules(version, actions, true),
    })
    .map(({ priority, ...spec }) => ({ kind, version, priority, spec }));
});

/** Named after their index so that names are unique and tie-breaks vary; one BANP at most. */
function toObjects(
  list: { kind: (typeof KINDS)[number]; version: Version; priority: number; spec: Record<string, unknown> }[],
) {
  const objects: AdminPolicyObject[] = [];
  list.forEach(({ kind, version, priority, spec }, i) => {
    const apiVersion = `policy.networking.k8s.io/${version}`;
    if (kind === 'BaselineAdminNetworkPolicy') {
      if (objects.some((o) => o.kind === kind)) return;
      objects.push({ kind, apiVersion, name: 'default', labels: {}, spec });
    } else if (kind === 'AdminNetworkPolicy') {
      objects.push({
        kind,
        apiVersion,
        name: `p${(i * 7) % 5}-${i}`,
        labels: {},
        spec: { priority, ...spec },
      });
    } else {
      objects.push({
        kind: 'ClusterNetworkPolicy',
        apiVersion,
        name: `p${(i * 3) % 5}-${i}`,
        labels: {},
        spec: { tier: kind, priority, ...spec },
      });
    }
  });
  return objects;
}

const clusterWithAdminPolicies = fc
  .tuple(randomCluster, fc.array(adminPolicy, { minLength: 1, maxLength: 4 }))
  .map(([cluster, policies]): K8sObject[] => [...clusterObjects(cluster), ...toObjects(policies)]);

describe('the engine agrees with the reference evaluator on admin tiers', () => {
  it.each(OPTION_VALUES)(
    'on every pair and probe of random clusters with admin policies (ipBlockMatchesPods=$ipBlockMatchesPods)',
    (options) => {
      fc.assert(
        fc.property(clusterWithAdminPolicies, (objects) => {
          const engine = engineSetEvaluator.load(objects);
          const reference = referenceEvaluator.load(objects);
          const disagreements = pairsOf(endpointsOf(objects)).flatMap(([src, dst]) =>
            PROBES.filter(
              ({ protocol, port: p }) =>
                engine(src, dst, protocol, p, options) !== reference(src, dst, protocol, p, options),
            ).map(
              ({ protocol, port: p }) =>
                `${endpointKey(src)} -> ${endpointKey(dst)} ${protocol}/${p}: reference says ${reference(src, dst, protocol, p, options) ? 'allowed' : 'denied'}`,
            ),
          );
          expect(disagreements.join('\n')).toBe('');
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );
});
