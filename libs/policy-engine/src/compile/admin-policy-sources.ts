import type { AdminPolicyObject } from '../model/objects';
import type { SnapshotModel } from '../model/snapshot-model';
import { IpSet, isValidIp } from '../sets';

type Fields = Record<string, unknown>;

function rulesOf(policy: AdminPolicyObject): Fields[] {
  const rules = [policy.spec.ingress, policy.spec.egress].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  return rules.filter((rule): rule is Fields => typeof rule === 'object' && rule !== null);
}

function peersOf(rule: Fields): Fields[] {
  const peers = [rule.from, rule.to].flatMap((list) => (Array.isArray(list) ? list : []));
  return peers.filter((peer): peer is Fields => typeof peer === 'object' && peer !== null);
}

/** Every `networks` CIDR of the admin policies: the address space is cut at their boundaries. */
export function adminNetworkBlocks(policies: readonly AdminPolicyObject[]): IpSet[] {
  const blocks: IpSet[] = [];
  for (const policy of policies) {
    for (const rule of rulesOf(policy)) {
      for (const peer of peersOf(rule)) {
        if (!Array.isArray(peer.networks)) continue;
        for (const cidr of peer.networks) if (typeof cidr === 'string') blocks.push(IpSet.fromCidr(cidr));
      }
    }
  }
  return blocks;
}

/**
 * Every address of every Node when some admin rule has a `nodes` peer: each node address becomes an atom of
 * its own, so that a node peer matches exactly its node's addresses.
 */
export function adminNodeAddresses(model: SnapshotModel): IpSet[] {
  const used = model.adminPolicies.some((policy) =>
    rulesOf(policy).some((rule) => peersOf(rule).some((peer) => peer.nodes !== undefined)),
  );
  if (!used) return [];
  return model.nodes.flatMap((node) =>
    node.addresses.filter((a) => isValidIp(a.address)).map((a) => IpSet.fromAddress(a.address)),
  );
}

/** Named ports the admin rules use (`namedPort`, `destinationNamedPort`). */
export function adminPortNames(policies: readonly AdminPolicyObject[]): Set<string> {
  const names = new Set<string>();
  for (const policy of policies) {
    for (const rule of rulesOf(policy)) {
      for (const entry of [rule.ports, rule.protocols].flatMap((list) => (Array.isArray(list) ? list : []))) {
        const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Fields;
        const name = fields.namedPort ?? fields.destinationNamedPort;
        if (typeof name === 'string') names.add(name);
      }
    }
  }
  return names;
}
