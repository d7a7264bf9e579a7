/**
 * fast-check arbitraries for small random clusters: 2-3 namespaces (uploaded or only mentioned), two nodes,
 * 2-6 pods (IPv4, dual-stack, no IP yet, or hostNetwork) with labels from a small alphabet and named container
 * ports, some grouped into Deployments, and 0-4 random NetworkPolicies (random-policy.ts).
 */
import fc from 'fast-check';
import type {
  ContainerPort,
  K8sObject,
  NamespaceObject,
  NetworkPolicyObject,
  NodeObject,
  PodObject,
  WorkloadObject,
} from '../../src/model/objects';
import { namespace, node, pod, workload } from '../builders';
import { LABEL_KEYS, LABEL_VALUES, NAMESPACE_NAMES, PORT_NAMES, randomPolicy } from './random-policy';

/** Addresses next to the pods and ipBlocks (random-policy.ts), and one node's address. */
export const OUTSIDE_ADDRESSES = ['10.1.0.200', '192.0.2.1', 'fd00::ff', '10.3.0.1'];

const NODES = [node('node-1', ['10.3.0.1']), node('node-2', ['10.3.0.2'])];

/** Container ports by name; a pod has at most one port of each name. */
const CONTAINER_PORTS: Record<(typeof PORT_NAMES)[number], Omit<ContainerPort, 'name'>[]> = {
  web: [
    { port: 80, protocol: 'TCP' },
    { port: 8080, protocol: 'TCP' },
    { port: 80, protocol: 'SCTP' },
  ],
  dns: [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ],
  alt: [
    { port: 81, protocol: 'UDP' },
    { port: 81, protocol: 'TCP' },
  ],
};

export interface RandomCluster {
  namespaces: NamespaceObject[];
  nodes: NodeObject[];
  workloads: WorkloadObject[];
  pods: PodObject[];
  policies: NetworkPolicyObject[];
}

export function clusterObjects(cluster: RandomCluster): K8sObject[] {
  return [
    ...cluster.namespaces,
    ...cluster.nodes,
    ...cluster.workloads,
    ...cluster.pods,
    ...cluster.policies,
  ];
}

const containerPorts: fc.Arbitrary<ContainerPort[]> = fc
  .tuple(
    ...Object.entries(CONTAINER_PORTS).map(([name, choices]) =>
      fc.option(fc.constantFrom(...choices.map((c) => ({ name, ...c }))), { nil: undefined }),
    ),
  )
  .map((ports) => ports.filter((port) => port !== undefined));

const podShape = (namespaces: readonly string[]) =>
  fc.record({
    ns: fc.constantFrom(...namespaces),
    labels: fc.dictionary(fc.constantFrom(...LABEL_KEYS), fc.constantFrom(...LABEL_VALUES), { maxKeys: 3 }),
    ports: containerPorts,
    // Most pods have an IPv4 address, some an IPv6 one too; a pending pod may have none yet. A few use
    // their node's network.
    network: fc.constantFrom('v4', 'v4', 'v4', 'dual', 'dual', 'none', 'host'),
    node: fc.constantFrom(...NODES),
    deployment: fc.option(fc.constantFrom('d0', 'd1'), { nil: undefined }),
  });

function podIps(network: string, index: number, host: NodeObject): string[] {
  if (network === 'host') return host.addresses.map((a) => a.address);
  if (network === 'none') return [];
  return network === 'dual' ? [`10.1.0.${index + 1}`, `fd00::${index + 1}`] : [`10.1.0.${index + 1}`];
}

/** The Deployment and ReplicaSet objects behind pods that name a deployment in their namespace. */
function deploymentsOf(pods: PodObject[]): WorkloadObject[] {
  const replicaSets = [...new Set(pods.flatMap((p) => (p.owner ? [`${p.namespace}/${p.owner.name}`] : [])))];
  return replicaSets.flatMap((key) => {
    const [ns, replicaSet] = key.split('/');
    const deployment = replicaSet.replace(/-[^-]+$/, '');
    return [
      workload('Deployment', ns, deployment),
      workload('ReplicaSet', ns, replicaSet, { kind: 'Deployment', name: deployment }),
    ];
  });
}

/** A random small cluster with its policies. */
export const randomCluster: fc.Arbitrary<RandomCluster> = fc.integer({ min: 2, max: 3 }).chain((count) => {
  const names = NAMESPACE_NAMES.slice(0, count);
  return fc
    .record({
      namespaces: fc.tuple(
        ...names.map(() =>
          fc.record({
            labels: fc.dictionary(fc.constantFrom(...LABEL_KEYS), fc.constantFrom(...LABEL_VALUES), {
              maxKeys: 2,
            }),
            // A namespace that is only mentioned still has its name label.
            uploaded: fc.constantFrom(true, true, false),
          }),
        ),
      ),
      pods: fc.array(podShape(names), { minLength: 2, maxLength: 6 }),
      policies: fc
        .integer({ min: 0, max: 4 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => randomPolicy(names, i)))),
    })
    .map(({ namespaces, pods, policies }) => {
      const podObjects = pods.map((shape, i) =>
        pod(shape.ns, `p${i}`, {
          labels: shape.labels,
          ips: podIps(shape.network, i, shape.node),
          nodeName: shape.node.name,
          hostNetwork: shape.network === 'host',
          ports: shape.ports,
          ...(shape.deployment && { owner: { kind: 'ReplicaSet', name: `${shape.deployment}-7c9f4` } }),
        }),
      );
      return {
        namespaces: names.flatMap((name, i) =>
          namespaces[i].uploaded ? [namespace(name, namespaces[i].labels)] : [],
        ),
        nodes: NODES,
        workloads: deploymentsOf(podObjects),
        pods: podObjects,
        policies,
      };
    });
});
