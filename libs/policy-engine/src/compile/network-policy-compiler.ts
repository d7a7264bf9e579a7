import type { Direction, PolicyRef, RuleRef } from '../evaluate/answers';
import type { IPBlock, NetworkPolicyObject, NetworkPolicyPeer, NetworkPolicyPort } from '../model/objects';
import { ipBlockSet, type AddressAtoms } from './address-atoms';
import { Bitset } from './bitset';
import type { PodClass } from './pod-classes';
import { RulePorts } from './rule-ports';
import type { SelectorIndex } from './selector-index';

/** A NetworkPolicy with the classes its pod selector selects and the directions it isolates. */
export interface CompiledPolicy {
  ref: PolicyRef;
  object: NetworkPolicyObject;
  selected: Bitset;
  directions: Direction[];
}

/** One rule of one policy: which classes and outside atoms it admits as peers, and which ports. */
export interface CompiledRule {
  ref: RuleRef;
  policy: number;
  peers: Bitset;
  atoms: Bitset;
  ports: RulePorts;
  /** Selector peers (by index in `from`/`to`) that match no pod, for warnings. */
  emptySelectorPeers: number[];
}

/** Per class, for one direction: the policies that isolate it and every rule that may allow traffic. */
export interface DirectionIndex {
  isolatedBy: number[][];
  rules: CompiledRule[][];
}

export interface CompiledNetworkPolicies {
  policies: CompiledPolicy[];
  rules: CompiledRule[];
  ingress: DirectionIndex;
  egress: DirectionIndex;
}

interface CompileContext {
  classes: readonly PodClass[];
  /** Atoms of each ipBlock already compiled, by its JSON (policies repeat the same blocks). */
  blockAtoms?: Map<string, Bitset>;
  /** Compiled `ports` lists by their JSON, shared by rules that write the same list. */
  rulePorts?: Map<string, RulePorts>;
  selectors: SelectorIndex;
  atoms: AddressAtoms;
  ipBlockMatchesPods: boolean;
}

/** Compiles every NetworkPolicy of a snapshot against its pod classes and address atoms. */
export function compileNetworkPolicies(
  objects: readonly NetworkPolicyObject[],
  context: CompileContext,
): CompiledNetworkPolicies {
  const n = context.classes.length;
  const ingress: DirectionIndex = { isolatedBy: emptyLists(n), rules: emptyLists(n) };
  const egress: DirectionIndex = { isolatedBy: emptyLists(n), rules: emptyLists(n) };
  const policies: CompiledPolicy[] = [];
  const rules: CompiledRule[] = [];
  const memo: CompileContext = { ...context, blockAtoms: new Map(), rulePorts: new Map() };
  objects.forEach((object, policyIndex) => {
    const ref: PolicyRef = { kind: 'NetworkPolicy', namespace: object.namespace, name: object.name };
    const selected = context.selectors.pods(
      context.selectors.namespaceNamed(object.namespace),
      object.spec.podSelector,
    );
    // Only listed directions count: rules of an unlisted direction are ignored (SEMANTICS rule 2).
    const directions: Direction[] = [];
    if (object.spec.policyTypes.includes('Ingress')) directions.push('ingress');
    if (object.spec.policyTypes.includes('Egress')) directions.push('egress');
    policies.push({ ref, object, selected, directions });
    for (const direction of directions) {
      const index = direction === 'ingress' ? ingress : egress;
      const written =
        direction === 'ingress'
          ? (object.spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from }))
          : (object.spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to }));
      const compiled = written.map((rule, ruleIndex) =>
        compileRule(
          object,
          policyIndex,
          { tier: 'networkPolicy', policy: ref, direction, rule: ruleIndex },
          rule,
          memo,
        ),
      );
      rules.push(...compiled);
      selected.forEach((c) => {
        index.isolatedBy[c].push(policyIndex);
        index.rules[c].push(...compiled);
      });
    }
  });
  return { policies, rules, ingress, egress };
}

function compileRule(
  object: NetworkPolicyObject,
  policy: number,
  ref: RuleRef,
  rule: { ports?: NetworkPolicyPort[]; peers?: NetworkPolicyPeer[] },
  context: CompileContext,
): CompiledRule {
  const portsKey = JSON.stringify(rule.ports ?? []);
  let ports = context.rulePorts?.get(portsKey);
  if (ports === undefined) {
    ports = new RulePorts(rule.ports);
    context.rulePorts?.set(portsKey, ports);
  }
  // `from`/`to` absent or empty: every peer, all pods in all namespaces and every outside address.
  if (rule.peers === undefined || rule.peers.length === 0) {
    const peers = Bitset.full(context.classes.length);
    return { ref, policy, peers, atoms: Bitset.full(context.atoms.count), ports, emptySelectorPeers: [] };
  }
  const peers = Bitset.empty(context.classes.length);
  const atoms = Bitset.empty(context.atoms.count);
  const emptySelectorPeers: number[] = [];
  rule.peers.forEach((peer, peerIndex) => {
    if (peer.ipBlock !== undefined) {
      const blockAtoms = atomsOfBlock(peer.ipBlock, context);
      atoms.orInPlace(blockAtoms);
      if (context.ipBlockMatchesPods) {
        for (const c of context.classes) if (c.atoms.some((a) => blockAtoms.has(a))) peers.add(c.id);
      }
      return;
    }
    if (peer.podSelector === undefined && peer.namespaceSelector === undefined) return;
    // A podSelector alone means the policy's own namespace; with a namespaceSelector both must match.
    const namespaces =
      peer.namespaceSelector === undefined
        ? context.selectors.namespaceNamed(object.namespace)
        : context.selectors.namespaces(peer.namespaceSelector);
    const matched = context.selectors.pods(namespaces, peer.podSelector);
    if (matched.isEmpty()) emptySelectorPeers.push(peerIndex);
    peers.orInPlace(matched);
  });
  return { ref, policy, peers, atoms, ports, emptySelectorPeers };
}

function emptyLists<T>(n: number): T[][] {
  return Array.from({ length: n }, () => []);
}

function atomsOfBlock(block: IPBlock, context: CompileContext): Bitset {
  const key = JSON.stringify(block);
  let atoms = context.blockAtoms?.get(key);
  if (atoms === undefined) {
    atoms = context.atoms.atomsOf(ipBlockSet(block));
    context.blockAtoms?.set(key, atoms);
  }
  return atoms;
}
