/**
 * fast-check arbitraries for random NetworkPolicies: selectors with every operator, every peer kind, ports as
 * numbers, ranges, names or whole protocols, rules with absent, empty or filled lists, and every policyTypes
 * choice. Labels, namespaces, port names and addresses come from the small alphabet of random-cluster.ts.
 */
import fc from 'fast-check';
import type {
  LabelSelector,
  LabelSelectorRequirement,
  NetworkPolicyObject,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PolicyType,
} from '../../src/model/objects';
import { networkPolicy } from '../builders';

export const LABEL_KEYS = ['app', 'tier', 'env'] as const;
export const LABEL_VALUES = ['a', 'b', 'c'] as const;
export const NAMESPACE_NAMES = ['n1', 'n2', 'n3'] as const;
/** Names of container ports; random-cluster.ts gives each a few number/protocol choices. */
export const PORT_NAMES = ['web', 'dns', 'alt'] as const;
const NAME_KEY = 'kubernetes.io/metadata.name';

/**
 * Each CIDR with the excepts that lie inside it, as the API server requires. Pods are 10.1.0.1-10.1.0.6 (some
 * also fd00::1-fd00::6), nodes 10.3.0.1 and 10.3.0.2: the blocks cut between them.
 */
const BLOCKS: Record<string, string[]> = {
  '0.0.0.0/0': ['10.0.0.0/8', '10.1.0.0/24', '192.0.2.0/24'],
  '10.0.0.0/8': ['10.1.0.0/24', '10.1.0.0/29', '10.1.0.4/30'],
  '10.1.0.0/24': ['10.1.0.0/29', '10.1.0.4/30', '10.1.0.2/32'],
  '10.1.0.0/29': ['10.1.0.4/30', '10.1.0.2/32'],
  '192.0.2.0/24': ['192.0.2.0/25'],
  '10.3.0.0/24': ['10.3.0.2/32'],
  'fd00::/64': ['fd00::4/126', 'fd00::2/128'],
};

const protocol = fc.constantFrom('TCP', 'TCP', 'UDP', 'SCTP');

function selector(keys: readonly string[], values: readonly string[]): fc.Arbitrary<LabelSelector> {
  const key = fc.constantFrom(...keys);
  const requirement: fc.Arbitrary<LabelSelectorRequirement> = fc.oneof(
    fc.record({
      key,
      operator: fc.constantFrom('In' as const, 'NotIn' as const),
      values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({ key, operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
  );
  return fc.record(
    {
      matchLabels: fc.dictionary(key, fc.constantFrom(...values), { maxKeys: 1 }),
      matchExpressions: fc.array(requirement, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );
}

const podSelector = selector(LABEL_KEYS, LABEL_VALUES);
const namespaceSelector = selector([...LABEL_KEYS, NAME_KEY], [...LABEL_VALUES, ...NAMESPACE_NAMES]);

const ipBlock = fc
  .constantFrom(...Object.keys(BLOCKS))
  .chain((cidr) =>
    fc
      .subarray(BLOCKS[cidr], { maxLength: Math.min(2, BLOCKS[cidr].length) })
      .map((except) => ({ cidr, ...(except.length > 0 && { except }) })),
  );

const peer: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  fc.record({ podSelector }),
  fc.record({ namespaceSelector }),
  fc.record({ podSelector, namespaceSelector }),
  ipBlock.map((block) => ({ ipBlock: block })),
);

const policyPort: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.record({ protocol }),
  fc.record({ protocol, port: fc.constantFrom(53, 80, 81, 8080) }),
  fc.record({ protocol, port: fc.constantFrom(53, 80), endPort: fc.constantFrom(81, 8080) }),
  fc.record({ protocol, port: fc.constantFrom(...PORT_NAMES) }),
);

/** A rule of either direction: its peers (`from` or `to`) and ports. */
export interface RuleShape {
  peers?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

/** A rule's peers and ports; each list absent, empty or filled. */
export const randomRule: fc.Arbitrary<RuleShape> = fc.record(
  { peers: fc.array(peer, { maxLength: 2 }), ports: fc.array(policyPort, { maxLength: 2 }) },
  { requiredKeys: [] },
);

const policyTypes = fc.option(
  fc.constantFrom<PolicyType[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']),
  { nil: undefined },
);

/** A policy named `policy-<index>` in one of the namespaces, normalized as the API server would. */
export function randomPolicy(
  namespaces: readonly string[],
  index: number,
): fc.Arbitrary<NetworkPolicyObject> {
  const rules = fc.option(fc.array(randomRule, { maxLength: 2 }), { nil: undefined });
  return fc
    .record({ ns: fc.constantFrom(...namespaces), podSelector, policyTypes, ingress: rules, egress: rules })
    .map((p) =>
      networkPolicy(p.ns, `policy-${index}`, {
        podSelector: p.podSelector,
        ...(p.policyTypes && { policyTypes: p.policyTypes }),
        ...(p.ingress && {
          ingress: p.ingress.map((r) => ({
            ...(r.peers && { from: r.peers }),
            ...(r.ports && { ports: r.ports }),
          })),
        }),
        ...(p.egress && {
          egress: p.egress.map((r) => ({
            ...(r.peers && { to: r.peers }),
            ...(r.ports && { ports: r.ports }),
          })),
        }),
      }),
    );
}
