/**
 * The bench's `check()` and `ingress()` questions answered by the deliberately simple reference evaluator of the
 * engine's tests (libs/policy-engine/test/reference-evaluator.ts): each workload expanded to its pods, and every
 * pod pair asked about each probe, one `referenceAllows` call at a time.
 */
import type { K8sObject, PodObject, Protocol, SnapshotAnalysis, TargetRef } from '@podreach/policy-engine';
// tsconfig.build.json leaves libs/policy-engine/test out of its globs; this import alone brings the reference
// evaluator and its reference/ folder (no spec file) into dist/.
import { referenceAllows, referencePods } from '../libs/policy-engine/test/reference-evaluator';

export interface Probe {
  protocol: Protocol;
  port: number;
}

/**
 * The generator's container and policy ports (DNS, HTTPS, postgres, http, grpc, metrics, statsd, the SCTP feed)
 * and one port no policy names.
 */
export const PROBES: readonly Probe[] = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 443 },
  { protocol: 'TCP', port: 5432 },
  { protocol: 'TCP', port: 8080 },
  { protocol: 'TCP', port: 9090 },
  { protocol: 'TCP', port: 9102 },
  { protocol: 'UDP', port: 8125 },
  { protocol: 'SCTP', port: 9899 },
  { protocol: 'TCP', port: 22 },
];

/** Per probe of the list asked about, whether it is allowed. */
export type ProbeVerdicts = boolean[];

/** How the bench names a workload: `namespace/Kind/name`. */
export function workloadKey(w: { namespace: string; kind: string; name: string }): string {
  return `${w.namespace}/${w.kind}/${w.name}`;
}

/** The snapshot's running pods as the reference's own pod objects, and which of them each workload runs. */
export interface WorkloadPods {
  all: PodObject[];
  /** By `workloadKey`; a template workload (no pod yet) has none: its template pod has no object. */
  byWorkload: Map<string, PodObject[]>;
}

/** Expands the engine model's workloads to the reference's pods: only the membership comes from the engine. */
export function workloadPods(analysis: SnapshotAnalysis, objects: readonly K8sObject[]): WorkloadPods {
  const all = referencePods(objects);
  const byName = new Map(all.map((pod) => [`${pod.namespace}/${pod.name}`, pod]));
  const byWorkload = new Map<string, PodObject[]>();
  for (const workload of analysis.model.workloads) {
    const pods = workload.pods.flatMap((p) =>
      p.template ? [] : (byName.get(`${p.namespace}/${p.name}`) ?? []),
    );
    byWorkload.set(workloadKey(workload), pods);
  }
  return { all, byWorkload };
}

/** The pods of a workload question's end. */
export function podsOf(pods: WorkloadPods, ref: TargetRef): PodObject[] {
  return ref.type === 'workload' ? (pods.byWorkload.get(workloadKey(ref)) ?? []) : [];
}

/** `check(src, dst)` of two workloads: per probe, whether any pod of `src` may open it to a pod of `dst`. */
export function referenceCheck(
  objects: readonly K8sObject[],
  sources: readonly PodObject[],
  destinations: readonly PodObject[],
  probes: readonly Probe[],
): ProbeVerdicts {
  return probes.map(({ protocol, port }) =>
    sources.some((src) =>
      destinations.some((dst) => src !== dst && referenceAllows(objects, src, dst, protocol, port)),
    ),
  );
}

/**
 * `ingress(target)`: per pod of the snapshot outside the target, what it may open to any of the target's pods.
 * Lists leave out that a pod's own node may always reach it (SEMANTICS rule 12), and a hostNetwork pod uses
 * its node's address: toward such a source the target's pods are asked about as if they had no node.
 */
export function referenceIngress(
  objects: readonly K8sObject[],
  sources: readonly PodObject[],
  targetPods: readonly PodObject[],
  probes: readonly Probe[],
): Map<PodObject, ProbeVerdicts> {
  const nodeless = targetPods.map(withoutNode);
  const answer = new Map<PodObject, ProbeVerdicts>();
  for (const src of sources) {
    if (targetPods.includes(src)) continue;
    answer.set(src, referenceCheck(objects, [src], src.hostNetwork ? nodeless : targetPods, probes));
  }
  return answer;
}

function withoutNode(pod: PodObject): PodObject {
  const { nodeName: _nodeName, ...rest } = pod;
  return rest;
}
