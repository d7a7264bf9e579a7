/**
 * Changes to a random cluster that must keep or only grow what it allows: adding a rule to a listed
 * direction, reordering objects and rules, renaming a label key or value everywhere at once.
 */
import type { Direction } from '../../src/evaluate/answers';
import type {
  K8sObject,
  LabelSelector,
  Labels,
  NetworkPolicyObject,
  NetworkPolicyPeer,
} from '../../src/model/objects';
import type { RandomCluster } from './random-cluster';
import type { RuleShape } from './random-policy';

/** The directions a policy lists: only there does a new rule count. */
export function listedDirections(policy: NetworkPolicyObject): Direction[] {
  return policy.spec.policyTypes.map((type) => (type === 'Ingress' ? 'ingress' : 'egress'));
}

/** The cluster with `rule` appended to the `direction` rules of policy `index`. */
export function withRule(
  cluster: RandomCluster,
  index: number,
  direction: Direction,
  rule: RuleShape,
): RandomCluster {
  const policies = cluster.policies.map((policy, i) => {
    if (i !== index) return policy;
    const spec = { ...policy.spec };
    const ports = rule.ports && { ports: rule.ports };
    if (direction === 'ingress')
      spec.ingress = [...(spec.ingress ?? []), { ...(rule.peers && { from: rule.peers }), ...ports }];
    else spec.egress = [...(spec.egress ?? []), { ...(rule.peers && { to: rule.peers }), ...ports }];
    return { ...policy, spec };
  });
  return { ...cluster, policies };
}

/** Every policy with its rules, peers and ports in reverse order. */
export function reversedRules(policies: NetworkPolicyObject[]): NetworkPolicyObject[] {
  return policies.map((policy) => ({
    ...policy,
    spec: {
      ...policy.spec,
      ...(policy.spec.ingress && {
        ingress: [...policy.spec.ingress].reverse().map((rule) => ({
          ...(rule.from && { from: [...rule.from].reverse() }),
          ...(rule.ports && { ports: [...rule.ports].reverse() }),
        })),
      }),
      ...(policy.spec.egress && {
        egress: [...policy.spec.egress].reverse().map((rule) => ({
          ...(rule.to && { to: [...rule.to].reverse() }),
          ...(rule.ports && { ports: [...rule.ports].reverse() }),
        })),
      }),
    },
  }));
}

/** A renaming of label keys and of values under a key; it must be one-to-one on (key, value) pairs. */
export type Relabel = (key: string, value: string) => [string, string];

function relabelLabels(labels: Labels, relabel: Relabel): Labels {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => relabel(key, value)));
}

function relabelSelector(selector: LabelSelector, relabel: Relabel): LabelSelector {
  return {
    ...(selector.matchLabels && { matchLabels: relabelLabels(selector.matchLabels, relabel) }),
    ...(selector.matchExpressions && {
      matchExpressions: selector.matchExpressions.map((req) => ({
        ...req,
        // The key's new name does not depend on the value, so any value (here '') tells it.
        key: relabel(req.key, '')[0],
        ...(req.values && { values: req.values.map((value) => relabel(req.key, value)[1]) }),
      })),
    }),
  };
}

function relabelPeer(peer: NetworkPolicyPeer, relabel: Relabel): NetworkPolicyPeer {
  return {
    ...peer,
    ...(peer.podSelector && { podSelector: relabelSelector(peer.podSelector, relabel) }),
    ...(peer.namespaceSelector && { namespaceSelector: relabelSelector(peer.namespaceSelector, relabel) }),
  };
}

/** Renames labels on namespaces and pods and in every selector of every policy, consistently. */
export function relabelObjects(objects: K8sObject[], relabel: Relabel): K8sObject[] {
  return objects.map((object) => {
    if (object.kind === 'Namespace' || object.kind === 'Pod')
      return { ...object, labels: relabelLabels(object.labels, relabel) };
    if (object.kind !== 'NetworkPolicy') return object;
    const { spec } = object;
    return {
      ...object,
      spec: {
        ...spec,
        podSelector: relabelSelector(spec.podSelector, relabel),
        ...(spec.ingress && {
          ingress: spec.ingress.map((rule) => ({
            ...rule,
            ...(rule.from && { from: rule.from.map((p) => relabelPeer(p, relabel)) }),
          })),
        }),
        ...(spec.egress && {
          egress: spec.egress.map((rule) => ({
            ...rule,
            ...(rule.to && { to: rule.to.map((p) => relabelPeer(p, relabel)) }),
          })),
        }),
      },
    };
  });
}
