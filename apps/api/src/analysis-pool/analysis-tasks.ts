import { gunzipSync, gzipSync } from 'node:zlib';
import {
  EngineError,
  analyze,
  applyWhatIf,
  compileSelector,
  diffSnapshots,
  parseSelectorString,
  renderConnectivity,
  renderDiff,
  type AnalysisOptions,
  type CompiledSelector,
  type Connection,
  type ConnectionQuery,
  type ConnectivityAnswer,
  type ConnectivityListing,
  type DiffAnswer,
  type Direction,
  type DirectionQuery,
  type EndpointRef,
  type Granularity,
  type K8sObject,
  type ModelNamespace,
  type SnapshotAnalysis,
  type SnapshotMeta,
  type TargetRef,
} from '@podreach/policy-engine';
import {
  commonLabels,
  isolationOf,
  podView,
  workloadView,
  type PodView,
  type WorkloadView,
} from '../reachability/snapshot-views';
import type {
  ConnectivityTask,
  DiffTask,
  FilterTask,
  Listing,
  LoadTask,
  PolicySummary,
  SnapshotRef,
  StoredResult,
  WhatIfTask,
} from './analysis-task-types';
import { HeldSnapshots } from './held-snapshots';
import { MEASURED_COSTS, type SnapshotCosts } from './snapshot-costs';
import type { TaskContext, TaskHandler } from './worker-host';

/** Thrown when a task names a snapshot this worker does not hold: the pool loads it and asks again. */
export const SNAPSHOT_NOT_LOADED = 'SnapshotNotLoaded';

interface Held {
  analysis: SnapshotAnalysis;
  objects: K8sObject[];
  meta: SnapshotMeta;
  /** Bytes of the objects' JSON text, which the snapshot's estimated cost follows. */
  textBytes: number;
  /** Connectivity answers by options: GraphQL pages through one answer in several requests. */
  connectivity: Map<string, ConnectivityAnswer>;
  /** Connectivity of a huge snapshot by options, never held (see HUGE_CONNECTIVITY_PAIRS). */
  hugeConnectivity: Map<string, HugeConnectivity>;
}

/**
 * A listing holds no pairs: it is kept so that what it reads from (the class-level analysis, which the snapshot
 * keeps) is charged once, and with it the number of pairs, so that pages after the first pass stop at their end.
 */
interface HugeConnectivity {
  listing: ConnectivityListing;
  total?: number;
}

const decoder = new TextDecoder();

/**
 * Potential pairs (workloads or pods, as asked, squared) past which a full connectivity is computed as it is read,
 * for every request again, rather than held. Measured on the bench clusters: a held pair costs 65 to 80 bytes, 7%
 * to 20% of the potential pairs are allowed (all of them in a cluster without policies), and the JSON to store
 * takes about 250 characters a pair. Up to 10 million, even an answer with every pair allowed fits the default
 * budget (650 to 800 MB), and a typical one (a million pairs, 250 million characters) fits one JavaScript string,
 * so it is stored. Workload level of M (1,821 workloads) stays held; L (9,522 workloads: 8.9 million pairs, 570 MB
 * held, and a 3.3 GB peak while failing to store them) and XL (29,600: 81 million pairs) are computed as read.
 */
export const HUGE_CONNECTIVITY_PAIRS = 10_000_000;

/** How a worker's analysis tasks hold snapshots. */
export interface AnalysisTaskOptions {
  /** Estimated bytes of held snapshots (analyses, objects, answers) past which the least recently used go. */
  budgetBytes: number;
  /** See HUGE_CONNECTIVITY_PAIRS. */
  hugeConnectivityPairs?: number;
  /** Prices what a snapshot holds: the measured ratios, unless a test prices it otherwise. */
  costs?: SnapshotCosts;
}

/**
 * Connections `slice.start` to `slice.start + slice.size` of a huge connectivity (all without a slice), computed
 * as read and never held beyond the page: the first pass reads every pair to count them, later ones stop at the
 * page's end.
 */
function pageOf(
  huge: HugeConnectivity,
  slice: ConnectivityTask['slice'],
): { answer: ConnectivityAnswer; total: number } {
  const start = slice?.start ?? 0;
  const end = slice === undefined ? Infinity : start + slice.size;
  const connections: Connection[] = [];
  let index = 0;
  for (const connection of huge.listing.connections) {
    if (index >= end && huge.total !== undefined) break;
    if (index >= start && index < end) connections.push(connection);
    index += 1;
  }
  huge.total ??= index;
  return { answer: { ...huge.listing, connections }, total: huge.total };
}

/** Views of the items of `slice` only: a page of a large snapshot's list crosses to the main thread, not all. */
function listing<T, V>(found: T[], slice: FilterTask['slice'], view: (item: T) => V): Listing<V> {
  const items = slice === undefined ? found : found.slice(slice.start, slice.start + slice.size);
  return { items: items.map(view), total: found.length };
}

/**
 * Characters per streamed message: the renderers' pieces are joined up to this size, since every message costs
 * both threads a fixed overhead, and the main thread writes each to the response in one go.
 */
const STREAM_CHUNK_CHARS = 256 * 1024;

function notFound(message: string, details: Record<string, unknown>): EngineError {
  return new EngineError('NOT_FOUND', message, details);
}

/**
 * Answers travel to and from the database as gzip JSON; in a worker, compressing blocks nobody. An answer whose
 * JSON is longer than one JavaScript string may be (a full connectivity of tens of thousands of workloads) is not
 * stored: it is still answered, streamed or paged from memory, and computed again after a restart.
 */
function encode(answer: unknown): Uint8Array | undefined {
  let json: string;
  try {
    json = JSON.stringify(answer);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return gzipSync(json);
}
const decode = <T>(payload: Uint8Array): T => JSON.parse(gunzipSync(payload).toString('utf8')) as T;

/** A full connectivity to answer from: one held (or to hold), or, for a huge snapshot, one read as computed. */
type ConnectivitySource = ({ answer: ConnectivityAnswer } & StoredResult) | { huge: HugeConnectivity };

/**
 * The analysis tasks one worker thread serves: it holds the compiled analyses of the snapshots sent to it and
 * the connectivity answers computed from them, each priced by an estimate of what it keeps, the least recently
 * used dropped past `options.budgetBytes`, and answers every question about them with plain data.
 */
export function analysisTasks(options: AnalysisTaskOptions): Record<string, TaskHandler> {
  const held = new HeldSnapshots<Held>(options.budgetBytes);
  const hugePairs = options.hugeConnectivityPairs ?? HUGE_CONNECTIVITY_PAIRS;
  const costs = options.costs ?? MEASURED_COSTS;

  const snapshot = (id: string): Held => {
    const entry = held.get(id);
    if (entry === undefined) {
      const error = Object.assign(new Error(`snapshot ${id} is not loaded in this worker`), {
        details: { snapshot: id },
      });
      error.name = SNAPSHOT_NOT_LOADED;
      throw error;
    }
    return entry;
  };

  /** Adds the class-level analysis behind a snapshot's first computed connectivity to its cost. */
  const chargeClassMatrix = (id: string, entry: Held): void => {
    if (entry.connectivity.size === 0 && entry.hugeConnectivity.size === 0) {
      held.charge(id, costs.classMatrix(entry.textBytes));
    }
  };

  const isHuge = (entry: Held, granularity: Granularity): boolean => {
    const { model } = entry.analysis;
    const entities = granularity === 'pod' ? model.pods.length : model.workloads.length;
    return entities * entities > hugePairs;
  };

  const filterOf = (entry: Held, filter: FilterTask['filter']): CompiledSelector | undefined => {
    if (filter.namespace !== undefined && !entry.analysis.model.namespacesByName.has(filter.namespace)) {
      throw notFound(`namespace ${filter.namespace} not found`, { namespace: filter.namespace });
    }
    return filter.selector === undefined ? undefined : compileSelector(parseSelectorString(filter.selector));
  };

  const connectivityOf = (task: ConnectivityTask): ConnectivitySource | undefined => {
    const entry = snapshot(task.snapshot);
    const key = `${task.granularity} ${task.options.ipBlockMatchesPods}`;
    const kept = entry.connectivity.get(key);
    if (kept !== undefined) return { answer: kept };
    if (task.ifCached === true) return undefined;
    const options = { ...task.options, granularity: task.granularity };
    const { stored } = task;
    if (stored !== undefined) {
      const answer = decode<ConnectivityAnswer>(stored);
      held.charge(task.snapshot, costs.answer(answer.connections.length));
      entry.connectivity.set(key, answer);
      return { answer };
    }
    if (isHuge(entry, task.granularity)) {
      // No answer to hold or store: every request computes the pairs again as they are read.
      let huge = entry.hugeConnectivity.get(key);
      if (huge === undefined) {
        // The listing holds no pairs: only what it reads from, the class-level analysis, stays.
        chargeClassMatrix(task.snapshot, entry);
        huge = { listing: entry.analysis.connectivityListing(options) };
        entry.hugeConnectivity.set(key, huge);
      }
      return { huge };
    }
    chargeClassMatrix(task.snapshot, entry);
    const answer = entry.analysis.connectivity(options);
    held.charge(task.snapshot, costs.answer(answer.connections.length));
    entry.connectivity.set(key, answer);
    return { answer, computed: encode(answer) };
  };

  const emitAll = async (chunks: Iterable<string>, context: TaskContext) => {
    let pending: string[] = [];
    let length = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      length += chunk.length;
      if (length >= STREAM_CHUNK_CHARS) {
        await context.emit(pending.join(''));
        pending = [];
        length = 0;
      }
    }
    if (length > 0) await context.emit(pending.join(''));
  };

  return {
    load: (task: LoadTask) => {
      const objects = task.chunks.flatMap((chunk) => JSON.parse(decoder.decode(chunk)) as K8sObject[]);
      const textBytes = task.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
      const entry: Held = {
        analysis: analyze(objects, task.meta),
        objects,
        textBytes,
        meta: task.meta,
        connectivity: new Map(),
        hugeConnectivity: new Map(),
      };
      held.add(task.snapshot, entry, costs.loaded(textBytes), task.keep === undefined ? [] : [task.keep]);
      return null;
    },

    namespaces: (task: SnapshotRef): ModelNamespace[] => snapshot(task.snapshot).analysis.model.namespaces,

    workloads: (task: FilterTask): Listing<WorkloadView> => {
      const entry = snapshot(task.snapshot);
      const selector = filterOf(entry, task.filter);
      const { model } = entry.analysis;
      const found = model.workloads.filter(
        (w) =>
          (task.filter.namespace === undefined || w.namespace === task.filter.namespace) &&
          (selector === undefined || selector.matches(commonLabels(w.pods))),
      );
      return listing(found, task.slice, (w) => workloadView(model, w));
    },

    pods: (task: FilterTask): Listing<PodView> => {
      const entry = snapshot(task.snapshot);
      const selector = filterOf(entry, task.filter);
      const { model } = entry.analysis;
      const found = model.pods.filter(
        (p) =>
          (task.filter.namespace === undefined || p.namespace === task.filter.namespace) &&
          (selector === undefined || selector.matches(p.labels)),
      );
      return listing(found, task.slice, (p) => podView(model, p));
    },

    policies: (task: SnapshotRef & { namespace?: string }): PolicySummary[] => {
      const entry = snapshot(task.snapshot);
      filterOf(entry, { namespace: task.namespace });
      const { model } = entry.analysis;
      const namespaced = model.networkPolicies
        .filter((p) => task.namespace === undefined || p.namespace === task.namespace)
        .map((p) => ({ kind: p.kind, namespace: p.namespace, name: p.name, labels: p.labels }));
      const cluster =
        task.namespace === undefined
          ? model.adminPolicies.map((p) => ({ kind: p.kind, name: p.name, labels: p.labels }))
          : [];
      return [...namespaced, ...cluster];
    },

    workload: (task: SnapshotRef & { namespace: string; kind: string; name: string }) => {
      const { model } = snapshot(task.snapshot).analysis;
      const kind = task.kind.toLowerCase();
      const found = model.workloads.find(
        (w) => w.namespace === task.namespace && w.name === task.name && w.kind.toLowerCase() === kind,
      );
      if (found === undefined) {
        throw notFound(`workload ${task.namespace}/${task.name}[${task.kind}] not found`, {
          namespace: task.namespace,
          kind: task.kind,
          name: task.name,
        });
      }
      return workloadView(model, found);
    },

    pod: (task: SnapshotRef & { namespace: string; name: string }) => {
      const { model } = snapshot(task.snapshot).analysis;
      const found = model.podsByKey.get(`${task.namespace}/${task.name}`);
      if (found === undefined) {
        throw notFound(`pod ${task.namespace}/${task.name} not found`, {
          namespace: task.namespace,
          name: task.name,
        });
      }
      return podView(model, found);
    },

    selecting: (task: SnapshotRef & { targets: TargetRef[] }) => {
      const { analysis } = snapshot(task.snapshot);
      return task.targets.map((target) => analysis.policiesSelecting(target));
    },

    isolation: (task: SnapshotRef & { target: TargetRef }) =>
      isolationOf(snapshot(task.snapshot).analysis.policiesSelecting(task.target)),

    target: (task: SnapshotRef & { reference: string }): TargetRef => {
      const ref = snapshot(task.snapshot).analysis.resolve(task.reference);
      if (ref.type === 'ip') {
        throw new EngineError('BAD_USER_INPUT', `${task.reference} is not a workload or pod`);
      }
      return ref;
    },

    direction: (
      task: SnapshotRef & {
        direction: Direction;
        target: TargetRef;
        query: DirectionQuery;
        options: AnalysisOptions;
      },
    ) => {
      const { analysis } = snapshot(task.snapshot);
      return task.direction === 'ingress'
        ? analysis.ingress(task.target, task.query, task.options)
        : analysis.egress(task.target, task.query, task.options);
    },

    check: (
      task: SnapshotRef & {
        from: string | EndpointRef;
        to: string | EndpointRef;
        query: ConnectionQuery;
        options: AnalysisOptions;
      },
    ) => {
      const { analysis } = snapshot(task.snapshot);
      const endpoint = (ref: string | EndpointRef) => (typeof ref === 'string' ? analysis.resolve(ref) : ref);
      return analysis.check(endpoint(task.from), endpoint(task.to), task.query, task.options);
    },

    connectivity: async (task: ConnectivityTask, context: TaskContext) => {
      const found = connectivityOf(task);
      if (found === undefined) return { missing: true };
      const renderContext = { snapshot: task.snapshot };
      if ('huge' in found) {
        if (task.render === undefined) return pageOf(found.huge, task.slice);
        await emitAll(renderConnectivity(found.huge.listing, task.render.format, renderContext), context);
        return {};
      }
      const { answer, computed } = found;
      if (task.render !== undefined) {
        await emitAll(renderConnectivity(answer, task.render.format, renderContext), context);
        return { computed };
      }
      const start = task.slice?.start ?? 0;
      const end = task.slice === undefined ? answer.connections.length : start + task.slice.size;
      return {
        computed,
        answer: { ...answer, connections: answer.connections.slice(start, end) },
        total: answer.connections.length,
      };
    },

    diff: async (task: DiffTask, context: TaskContext) => {
      let answer: DiffAnswer;
      let computed: Uint8Array | undefined;
      if (task.stored !== undefined) {
        answer = decode<DiffAnswer>(task.stored);
      } else {
        const side = (ref: DiffTask['base']) => ({
          id: ref.id,
          ...(ref.label ? { label: ref.label } : {}),
          analysis: snapshot(ref.id).analysis,
        });
        answer = diffSnapshots(side(task.base), side(task.head), task.options);
        computed = encode(answer);
      }
      if (task.render === undefined) return { computed, answer };
      await emitAll(renderDiff(answer, task.render.format, task.render.context), context);
      return { computed };
    },

    whatIf: async (task: WhatIfTask, context: TaskContext) => {
      const base = snapshot(task.base.id);
      const objects = applyWhatIf(base.objects, task.input.manifests, task.input.deletions ?? []);
      const answer = diffSnapshots(
        { id: task.base.id, ...(task.base.label ? { label: task.base.label } : {}), analysis: base.analysis },
        { id: `${task.base.id} (what-if)`, objects, meta: base.meta },
        { ...task.options, whatIf: true },
      );
      if (task.render === undefined) return { answer };
      await emitAll(renderDiff(answer, task.render.format, task.render.context), context);
      return {};
    },
  };
}
