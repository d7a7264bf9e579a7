import { EngineError } from '../errors';
import { ADMIN_POLICY_KINDS, WORKLOAD_KINDS, type ObjectKind } from '../model/objects';

/** Count limits of one snapshot; a larger upload fails with `LIMIT_EXCEEDED`. */
export interface IngestLimits {
  /** Pods plus workload objects (Deployments, ReplicaSets, ...). */
  maxWorkloadsAndPods: number;
  /** NetworkPolicies plus admin policies. */
  maxPolicies: number;
}

/** The limits of issue 2: 200k pods and workloads, 50k policies per snapshot. */
export const DEFAULT_INGEST_LIMITS: IngestLimits = { maxWorkloadsAndPods: 200_000, maxPolicies: 50_000 };

const POD_LIKE: readonly string[] = ['Pod', ...WORKLOAD_KINDS];
const POLICY_KINDS: readonly string[] = ['NetworkPolicy', ...ADMIN_POLICY_KINDS];

/** Counts objects against the limits and throws `LIMIT_EXCEEDED` at the first one past a limit. */
export class LimitCounter {
  private readonly limits: IngestLimits;
  private workloadsAndPods = 0;
  private policies = 0;

  constructor(limits?: Partial<IngestLimits>) {
    this.limits = { ...DEFAULT_INGEST_LIMITS, ...limits };
  }

  count(kind: ObjectKind): void {
    if (POD_LIKE.includes(kind) && ++this.workloadsAndPods > this.limits.maxWorkloadsAndPods) {
      throw limitError('pods and workloads', 'maxWorkloadsAndPods', this.limits.maxWorkloadsAndPods);
    }
    if (POLICY_KINDS.includes(kind) && ++this.policies > this.limits.maxPolicies) {
      throw limitError('policies', 'maxPolicies', this.limits.maxPolicies);
    }
  }
}

function limitError(what: string, limit: keyof IngestLimits, value: number): EngineError {
  const message = `the upload has more than ${value} ${what}, the most one snapshot may hold`;
  return new EngineError('LIMIT_EXCEEDED', message, { limit, value });
}
