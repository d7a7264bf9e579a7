/**
 * The cluster of the Kubernetes e2e network-policy suite: namespaces x, y, z (labelled `ns: x` ...), each with
 * pods a, b, c (labelled `pod: a` ...) serving TCP, UDP and SCTP on 80 and 81 through named container ports
 * `serve-80-tcp`, `serve-81-udp`, ... Pod IPs are 10.0.1.1 (x/a) to 10.0.3.3 (z/c): namespace x is 10.0.1.0/24.
 */
import type {
  ContainerPort,
  K8sObject,
  LabelSelector,
  Labels,
  PodObject,
  Protocol,
} from '../../src/model/objects';
import { namespace, pod } from '../builders';

export const NAMESPACES = ['x', 'y', 'z'] as const;
export const POD_NAMES = ['a', 'b', 'c'] as const;

/** The served container ports: `serve-<port>-<protocol>` for 80 and 81 over TCP, UDP and SCTP. */
export function servedPorts(ports: readonly number[] = [80, 81]): ContainerPort[] {
  const protocols: Protocol[] = ['TCP', 'UDP', 'SCTP'];
  return ports.flatMap((port) =>
    protocols.map((protocol) => ({ name: `serve-${port}-${protocol.toLowerCase()}`, port, protocol })),
  );
}

/** Per-pod (`x/a`) and per-namespace (`x`) changes to the standard cluster. */
export interface ClusterVariant {
  namespaceLabels?: Record<string, Labels>;
  podLabels?: Record<string, Labels>;
  podPorts?: Record<string, ContainerPort[]>;
}

/** The nine pods x/a..z/c plus their namespaces, with the variant's extra labels and replaced ports. */
export function xyzCluster(variant: ClusterVariant = {}): K8sObject[] {
  const namespaces = NAMESPACES.map((ns) => namespace(ns, { ns, ...variant.namespaceLabels?.[ns] }));
  const pods: PodObject[] = NAMESPACES.flatMap((ns, nsIndex) =>
    POD_NAMES.map((name, podIndex) =>
      pod(ns, name, {
        labels: { pod: name, ...variant.podLabels?.[`${ns}/${name}`] },
        ips: [`10.0.${nsIndex + 1}.${podIndex + 1}`],
        ports: variant.podPorts?.[`${ns}/${name}`] ?? servedPorts(),
      }),
    ),
  );
  return [...namespaces, ...pods];
}

/** `{ matchLabels: { ns } }`: the namespace of that name. */
export function nsIs(ns: string): LabelSelector {
  return { matchLabels: { ns } };
}

/** `{ matchLabels: { pod } }`: pods of that name (one per namespace). */
export function podIs(name: string): LabelSelector {
  return { matchLabels: { pod: name } };
}
