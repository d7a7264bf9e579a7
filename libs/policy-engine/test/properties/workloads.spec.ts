import fc from 'fast-check';
import { analyze, type TargetRef } from '@podreach/policy-engine';
import { describe, expect, it } from 'vitest';
import type { K8sObject, PodObject } from '../../src/model/objects';
import { connectionAllows } from '../evaluators';
import { referenceAllows, referencePods, type ReferenceEndpoint } from '../reference-evaluator';
import { OPTION_VALUES, PROBES } from './probes';
import { OUTSIDE_ADDRESSES, clusterObjects, randomCluster } from './random-cluster';

/** A workload end of the question and the pods it stands for. */
interface WorkloadEnd {
  ref: TargetRef | { type: 'ip'; address: string };
  text: string;
  members: ReferenceEndpoint[];
}

/**
 * The workloads of a random cluster: pods owned by a ReplicaSet `<deployment>-<hash>` belong to that Deployment,
 * other pods are their own workload of kind Pod. Outside addresses come along as single-member ends.
 */
function workloadEnds(objects: K8sObject[]): WorkloadEnd[] {
  const groups = new Map<string, WorkloadEnd>();
  for (const pod of referencePods(objects)) {
    const [kind, name] = pod.owner
      ? ['Deployment', pod.owner.name.replace(/-[^-]+$/, '')]
      : ['Pod', pod.name];
    const text = `${pod.namespace}/${name}[${kind}]`;
    const group = groups.get(text) ?? {
      ref: { type: 'workload', namespace: pod.namespace, kind, name },
      text,
      members: [],
    };
    group.members.push(pod);
    groups.set(text, group);
  }
  const addresses = OUTSIDE_ADDRESSES.map((address): WorkloadEnd => ({
    ref: { type: 'ip', address },
    text: address,
    members: [address],
  }));
  return [...groups.values(), ...addresses];
}

const isPod = (end: ReferenceEndpoint): end is PodObject => typeof end !== 'string';

describe('workload answers are the union of their pods', () => {
  it.each(OPTION_VALUES)(
    'check of two workloads, per probe (ipBlockMatchesPods=$ipBlockMatchesPods)',
    (options) => {
      fc.assert(
        fc.property(randomCluster, (cluster) => {
          const objects = clusterObjects(cluster);
          const analysis = analyze(objects);
          const ends = workloadEnds(objects);
          const problems: string[] = [];
          for (const src of ends) {
            for (const dst of ends) {
              if (src === dst || (!src.members.some(isPod) && !dst.members.some(isPod))) continue;
              const answer = analysis.check(src.ref, dst.ref, {}, options);
              for (const { protocol, port } of PROBES) {
                const pairs = src.members.flatMap((s) =>
                  dst.members.map((d) => referenceAllows(objects, s, d, protocol, port, options)),
                );
                const expected = pairs.some(Boolean);
                if (connectionAllows(answer.conn, protocol, port) !== expected) {
                  problems.push(
                    `${src.text} -> ${dst.text} ${protocol}/${port}: pods say ${expected ? 'allowed' : 'denied'}`,
                  );
                }
                // Pods that disagree on a probe disagree on the whole set: the answer must say partial.
                if (expected && !pairs.every(Boolean) && answer.partial !== true) {
                  problems.push(
                    `${src.text} -> ${dst.text} ${protocol}/${port}: pods disagree but not partial`,
                  );
                }
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
