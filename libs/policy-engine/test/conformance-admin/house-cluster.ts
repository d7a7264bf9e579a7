/**
 * The cluster of the upstream network-policy-api conformance suite, in podreach's normalized objects: four
 * namespaces (`house: gryffindor` ...), each with a StatefulSet of two pods serving TCP 80 and 8080 (`web`,
 * `web-alt`), UDP 53 and 5353 (`dns`, `dns-alt`) and SCTP 9003 and 9005 (`sctp`, `sctp-alt`). Pod IPs are
 * 10.1.<house>.<pod>: gryffindor is 10.1.1.0/24, hufflepuff 10.1.2.0/24, ravenclaw 10.1.3.0/24, slytherin
 * 10.1.4.0/24. Two nodes, 172.18.0.2 (`role: control-plane`) and 172.18.0.3 (`role: worker`).
 */
import type { ContainerPort, K8sObject, NodeObject, PodObject } from '../../src/model/objects';
import { namespace, pod } from '../builders';

export const HOUSES = ['gryffindor', 'hufflepuff', 'ravenclaw', 'slytherin'] as const;
const STATEFULSETS = ['harry-potter', 'cedric-diggory', 'luna-lovegood', 'draco-malfoy'] as const;

export const SERVED_PORTS: ContainerPort[] = [
  { name: 'web', port: 80, protocol: 'TCP' },
  { name: 'web-alt', port: 8080, protocol: 'TCP' },
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-alt', port: 5353, protocol: 'UDP' },
  { name: 'sctp', port: 9003, protocol: 'SCTP' },
  { name: 'sctp-alt', port: 9005, protocol: 'SCTP' },
];

export const NODE_ADDRESSES = ['172.18.0.2', '172.18.0.3'];
export const WORLD = '192.0.2.10';

export const NODES: NodeObject[] = [
  {
    kind: 'Node',
    name: 'control-plane',
    labels: { role: 'control-plane' },
    addresses: [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'control-plane' },
    ],
  },
  {
    kind: 'Node',
    name: 'worker',
    labels: { role: 'worker' },
    addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
  },
];

export interface HouseClusterOptions {
  /** Upload the Node objects (default true). */
  nodes?: boolean;
  /** Extra pods, e.g. a hostNetwork pod. */
  extraPods?: PodObject[];
}

/** The namespaces, StatefulSet pods and (optionally) nodes of the conformance cluster. */
export function houseCluster(options: HouseClusterOptions = {}): K8sObject[] {
  const namespaces = HOUSES.map((name) => namespace(name, { house: name }));
  const pods = HOUSES.flatMap((houseName, h) =>
    [0, 1].map((ordinal) => {
      const name = `${STATEFULSETS[h]}-${ordinal}`;
      return pod(houseName, name, {
        labels: { app: STATEFULSETS[h], 'statefulset.kubernetes.io/pod-name': name },
        owner: { kind: 'StatefulSet', name: STATEFULSETS[h] },
        ips: [`10.1.${h + 1}.${ordinal + 1}`],
        ports: SERVED_PORTS,
      });
    }),
  );
  return [...namespaces, ...pods, ...(options.extraPods ?? []), ...(options.nodes === false ? [] : NODES)];
}
