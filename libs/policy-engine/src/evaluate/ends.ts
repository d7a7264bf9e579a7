import type { CompiledSnapshot } from '../compile/compiled-snapshot';
import type { ModelPod, SnapshotModel } from '../model/snapshot-model';
import { ipToBigint, isValidIp } from '../sets';
import type { ResolvedEndpoint } from './endpoints';

/**
 * One end of a connection as the evaluation sees it: a pod of an enforceable class, or an address - an
 * outside address, a node, or a hostNetwork pod (whose traffic is its node's address and which policies do
 * not apply to).
 */
export type End =
  | { kind: 'class'; id: number; pod: ModelPod }
  | { kind: 'address'; atoms: number[]; nodeName?: string; pod?: ModelPod };

/** The ends of an endpoint: one per pod, or one for an address. */
export function endsOf(compiled: CompiledSnapshot, endpoint: ResolvedEndpoint): End[] {
  if (endpoint.address !== undefined) {
    return [
      {
        kind: 'address',
        atoms: [compiled.atoms.atomOf(ipToBigint(endpoint.address))],
        nodeName: nodeOfAddress(compiled.model, endpoint.address),
      },
    ];
  }
  return endpoint.pods.map((pod) => podEnd(compiled, pod));
}

export function podEnd(compiled: CompiledSnapshot, pod: ModelPod): End {
  const id = compiled.classOf.get(pod);
  if (id !== undefined) return { kind: 'class', id, pod };
  const atoms = new Set<number>();
  for (const ip of pod.ips) if (isValidIp(ip)) atoms.add(compiled.atoms.atomOf(ipToBigint(ip)));
  return { kind: 'address', atoms: [...atoms].sort((a, b) => a - b), nodeName: pod.nodeName, pod };
}

/** Per model, the node owning each address; built on the first address end (a diff checks many). */
const nodesByAddress = new WeakMap<SnapshotModel, Map<bigint, string>>();

/** The node that owns an address: from Node objects, or from hostNetwork pods (which use their node's IPs). */
function nodeOfAddress(model: SnapshotModel, address: string): string | undefined {
  let nodes = nodesByAddress.get(model);
  if (nodes === undefined) {
    const found = new Map<bigint, string>();
    // The first owner wins: Node objects in order, then hostNetwork pods in order.
    const claim = (ip: string, name: string) => {
      if (!isValidIp(ip)) return;
      const value = ipToBigint(ip);
      if (!found.has(value)) found.set(value, name);
    };
    for (const node of model.nodes) for (const a of node.addresses) claim(a.address, node.name);
    for (const pod of model.pods) {
      if (pod.hostNetwork && pod.nodeName !== undefined) for (const ip of pod.ips) claim(ip, pod.nodeName);
    }
    nodes = found;
    nodesByAddress.set(model, nodes);
  }
  return nodes.get(ipToBigint(address));
}
