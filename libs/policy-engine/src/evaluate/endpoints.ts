import { EngineError } from '../errors';
import type { ModelPod, ModelWorkload, SnapshotModel } from '../model/snapshot-model';
import { workloadKey } from '../model/snapshot-model';
import { bigintToIp, ipToBigint, isValidIp } from '../sets';
import type { Peer } from './answers';

/** A workload (kind `Pod` for a pod without controller) or a single live pod. */
export type TargetRef =
  | { type: 'workload'; namespace: string; kind: string; name: string }
  | { type: 'pod'; namespace: string; name: string };

/** A target, or an address (outside the cluster, or a node). */
export type EndpointRef = TargetRef | { type: 'ip'; address: string };

/** An endpoint found in the snapshot: how answers name it and the pods it stands for. */
export interface ResolvedEndpoint {
  peer: Peer;
  /** Empty for an address. */
  pods: ModelPod[];
  /** The address of an `ip` endpoint, in short form. */
  address?: string;
}

/** Finds a target or address in the model; throws EngineError NOT_FOUND or BAD_USER_INPUT. */
export function findEndpoint(model: SnapshotModel, ref: EndpointRef): ResolvedEndpoint {
  if (ref.type === 'ip') {
    if (!isValidIp(ref.address))
      throw new EngineError('BAD_USER_INPUT', `invalid IP address "${ref.address}"`);
    const address = bigintToIp(ipToBigint(ref.address));
    return { peer: { type: 'ipRange', start: address, end: address }, pods: [], address };
  }
  if (ref.type === 'pod') {
    const pod = model.podsByKey.get(`${ref.namespace}/${ref.name}`);
    if (pod === undefined)
      throw new EngineError('NOT_FOUND', `pod ${ref.namespace}/${ref.name} not found`, { ref });
    return { peer: { type: 'pod', namespace: pod.namespace, name: pod.name }, pods: [pod] };
  }
  const workload = findWorkload(model, ref.namespace, ref.kind, ref.name);
  if (workload === undefined) {
    throw new EngineError('NOT_FOUND', `workload ${ref.namespace}/${ref.name}[${ref.kind}] not found`, {
      ref,
    });
  }
  return { peer: workloadPeer(workload), pods: workload.pods };
}

/** Looks a workload up by kind, ignoring the case of the kind (`deployment` finds a Deployment). */
export function findWorkload(
  model: SnapshotModel,
  namespace: string,
  kind: string,
  name: string,
): ModelWorkload | undefined {
  const exact = model.workloadsByKey.get(workloadKey(namespace, kind, name));
  if (exact !== undefined) return exact;
  const lower = kind.toLowerCase();
  return model.workloads.find(
    (w) => w.namespace === namespace && w.name === name && w.kind.toLowerCase() === lower,
  );
}

export function workloadPeer(workload: ModelWorkload): Peer {
  return { type: 'workload', namespace: workload.namespace, name: workload.name, kind: workload.kind };
}

/** A pod as a peer at pod granularity: template pods appear as their workload. */
export function podPeer(model: SnapshotModel, pod: ModelPod): Peer {
  if (!pod.template) return { type: 'pod', namespace: pod.namespace, name: pod.name };
  const workload = model.workloadsByKey.get(pod.workload);
  return workload === undefined
    ? { type: 'pod', namespace: pod.namespace, name: pod.name }
    : workloadPeer(workload);
}

/**
 * Reads a user's reference: an IP address, `namespace/Kind/name` (`namespace/Pod/name` for a pod), or
 * `namespace/name` when exactly one workload or pod has that name (else AMBIGUOUS with the candidates).
 */
export function resolveEndpointText(model: SnapshotModel, text: string): EndpointRef {
  const trimmed = text.trim();
  if (isValidIp(trimmed)) return { type: 'ip', address: trimmed };
  const parts = trimmed.split('/');
  if (parts.some((p) => p === '') || parts.length < 2 || parts.length > 3) {
    throw new EngineError(
      'BAD_USER_INPUT',
      `"${text}" is not a reference: use namespace/Kind/name, namespace/Pod/name, namespace/name or an IP address`,
    );
  }
  if (parts.length === 3) {
    const [namespace, kind, name] = parts;
    const ref: EndpointRef =
      kind.toLowerCase() === 'pod' && model.podsByKey.has(`${namespace}/${name}`)
        ? { type: 'pod', namespace, name }
        : { type: 'workload', namespace, kind, name };
    const found = findEndpoint(model, ref);
    return found.peer.type === 'workload' ? ({ ...ref, kind: found.peer.kind } as EndpointRef) : ref;
  }
  const [namespace, name] = parts;
  const candidates: EndpointRef[] = model.workloads
    .filter((w) => w.namespace === namespace && w.name === name)
    .map((w) => ({ type: 'workload', namespace, kind: w.kind, name }));
  const pod = model.podsByKey.get(`${namespace}/${name}`);
  // A pod without controller is its own workload (kind Pod): that is one candidate, not two.
  if (pod !== undefined && !candidates.some((c) => c.type === 'workload' && c.kind === 'Pod')) {
    candidates.push({ type: 'pod', namespace, name });
  }
  if (candidates.length === 0)
    throw new EngineError('NOT_FOUND', `nothing named ${namespace}/${name} in the snapshot`);
  if (candidates.length > 1) {
    const names = candidates.map((c) =>
      c.type === 'workload' ? `${namespace}/${c.kind}/${name}` : `${namespace}/Pod/${name}`,
    );
    throw new EngineError('AMBIGUOUS', `${namespace}/${name} is ambiguous: ${names.join(', ')}`, {
      candidates: names,
    });
  }
  return candidates[0];
}
