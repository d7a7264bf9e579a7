/**
 * Nodes and address allocation. Node `i` owns the pod CIDR `10.<i/256>.<i%256>.0/24` and the address
 * `172.16.0.0/12 + i + 1`, so pod IPs are unique in 10.0.0.0/8 and never collide with node addresses
 * (which hostNetwork pods use as their pod IP, as on a real cluster).
 */
import type { MetaFactory } from './k8s-meta';
import type { Random } from './random';
import type { RawObject } from './raw-objects';

/** A /24 holds 254 usable pod addresses; kubelet's default limit is 110, so this is never tight. */
const MAX_PODS_PER_NODE = 250;
const MAX_POD_SLOT = 254;
const ZONES = ['a', 'b', 'c'];

export interface Placement {
  nodeName: string;
  hostIP: string;
  podIP: string;
}

interface NodeSlot {
  name: string;
  index: number;
  hostIP: string;
  pods: number;
}

export class NodePool {
  readonly objects: RawObject[] = [];
  private readonly nodes: NodeSlot[] = [];

  constructor(
    count: number,
    private readonly random: Random,
    meta: MetaFactory,
  ) {
    if (count > 65_536) throw new Error(`at most 65536 nodes fit 10.0.0.0/8 as /24s, asked for ${count}`);
    for (let index = 0; index < count; index++) {
      const hostIP = nodeAddress(index);
      const name = `ip-${hostIP.replaceAll('.', '-')}.internal`;
      this.nodes.push({ name, index, hostIP, pods: 0 });
      this.objects.push({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: meta.meta({
          name,
          labels: {
            'kubernetes.io/hostname': name,
            'kubernetes.io/os': 'linux',
            'kubernetes.io/arch': 'amd64',
            'node.kubernetes.io/instance-type': random.pick(['m6i.2xlarge', 'm6i.4xlarge', 'c6i.4xlarge']),
            'topology.kubernetes.io/zone': `eu-west-1${ZONES[index % ZONES.length]}`,
          },
        }),
        spec: { podCIDR: podCidr(index), podCIDRs: [podCidr(index)], providerID: `aws:///${name}` },
        status: {
          addresses: [
            { type: 'InternalIP', address: hostIP },
            { type: 'Hostname', address: name },
          ],
          conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
          nodeInfo: { kubeletVersion: 'v1.33.2', containerRuntimeVersion: 'containerd://2.0.5' },
        },
      });
    }
  }

  get size(): number {
    return this.nodes.length;
  }

  /** A random node with room left, and the next free address of its pod CIDR. */
  place(): Placement {
    const start = this.random.int(0, this.nodes.length - 1);
    for (let step = 0; step < this.nodes.length; step++) {
      const node = this.nodes[(start + step) % this.nodes.length];
      if (node.pods < MAX_PODS_PER_NODE) {
        node.pods++;
        return { nodeName: node.name, hostIP: node.hostIP, podIP: podAddress(node.index, node.pods) };
      }
    }
    throw new Error('every node is full');
  }

  /** `count` distinct nodes for a DaemonSet's pods; hostNetwork pods take the node's own address. */
  placeOnDistinctNodes(count: number, hostNetwork: boolean): Placement[] {
    const candidates = hostNetwork ? this.nodes : this.nodes.filter((node) => node.pods < MAX_POD_SLOT);
    return this.random.sample(candidates, count).map((node) => {
      if (hostNetwork) return { nodeName: node.name, hostIP: node.hostIP, podIP: node.hostIP };
      node.pods++;
      return { nodeName: node.name, hostIP: node.hostIP, podIP: podAddress(node.index, node.pods) };
    });
  }
}

function podCidr(index: number): string {
  return `10.${index >> 8}.${index & 255}.0/24`;
}

function podAddress(index: number, slot: number): string {
  return `10.${index >> 8}.${index & 255}.${slot}`;
}

function nodeAddress(index: number): string {
  const n = index + 1;
  return `172.${16 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}
