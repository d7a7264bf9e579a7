import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { fixture } from './fixtures';

/**
 * The valid manifests of test/fixtures the upload fuzz tests start from, and the helpers mutations use
 * to change them. A mutation changes one object and knows the field path the API must report for it
 * (`spec.ingress[2].ports[0].endPort`), or that the change is valid.
 */

export type Manifest = Record<string, unknown>;

/** Objects of each fixture, grouped so that one upload never holds the same object twice. */
const WORLDS: readonly (readonly Manifest[])[] = [
  (JSON.parse(fixture('cluster-list.json')) as { items: Manifest[] }).items,
  yamlObjects(fixture('reachability/cluster.yaml')),
  yamlObjects(fixture('diff/head.yaml')),
  yamlObjects(fixture('manifests.yaml')),
  adminPolicies(),
];

function yamlObjects(text: string): Manifest[] {
  return parseAllDocuments(text).map((document) => document.toJS() as Manifest);
}

/** The admin policy kinds, which no fixture file has: one valid object of each. */
function adminPolicies(): Manifest[] {
  const subject = { namespaces: { matchLabels: { team: 'shop' } } };
  return [
    {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'guard' },
      spec: {
        priority: 10,
        subject,
        ingress: [{ name: 'mon', action: 'Allow', from: [{ namespaces: {} }], ports: [{ namedPort: 'm' }] }],
        egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8', '::/0'] }] }],
      },
    },
    {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: { subject, egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] },
    },
    {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'tiered' },
      spec: {
        tier: 'Admin',
        priority: 5,
        subject,
        ingress: [{ action: 'Accept', from: [{ namespaces: {} }] }],
      },
    },
  ];
}

const clone = <T>(value: T): T => structuredClone(value);

/** A fixture world (by index) with some of its objects, in their order. */
export const fixtureObjects: fc.Arbitrary<Manifest[]> = fc
  .integer({ min: 0, max: WORLDS.length - 1 })
  .chain((world) => fc.subarray([...WORLDS[world]], { minLength: 1 }))
  .map(clone);

/** Changes one object; returns the field path the API must report, or undefined for a valid change. */
export interface Mutation {
  name: string;
  applies(object: Manifest): boolean;
  apply(object: Manifest): string | undefined;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const keyPath = (parent: string, key: string) =>
  PLAIN_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

export const kindIs =
  (...kinds: string[]) =>
  (object: Manifest) =>
    kinds.includes(object.kind as string);
export const any = () => true;
const WORKLOADS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'];
const CLUSTER_SCOPED = [
  'Namespace',
  'Node',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
];
/** Kinds podreach validates; others (ConfigMap, Service, ...) are skipped whatever they hold. */
export const understood = kindIs(...CLUSTER_SCOPED, 'Pod', ...WORKLOADS, 'CronJob', 'NetworkPolicy');
export const namespaced = (object: Manifest) =>
  understood(object) && !CLUSTER_SCOPED.includes(object.kind as string);
export const isPolicy = kindIs('NetworkPolicy');
export const hasPodSpec = kindIs('Pod', ...WORKLOADS);

/** The mapping at `keys` under `object`, made (or replaced) where it is missing. */
export function field(object: Manifest, ...keys: string[]): Manifest {
  let current = object;
  for (const key of keys) {
    if (typeof current[key] !== 'object' || current[key] === null) current[key] = {};
    current = current[key] as Manifest;
  }
  return current;
}

/** A mutation named for failure messages. */
export function mutation(name: string, applies: Mutation['applies'], apply: Mutation['apply']): Mutation {
  return { name, applies, apply };
}
