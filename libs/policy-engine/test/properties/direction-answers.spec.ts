import fc from 'fast-check';
import { analyze, type ConnectionSetJson, type DirectionAnswer, type Peer } from '@podreach/policy-engine';
import { describe, expect, it } from 'vitest';
import { endpointRef, podRef } from '../evaluators';
import type { K8sObject } from '../../src/model/objects';
import { parseAddress, sameAddress } from '../reference/cidr';
import { endpointKey, referencePods, type ReferenceEndpoint } from '../reference-evaluator';
import { OPTION_VALUES, endpointsOf } from './probes';
import { clusterObjects, randomCluster } from './random-cluster';

function rangeHolds(peer: Peer, address: string): boolean {
  if (peer.type !== 'ipRange') return false;
  const ip = parseAddress(address);
  const [start, end] = [parseAddress(peer.start), parseAddress(peer.end)];
  return ip.family === start.family && start.value <= ip.value && ip.value <= end.value;
}

/**
 * What a direction answer says about one endpoint: its pod entry or the address range holding it. A hostNetwork
 * pod uses its node's address, so it may be answered either way.
 */
function listedConn(answer: DirectionAnswer, endpoint: ReferenceEndpoint): ConnectionSetJson | undefined {
  const inRange = (address: string) => answer.peers.find((p) => rangeHolds(p.peer, address))?.conn;
  if (typeof endpoint === 'string') return inRange(endpoint);
  const entry = answer.peers.find(
    (p) => p.peer.type === 'pod' && p.peer.namespace === endpoint.namespace && p.peer.name === endpoint.name,
  );
  return entry?.conn ?? (endpoint.hostNetwork ? inRange(endpoint.ips[0]) : undefined);
}

/** Whether `endpoint` is an address of `target`'s node (a hostNetwork pod there uses the node's address). */
function fromOwnNode(objects: K8sObject[], endpoint: ReferenceEndpoint, target: ReferenceEndpoint): boolean {
  if (typeof target === 'string') return false;
  const addresses = typeof endpoint === 'string' ? [endpoint] : endpoint.hostNetwork ? endpoint.ips : [];
  const node = objects.find((o) => o.kind === 'Node' && o.name === target.nodeName);
  return (
    node?.kind === 'Node' &&
    node.addresses.some((a) => addresses.some((address) => sameAddress(a.address, address)))
  );
}

describe('ingress and egress answers agree with pairwise check', () => {
  it.each(OPTION_VALUES)(
    'every peer of every pod (ipBlockMatchesPods=$ipBlockMatchesPods)',
    (options) => {
      fc.assert(
        fc.property(randomCluster, (cluster) => {
          const objects = clusterObjects(cluster);
          const analysis = analyze(objects);
          const problems: string[] = [];
          for (const target of referencePods(objects)) {
            const ingress = analysis.ingress(podRef(target), {}, options);
            const egress = analysis.egress(podRef(target), {}, options);
            for (const other of endpointsOf(objects)) {
              if (other === target) continue;
              const inbound = analysis.check(endpointRef(other), endpointRef(target), {}, options).conn;
              const outbound = analysis.check(endpointRef(target), endpointRef(other), {}, options).conn;
              // A peer with nothing allowed is left out of a direction answer.
              const expectIn = inbound.text === 'No Connections' ? undefined : inbound;
              const expectOut = outbound.text === 'No Connections' ? undefined : outbound;
              const name = `${endpointKey(other)} / ${endpointKey(target)}`;
              // Connection lists leave out the implicit rule that a pod's own node may always reach it.
              if (
                !fromOwnNode(objects, other, target) &&
                JSON.stringify(listedConn(ingress, other)) !== JSON.stringify(expectIn)
              ) {
                problems.push(`ingress of ${name}: check says ${inbound.text}`);
              }
              if (
                !fromOwnNode(objects, target, other) &&
                JSON.stringify(listedConn(egress, other)) !== JSON.stringify(expectOut)
              ) {
                problems.push(`egress toward ${name}: check says ${outbound.text}`);
              }
            }
          }
          expect(problems.join('\n')).toBe('');
        }),
        { numRuns: 30 },
      );
    },
    60_000,
  );
});
