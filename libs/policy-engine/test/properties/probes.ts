/**
 * What the properties ask about a random cluster: every ordered pair of its pods and a few outside addresses,
 * on a handful of protocol/port probes chosen to hit the generator's policy and container ports.
 */
import type { K8sObject, Protocol } from '../../src/model/objects';
import type { Evaluator } from '../evaluators';
import {
  endpointKey,
  referencePods,
  type ReferenceEndpoint,
  type ReferenceOptions,
} from '../reference-evaluator';
import { OUTSIDE_ADDRESSES } from './random-cluster';

export const PROBES: readonly { protocol: Protocol; port: number }[] = [
  { protocol: 'TCP', port: 53 },
  { protocol: 'TCP', port: 80 },
  { protocol: 'TCP', port: 81 },
  { protocol: 'TCP', port: 8080 },
  { protocol: 'UDP', port: 53 },
  { protocol: 'UDP', port: 80 },
  { protocol: 'UDP', port: 81 },
  { protocol: 'SCTP', port: 80 },
];

export const OPTION_VALUES: readonly ReferenceOptions[] = [
  { ipBlockMatchesPods: false },
  { ipBlockMatchesPods: true },
];

/** The running pods of the objects and the outside addresses. */
export function endpointsOf(objects: readonly K8sObject[]): ReferenceEndpoint[] {
  return [...referencePods(objects), ...OUTSIDE_ADDRESSES];
}

/** Ordered pairs of endpoints, address-to-address pairs left out. */
export function pairsOf(endpoints: readonly ReferenceEndpoint[]): [ReferenceEndpoint, ReferenceEndpoint][] {
  return endpoints.flatMap((src) =>
    endpoints
      .filter((dst) => typeof src !== 'string' || typeof dst !== 'string')
      .map((dst): [ReferenceEndpoint, ReferenceEndpoint] => [src, dst]),
  );
}

/** Every allowed `src -> dst protocol/port` among the endpoints of the objects, as a sorted list. */
export function allowedConnections(
  evaluator: Evaluator,
  objects: K8sObject[],
  options: ReferenceOptions,
): string[] {
  const allows = evaluator.load(objects);
  return pairsOf(endpointsOf(objects))
    .flatMap(([src, dst]) =>
      PROBES.filter(({ protocol, port }) => allows(src, dst, protocol, port, options)).map(
        ({ protocol, port }) => `${endpointKey(src)} -> ${endpointKey(dst)} ${protocol}/${port}`,
      ),
    )
    .sort();
}
