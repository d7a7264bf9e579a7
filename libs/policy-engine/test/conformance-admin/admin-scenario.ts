/**
 * Runs admin-tier truth tables: each scenario builds the house cluster, adds its policies for each API
 * version, and for every probe asserts that every evaluator produces the expected reachability matrix.
 */
import { describe, it } from 'vitest';
import type { K8sObject, PodObject } from '../../src/model/objects';
import { expectedReachability } from '../conformance/reachability';
import { assertReachability, type Probe } from '../conformance/scenario';
import { EVALUATORS } from '../evaluators';
import { endpointKey, enumerateMatrix, type ReferenceEndpoint } from '../reference-evaluator';
import { API_VERSIONS, type ApiVersion } from './admin-builders';
import { houseCluster, type HouseClusterOptions } from './house-cluster';

export interface AdminScenario {
  name: string;
  /** The policies, written for the version asked (a scenario may also mix versions). */
  policies: (version: ApiVersion) => K8sObject[];
  /** Default: both versions. */
  versions?: readonly ApiVersion[];
  cluster?: HouseClusterOptions;
  /** Outside addresses added as extra rows and columns. */
  outside?: string[];
  probes: Probe[];
}

function endpointsOf(objects: K8sObject[], outside: string[]): ReferenceEndpoint[] {
  return [...objects.filter((object): object is PodObject => object.kind === 'Pod'), ...outside];
}

/** One `describe` per scenario and version, one test per evaluator, probe and ipBlockMatchesPods value. */
export function adminConformanceSuite(title: string, scenarios: AdminScenario[]): void {
  describe(title, () => {
    for (const scenario of scenarios) {
      for (const version of scenario.versions ?? API_VERSIONS) {
        describe(`${scenario.name} (${version})`, () => {
          const objects = [...houseCluster(scenario.cluster), ...scenario.policies(version)];
          const endpoints = endpointsOf(objects, scenario.outside ?? []);
          const keys = endpoints.map(endpointKey);
          for (const evaluator of EVALUATORS) {
            for (const probe of scenario.probes) {
              for (const ipBlockMatchesPods of [false, true]) {
                it(`${evaluator.name}: ${probe.protocol} ${probe.port}, ipBlockMatchesPods=${ipBlockMatchesPods}`, () => {
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
    }
  });
}
