import type { AnalysisOptions } from '../evaluate/answers';
import type { IPBlock } from '../model/objects';
import type { ModelPod, SnapshotModel } from '../model/snapshot-model';
import { policySelectorKeys } from '../model/snapshot-model-selector-keys';
import { AddressAtoms, ipBlockSet } from './address-atoms';
import { compileAdminPolicies, type CompiledAdminPolicies } from './admin-policy-compiler';
import { adminNetworkBlocks, adminNodeAddresses, adminPortNames } from './admin-policy-sources';
import { compileNetworkPolicies, type CompiledNetworkPolicies } from './network-policy-compiler';
import { buildPodClasses, type PodClass } from './pod-classes';
import { SelectorIndex } from './selector-index';

/** A snapshot compiled for one set of analysis options: everything answers need, at class level. */
export interface CompiledSnapshot {
  model: SnapshotModel;
  options: AnalysisOptions;
  classes: readonly PodClass[];
  /** Class of each enforceable pod (hostNetwork pods have none). */
  classOf: ReadonlyMap<ModelPod, number>;
  /** The outside address space cut at every ipBlock boundary. */
  atoms: AddressAtoms;
  networkPolicies: CompiledNetworkPolicies;
  /** AdminNetworkPolicies, BaselineAdminNetworkPolicies and ClusterNetworkPolicies by tier. */
  adminPolicies: CompiledAdminPolicies;
}

/**
 * Compiles a snapshot once per options: pod classes, selectors as class bitsets, address atoms, and per class
 * and direction the policies that isolate it and the rules that may allow its traffic.
 */
export function compileSnapshot(model: SnapshotModel, options: AnalysisOptions): CompiledSnapshot {
  const networks = adminNetworkBlocks(model.adminPolicies);
  const atoms = new AddressAtoms([
    ...policyIpBlocks(model).map(ipBlockSet),
    ...networks,
    ...adminNodeAddresses(model),
  ]);
  const selectorKeys = policySelectorKeys(model.networkPolicies, model.adminPolicies);
  const portNames = new Set([...policyPortNames(model), ...adminPortNames(model.adminPolicies)]);
  // Admin `networks` match pod IPs whatever the option says, so pods are then told apart by address too.
  const { classes, classOf } = buildPodClasses(
    model,
    selectorKeys,
    portNames,
    options.ipBlockMatchesPods || networks.length > 0 ? atoms : undefined,
  );
  const selectors = new SelectorIndex(model, classes, selectorKeys);
  const networkPolicies = compileNetworkPolicies(model.networkPolicies, {
    classes,
    selectors,
    atoms,
    ipBlockMatchesPods: options.ipBlockMatchesPods,
  });
  const adminPolicies = compileAdminPolicies(model.adminPolicies, {
    classes,
    selectors,
    atoms,
    nodes: model.nodes,
  });
  return { model, options, classes, classOf, atoms, networkPolicies, adminPolicies };
}

function policyIpBlocks(model: SnapshotModel): IPBlock[] {
  const blocks: IPBlock[] = [];
  for (const policy of model.networkPolicies) {
    for (const rule of policy.spec.ingress ?? [])
      for (const peer of rule.from ?? []) if (peer.ipBlock) blocks.push(peer.ipBlock);
    for (const rule of policy.spec.egress ?? [])
      for (const peer of rule.to ?? []) if (peer.ipBlock) blocks.push(peer.ipBlock);
  }
  return blocks;
}

function policyPortNames(model: SnapshotModel): Set<string> {
  const names = new Set<string>();
  for (const policy of model.networkPolicies) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const port of rule.ports ?? []) if (typeof port.port === 'string') names.add(port.port);
    }
  }
  return names;
}
