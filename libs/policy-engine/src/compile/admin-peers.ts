import type { LabelSelector, NodeObject } from '../model/objects';
import { compileSelector } from '../selectors';
import { IpSet, isValidIp } from '../sets';
import type { AddressAtoms } from './address-atoms';
import { Bitset } from './bitset';
import type { PodClass } from './pod-classes';
import type { SelectorIndex } from './selector-index';

type Fields = Record<string, unknown>;

const KNOWN_PEER_FIELDS = ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'];

/** The pod classes and outside atoms a list of admin peers matches, and what could not be resolved. */
export interface AdminPeerMatch {
  classes: Bitset;
  atoms: Bitset;
  /** A `domainNames` peer: names cannot be resolved from a snapshot, so it matches nothing. */
  domainNames: boolean;
  /** A `nodes` peer in a snapshot without Node objects: it matches nothing. */
  nodesUnknown: boolean;
  /** A `networks` peer (it matches pod IPs too; template pods have none). */
  networks: boolean;
}

export interface AdminPeerContext {
  classes: readonly PodClass[];
  selectors: SelectorIndex;
  atoms: AddressAtoms;
  nodes: readonly NodeObject[];
}

function selectorOf(value: unknown): LabelSelector {
  return (typeof value === 'object' && value !== null ? value : {}) as LabelSelector;
}

/** Pods of the namespaces a selector matches (`namespaces`), or of a `pods` namespace + pod selector. */
export function podClassesOf(peer: Fields, context: AdminPeerContext): Bitset | undefined {
  const { selectors } = context;
  if (peer.namespaces !== undefined)
    return selectors.pods(selectors.namespaces(selectorOf(peer.namespaces)), {});
  if (peer.pods !== undefined) {
    const pods = selectorOf(peer.pods) as Fields;
    // v1alpha2 may leave the namespace selector out: pods of every namespace.
    return selectors.pods(
      selectors.namespaces(selectorOf(pods.namespaceSelector)),
      selectorOf(pods.podSelector),
    );
  }
  return undefined;
}

/**
 * Compiles the `from`/`to` peers of one admin rule. A peer with no field this engine knows (a newer API's)
 * fails closed, as the API asks: it matches nothing in an allowing rule, and every pod and address otherwise.
 * `networks` match pod IPs as well as outside addresses; hostNetwork pods are never classes, so selectors
 * never match them (their traffic is their node's address).
 */
export function compileAdminPeers(
  peers: unknown,
  allowing: boolean,
  context: AdminPeerContext,
): AdminPeerMatch {
  const match: AdminPeerMatch = {
    classes: Bitset.empty(context.classes.length),
    atoms: Bitset.empty(context.atoms.count),
    domainNames: false,
    nodesUnknown: false,
    networks: false,
  };
  const list = Array.isArray(peers) ? peers : [];
  for (const raw of list) {
    const peer = (typeof raw === 'object' && raw !== null ? raw : {}) as Fields;
    if (!KNOWN_PEER_FIELDS.some((field) => peer[field] !== undefined)) {
      if (!allowing) {
        match.classes.orInPlace(Bitset.full(context.classes.length));
        match.atoms.orInPlace(Bitset.full(context.atoms.count));
      }
      continue;
    }
    const pods = podClassesOf(peer, context);
    if (pods !== undefined) match.classes.orInPlace(pods);
    if (peer.nodes !== undefined) {
      if (context.nodes.length === 0) match.nodesUnknown = true;
      match.atoms.orInPlace(nodeAtoms(selectorOf(peer.nodes), context));
    }
    if (Array.isArray(peer.networks)) {
      match.networks = true;
      let set = IpSet.empty();
      for (const cidr of peer.networks) if (typeof cidr === 'string') set = set.union(IpSet.fromCidr(cidr));
      const atoms = context.atoms.atomsOf(set);
      match.atoms.orInPlace(atoms);
      for (const c of context.classes) if (c.atoms.some((a) => atoms.has(a))) match.classes.add(c.id);
    }
    if (peer.domainNames !== undefined) match.domainNames = true;
  }
  return match;
}

/** Every address of every Node whose labels match. */
function nodeAtoms(selector: LabelSelector, context: AdminPeerContext): Bitset {
  const matcher = compileSelector(selector);
  let set = IpSet.empty();
  for (const node of context.nodes) {
    if (!matcher.matchesAll && !matcher.matches(node.labels)) continue;
    for (const { address } of node.addresses)
      if (isValidIp(address)) set = set.union(IpSet.fromAddress(address));
  }
  return context.atoms.atomsOf(set);
}
