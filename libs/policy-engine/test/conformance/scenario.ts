/**
 * Runs truth-table scenarios: each builds the x/y/z cluster (plus variants and outside addresses), adds its
 * policies, and for every probe (protocol, port) asserts that every evaluator produces the expected matrix.
 */
import { describe, expect, it } from 'vitest';
import type { K8sObject, PodObject, Protocol } from '../../src/model/objects';
import { EVALUATORS } from '../evaluators';
import { endpointKey, enumerateMatrix, type ReferenceEndpoint } from '../reference-evaluator';
import { expectedReachability, renderGrid, type Expectation, type Reachability } from './reachability';
import { xyzCluster, type ClusterVariant } from './xyz-cluster';

export interface Probe {
  protocol: Protocol;
  port: number;
  expect: Expectation;
}

export interface Scenario {
  name: string;
  policies: K8sObject[];
  cluster?: ClusterVariant;
  /** Outside addresses added as extra rows and columns. */
  outside?: string[];
  /** ipBlock scenarios name the option; every other scenario must give its matrix under both values. */
  ipBlockMatchesPods?: boolean;
  probes: Probe[];
}

function scenarioObjects(scenario: Scenario): K8sObject[] {
  return [...xyzCluster(scenario.cluster), ...scenario.policies];
}

function scenarioEndpoints(objects: K8sObject[], scenario: Scenario): ReferenceEndpoint[] {
  const pods = objects.filter((object): object is PodObject => object.kind === 'Pod');
  return [...pods, ...(scenario.outside ?? [])];
}

/** Fails with the expected and actual grids; the assertion's diff lists the differing pairs. */
export function assertReachability(keys: string[], expected: Reachability, actual: Reachability): void {
  const wrong = [...expected].filter(([key, allowed]) => actual.get(key) !== allowed).map(([key]) => key);
  const message = `expected:\n${renderGrid(keys, expected)}\n\nactual:\n${renderGrid(keys, actual)}\n\ndiffering pairs`;
  expect(wrong, message).toEqual([]);
}

/** Declares one `describe` per scenario and one test per evaluator, probe and ipBlockMatchesPods value. */
export function conformanceSuite(title: string, scenarios: Scenario[]): void {
  describe(title, () => {
    for (const scenario of scenarios) {
      const optionValues =
        scenario.ipBlockMatchesPods === undefined ? [false, true] : [scenario.ipBlockMatchesPods];
      describe(scenario.name, () => {
        for (const evaluator of EVALUATORS) {
          for (const probe of scenario.probes) {
            for (const ipBlockMatchesPods of optionValues) {
              it(`${evaluator.name}: ${probe.protocol} ${probe.port}, ipBlockMatchesPods=${ipBlockMatchesPods}`, () => {
                const objects = scenarioObjects(scenario);
                const endpoints = scenarioEndpoints(objects, scenario);
                const keys = endpoints.map(endpointKey);
                const allows = evaluator.load(objects);
                const actual = enumerateMatrix(endpoints, (src, dst) =>
                  allows(src, dst, probe.protocol, probe.port, { ipBlockMatchesPods }),
                );
                assertReachability(keys, expectedReachability(keys, probe.expect), actual);
              });
            }
          }
        }
      });
    }
  });
}

/** A probe: the expected matrix for one protocol and port. */
export function probe(protocol: Protocol, port: number, expectation: Expectation): Probe {
  return { protocol, port, expect: expectation };
}
