/**
 * The evaluators the conformance suite and the property tests hold to the same answers: the reference and the
 * engine, both asked the same question, "may src open protocol/port to dst?".
 */
import { analyze, type ConnectionSetJson, type EndpointRef, type TargetRef } from '@podreach/policy-engine';
import type { K8sObject, PodObject, Protocol } from '../src/model/objects';
import {
  endpointKey,
  referenceAllows,
  type ReferenceEndpoint,
  type ReferenceOptions,
} from './reference-evaluator';

export type PairQuestion = (
  src: ReferenceEndpoint,
  dst: ReferenceEndpoint,
  protocol: Protocol,
  port: number,
  options: ReferenceOptions,
) => boolean;

export interface Evaluator {
  name: string;
  /** Takes a snapshot once (the engine compiles it) and answers pair questions about it. */
  load(objects: K8sObject[]): PairQuestion;
}

export const referenceEvaluator: Evaluator = {
  name: 'reference',
  load: (objects) => (src, dst, protocol, port, options) =>
    referenceAllows(objects, src, dst, protocol, port, options),
};

/** How the engine names a pod. */
export function podRef(pod: PodObject): TargetRef {
  return { type: 'pod', namespace: pod.namespace, name: pod.name };
}

/** How the engine names an endpoint: a pod by namespace and name, an address as `ip`. */
export function endpointRef(endpoint: ReferenceEndpoint): EndpointRef {
  return typeof endpoint === 'string' ? { type: 'ip', address: endpoint } : podRef(endpoint);
}

/** The engine at pod granularity: `check` of the pair, limited to the protocol and port. */
export const engineEvaluator: Evaluator = {
  name: 'engine',
  load: (objects) => {
    const analysis = analyze(objects);
    return (src, dst, protocol, port, options) =>
      analysis.check(endpointRef(src), endpointRef(dst), { protocol, port }, options).allowed;
  },
};

/** Whether a connection set of an answer holds `protocol`/`port`. */
export function connectionAllows(conn: ConnectionSetJson, protocol: Protocol, port: number): boolean {
  return conn.all || (conn.protocols[protocol] ?? []).some(([start, end]) => port >= start && port <= end);
}

/**
 * The engine asked once per pair for the whole connection set (no protocol/port in the query), each probe
 * answered from that set: fewer questions for the property tests, and the sets themselves get checked.
 */
export const engineSetEvaluator: Evaluator = {
  name: 'engine (connection sets)',
  load: (objects) => {
    const analysis = analyze(objects);
    const sets = new Map<string, ConnectionSetJson>();
    return (src, dst, protocol, port, options) => {
      const key = `${endpointKey(src)} -> ${endpointKey(dst)} ${options.ipBlockMatchesPods}`;
      let conn = sets.get(key);
      if (conn === undefined) {
        conn = analysis.check(endpointRef(src), endpointRef(dst), {}, options).conn;
        sets.set(key, conn);
      }
      return connectionAllows(conn, protocol, port);
    };
  },
};

export const EVALUATORS: readonly Evaluator[] = [referenceEvaluator, engineEvaluator];
