import { Inject, Injectable } from '@nestjs/common';
import {
  EngineError,
  analyze,
  compileSelector,
  parseSelectorString,
  type AnalysisOptions,
  type CheckAnswer,
  type CompiledSelector,
  type ConnectionQuery,
  type ConnectivityAnswer,
  type Direction,
  type EndpointRef,
  type DirectionAnswer,
  type DirectionQuery,
  type Granularity,
  type Labels,
  type ModelNamespace,
  type ModelPod,
  type ModelWorkload,
  type SnapshotAnalysis,
  type TargetRef,
  type Warning,
} from '@podreach/policy-engine';
import { AnalysisStore } from '../analysis-store/analysis-store.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { AnalysisCache } from './analysis-cache';
import { commonLabels, isolationOf, type Isolation } from './snapshot-views';

/** Narrows a list of workloads or pods: a namespace and/or a label selector in kubectl's syntax. */
export interface ObjectFilter {
  namespace?: string;
  selector?: string;
}

/** A policy of the snapshot, by identity. */
export interface PolicySummary {
  kind: string;
  namespace?: string;
  name: string;
  labels: Labels;
}

/**
 * The reachability questions over stored snapshots, shared by the REST controllers and GraphQL resolvers.
 * A snapshot's analysis is built once and cached by id: snapshots never change once stored.
 */
@Injectable()
export class AnalysisService {
  private readonly analyses: AnalysisCache<SnapshotAnalysis>;
  /** Connectivity answers by snapshot and options: GraphQL pages through one answer in several requests. */
  private readonly connectivityAnswers: AnalysisCache<ConnectivityAnswer>;

  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly store: AnalysisStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.analyses = new AnalysisCache(config.analysisCacheEntries);
    this.connectivityAnswers = new AnalysisCache(config.analysisCacheEntries);
  }

  /** The analysis of a stored snapshot; NOT_FOUND when there is no such snapshot. */
  analysis(snapshotId: string): Promise<SnapshotAnalysis> {
    return this.analyses.get(snapshotId, async () => {
      const record = await this.snapshots.get(snapshotId);
      const objects = await this.snapshots.objects(snapshotId);
      return analyze(objects, {
        complete: record.complete,
        incompleteReasons: record.incompleteReasons,
        warnings: record.warnings as unknown as Warning[],
      });
    });
  }

  /** The snapshot's namespaces, by name. */
  async namespaces(snapshotId: string): Promise<ModelNamespace[]> {
    return (await this.analysis(snapshotId)).model.namespaces;
  }

  /** Workloads by namespace, name and kind; NOT_FOUND for an unknown namespace, BAD_USER_INPUT for a bad selector. */
  async workloads(snapshotId: string, filter: ObjectFilter = {}): Promise<ModelWorkload[]> {
    const { model } = await this.analysis(snapshotId);
    const selector = this.filterOf(model.namespacesByName, filter);
    return model.workloads.filter(
      (w) =>
        (filter.namespace === undefined || w.namespace === filter.namespace) &&
        (selector === undefined || selector.matches(commonLabels(w.pods))),
    );
  }

  /** Live and template pods by namespace and name, filtered as `workloads` is. */
  async pods(snapshotId: string, filter: ObjectFilter = {}): Promise<ModelPod[]> {
    const { model } = await this.analysis(snapshotId);
    const selector = this.filterOf(model.namespacesByName, filter);
    return model.pods.filter(
      (p) =>
        (filter.namespace === undefined || p.namespace === filter.namespace) &&
        (selector === undefined || selector.matches(p.labels)),
    );
  }

  /** NetworkPolicies (of one namespace, or all) and then the cluster-scoped admin policies. */
  async policies(snapshotId: string, namespace?: string): Promise<PolicySummary[]> {
    const { model } = await this.analysis(snapshotId);
    this.filterOf(model.namespacesByName, { namespace });
    const namespaced = model.networkPolicies
      .filter((p) => namespace === undefined || p.namespace === namespace)
      .map((p) => ({ kind: p.kind, namespace: p.namespace, name: p.name, labels: p.labels }));
    const cluster =
      namespace === undefined
        ? model.adminPolicies.map((p) => ({ kind: p.kind, name: p.name, labels: p.labels }))
        : [];
    return [...namespaced, ...cluster];
  }

  /** One workload; the kind is matched ignoring case. NOT_FOUND when absent. */
  async workload(snapshotId: string, namespace: string, kind: string, name: string): Promise<ModelWorkload> {
    const analysis = await this.analysis(snapshotId);
    const found = analysis.model.workloads.find(
      (w) => w.namespace === namespace && w.name === name && w.kind.toLowerCase() === kind.toLowerCase(),
    );
    if (found === undefined) {
      throw new EngineError('NOT_FOUND', `workload ${namespace}/${name}[${kind}] not found`, {
        namespace,
        kind,
        name,
      });
    }
    return found;
  }

  /** One live pod; NOT_FOUND when absent. */
  async pod(snapshotId: string, namespace: string, name: string): Promise<ModelPod> {
    const { model } = await this.analysis(snapshotId);
    const found = model.podsByKey.get(`${namespace}/${name}`);
    if (found === undefined) {
      throw new EngineError('NOT_FOUND', `pod ${namespace}/${name} not found`, { namespace, name });
    }
    return found;
  }

  /** Whether the target is isolated per direction, and by which policies. */
  async isolation(snapshotId: string, target: TargetRef): Promise<Isolation> {
    return isolationOf((await this.analysis(snapshotId)).policiesSelecting(target));
  }

  /** Every peer that may reach the target (`ingress`) or that it may reach (`egress`), and why. */
  async direction(
    snapshotId: string,
    direction: Direction,
    target: TargetRef,
    query: DirectionQuery,
    options: AnalysisOptions,
  ): Promise<DirectionAnswer> {
    const analysis = await this.analysis(snapshotId);
    return direction === 'ingress'
      ? analysis.ingress(target, query, options)
      : analysis.egress(target, query, options);
  }

  /**
   * Whether `from` may open `query` toward `to`, with the verdict of each direction. Both ends are a user's
   * reference (`namespace/Kind/name`, `namespace/name`, or an IP address).
   */
  async check(
    snapshotId: string,
    from: string | EndpointRef,
    to: string | EndpointRef,
    query: ConnectionQuery,
    options: AnalysisOptions,
  ): Promise<CheckAnswer> {
    const analysis = await this.analysis(snapshotId);
    const endpoint = (ref: string | EndpointRef) => (typeof ref === 'string' ? analysis.resolve(ref) : ref);
    return analysis.check(endpoint(from), endpoint(to), query, options);
  }

  /**
   * A workload or pod named in the users' own words: with a kind as `namespace/Kind/name` (`Pod` finds a
   * bare pod or a single pod), without one as `namespace/name` when that is unambiguous (else AMBIGUOUS).
   */
  async target(snapshotId: string, namespace: string, name: string, kind?: string): Promise<TargetRef> {
    const analysis = await this.analysis(snapshotId);
    const ref = analysis.resolve(kind ? `${namespace}/${kind}/${name}` : `${namespace}/${name}`);
    if (ref.type === 'ip') {
      throw new EngineError('BAD_USER_INPUT', `${namespace}/${name} is not a workload or pod`);
    }
    return ref;
  }

  /**
   * Every allowed (src, dst) pair of the snapshot. The answer is computed once per options: kept in memory and
   * in the database, where a restart or another replica finds it without compiling the snapshot.
   */
  connectivity(
    snapshotId: string,
    granularity: Granularity,
    options: AnalysisOptions,
  ): Promise<ConnectivityAnswer> {
    const key = `granularity=${granularity} ipBlockMatchesPods=${options.ipBlockMatchesPods === true}`;
    return this.connectivityAnswers.get(`${snapshotId} ${key}`, async () => {
      const ref = { snapshotId, kind: 'connectivity', key } as const;
      const stored = await this.store.get<ConnectivityAnswer>(ref);
      if (stored !== undefined) return stored;
      const answer = (await this.analysis(snapshotId)).connectivity({ ...options, granularity });
      void this.store.put(ref, answer);
      return answer;
    });
  }

  /** Checks the namespace exists and compiles the selector of a filter. */
  private filterOf(
    namespaces: ReadonlyMap<string, ModelNamespace>,
    filter: ObjectFilter,
  ): CompiledSelector | undefined {
    if (filter.namespace !== undefined && !namespaces.has(filter.namespace)) {
      throw new EngineError('NOT_FOUND', `namespace ${filter.namespace} not found`, {
        namespace: filter.namespace,
      });
    }
    return filter.selector === undefined ? undefined : compileSelector(parseSelectorString(filter.selector));
  }
}
