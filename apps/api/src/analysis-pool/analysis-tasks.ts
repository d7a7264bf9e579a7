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
  type ConnectionQuery,
  type ConnectivityAnswer,
  type DiffAnswer,
  type Direction,
  type DirectionQuery,
  type EndpointRef,
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
import type { TaskContext, TaskHandler } from './worker-host';

/** Thrown when a task names a snapshot this worker does not hold: the pool loads it and asks again. */
export const SNAPSHOT_NOT_LOADED = 'SnapshotNotLoaded';

interface Held {
  analysis: SnapshotAnalysis;
  objects: K8sObject[];
  meta: SnapshotMeta;
  /** Connectivity answers by options: GraphQL pages through one answer in several requests. */
  connectivity: Map<string, ConnectivityAnswer>;
}

const decoder = new TextDecoder();

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

/**
 * The analysis tasks one worker thread serves: it holds the compiled analyses of the snapshots sent to it
 * (the least recently used dropped past `maxSnapshots`) and answers every question about them with plain data.
 */
export function analysisTasks(maxSnapshots: number): Record<string, TaskHandler> {
  const held = new Map<string, Held>();

  const snapshot = (id: string): Held => {
    const entry = held.get(id);
    if (entry === undefined) {
      const error = Object.assign(new Error(`snapshot ${id} is not loaded in this worker`), {
        details: { snapshot: id },
      });
      error.name = SNAPSHOT_NOT_LOADED;
      throw error;
    }
    held.delete(id);
    held.set(id, entry);
    return entry;
  };

  const filterOf = (entry: Held, filter: FilterTask['filter']): CompiledSelector | undefined => {
    if (filter.namespace !== undefined && !entry.analysis.model.namespacesByName.has(filter.namespace)) {
      throw notFound(`namespace ${filter.namespace} not found`, { namespace: filter.namespace });
    }
    return filter.selector === undefined ? undefined : compileSelector(parseSelectorString(filter.selector));
  };

  const connectivityOf = (
    entry: Held,
    task: ConnectivityTask,
  ): ({ answer: ConnectivityAnswer } & StoredResult) | undefined => {
    const key = `${task.granularity} ${task.options.ipBlockMatchesPods}`;
    const kept = entry.connectivity.get(key);
    if (kept !== undefined) return { answer: kept };
    if (task.ifCached === true) return undefined;
    if (task.stored !== undefined) {
      const answer = decode<ConnectivityAnswer>(task.stored);
      entry.connectivity.set(key, answer);
      return { answer };
    }
    const answer = entry.analysis.connectivity({ ...task.options, granularity: task.granularity });
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
      const analysis = analyze(objects, task.meta);
      held.set(task.snapshot, { analysis, objects, meta: task.meta, connectivity: new Map() });
      while (held.size > Math.max(1, maxSnapshots)) held.delete(held.keys().next().value as string);
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
      const found = connectivityOf(snapshot(task.snapshot), task);
      if (found === undefined) return { missing: true };
      const { answer, computed } = found;
      if (task.render !== undefined) {
        await emitAll(renderConnectivity(answer, task.render.format, { snapshot: task.snapshot }), context);
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
