/**
 * The worker's analysis tasks, run on this thread: snapshots held within a memory budget (priced by injected
 * costs, so that evictions are exact), and full connectivity of huge snapshots answered without holding it, the
 * same bytes and pages as the held answer (the threshold forced down to a small snapshot).
 */
import {
  CONNECTIVITY_FORMATS,
  buildSnapshotContent,
  type ConnectivityAnswer,
  type Granularity,
} from '@podreach/policy-engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCluster, kubectlListText, type SizeProfile } from '../../../../bench/generator';
import type { ConnectivityTask, LoadTask } from './analysis-task-types';
import { SNAPSHOT_NOT_LOADED, analysisTasks, type AnalysisTaskOptions } from './analysis-tasks';
import type { SnapshotCosts } from './snapshot-costs';
import type { TaskContext, TaskHandler } from './worker-host';

const TINY: SizeProfile = { name: 'tiny', pods: 150, policies: 40, namespaces: 6 };
const content = buildSnapshotContent([
  { name: 'cluster.json', text: kubectlListText(generateCluster({ size: TINY, seed: 7 }).objects) },
]);
const encoder = new TextEncoder();

function loadTask(snapshot: string, keep?: string): LoadTask {
  return {
    snapshot,
    meta: {
      complete: content.complete,
      incompleteReasons: content.incompleteReasons,
      warnings: content.warnings,
    },
    chunks: [encoder.encode(`[${content.objectsJson.join(',')}]`)],
    ...(keep === undefined ? {} : { keep }),
  };
}

/** A worker's tasks, each called as the worker host calls it. */
function worker(options: AnalysisTaskOptions) {
  const handlers: Record<string, TaskHandler> = analysisTasks(options);
  const call = async (op: string, args: unknown, context: TaskContext = { emit: async () => {} }) =>
    handlers[op](args as never, context);
  return {
    call,
    load: (snapshot: string, keep?: string) => call('load', loadTask(snapshot, keep)),
    /** Whether the worker still holds `snapshot`: a task about it does not ask for a load. */
    holds: (snapshot: string) =>
      call('namespaces', { snapshot }).then(
        () => true,
        (error: Error) => {
          if (error.name !== SNAPSHOT_NOT_LOADED) throw error;
          return false;
        },
      ),
  };
}

/** Every load, class-level analysis and answer held priced at `bytes`. */
const fixedCost = (bytes: number): SnapshotCosts => ({
  loaded: () => bytes,
  classMatrix: () => bytes,
  answer: () => bytes,
});

const OPTIONS = { ipBlockMatchesPods: false };

function connectivity(granularity: Granularity, more: Partial<ConnectivityTask> = {}): ConnectivityTask {
  return { snapshot: 's', granularity, options: OPTIONS, ...more };
}

interface ConnectivityResult {
  missing?: true;
  computed?: Uint8Array;
  answer?: ConnectivityAnswer;
  total?: number;
}

describe('analysisTasks: snapshots held within a memory budget', () => {
  it('drops the least recently used snapshot once the loads pass the budget', async () => {
    const w = worker({ budgetBytes: 250, costs: fixedCost(100) });
    await w.load('a');
    await w.load('b');
    await w.call('namespaces', { snapshot: 'a' });
    await w.load('c');
    expect(await w.holds('b')).toBe(false);
    expect(await w.holds('a')).toBe(true);
    expect(await w.holds('c')).toBe(true);
  });

  it('adds a held connectivity answer to its snapshot, dropping others but never that one', async () => {
    const w = worker({ budgetBytes: 250, costs: fixedCost(100) });
    await w.load('a');
    await w.load('s');
    const result = (await w.call('connectivity', connectivity('workload'))) as ConnectivityResult;
    expect(result.answer?.connections.length).toBeGreaterThan(0);
    expect(await w.holds('a')).toBe(false);
    expect(await w.holds('s')).toBe(true);
  });

  it("keeps a diff's base while its head loads, even past the budget, and drops both for the next one", async () => {
    const w = worker({ budgetBytes: 150, costs: fixedCost(100) });
    await w.load('base');
    await w.load('head', 'base');
    const diff = (await w.call('diff', { base: { id: 'base' }, head: { id: 'head' }, options: OPTIONS })) as {
      answer: { summary: unknown };
    };
    expect(diff.answer.summary).toEqual({ added: 0, removed: 0, changed: 0, policiesChanged: 0 });
    await w.load('next');
    expect(await w.holds('base')).toBe(false);
    expect(await w.holds('head')).toBe(false);
    expect(await w.holds('next')).toBe(true);
  });
});

describe('analysisTasks: full connectivity of huge snapshots, never held', () => {
  const held = worker({ budgetBytes: 2 ** 30 });
  const listed = worker({ budgetBytes: 2 ** 30, hugeConnectivityPairs: 0 });

  beforeAll(async () => {
    await held.load('s');
    await listed.load('s');
  });

  async function rendered(w: ReturnType<typeof worker>, task: ConnectivityTask) {
    const chunks: string[] = [];
    const result = await w.call('connectivity', task, { emit: async (chunk) => void chunks.push(chunk) });
    return { text: chunks.join(''), result: result as ConnectivityResult };
  }

  it.each(
    CONNECTIVITY_FORMATS.flatMap((format) => [
      { format, granularity: 'workload' as const },
      { format, granularity: 'pod' as const },
    ]),
  )(
    'renders $format at $granularity level byte for byte as the held answer, storing nothing',
    async ({ format, granularity }) => {
      const task = connectivity(granularity, { render: { format } });
      const fromHeld = await rendered(held, task);
      const fromListing = await rendered(listed, task);
      expect(fromHeld.text.length).toBeGreaterThan(0);
      expect(fromListing.text).toBe(fromHeld.text);
      expect(fromListing.result).toEqual({});
    },
  );

  it('pages as the held answer does, with the same total, from one pass each', async () => {
    const whole = (await held.call('connectivity', connectivity('pod'))) as ConnectivityResult;
    const total = whole.total!;
    expect(total).toBeGreaterThan(20);
    for (const slice of [
      { start: 0, size: 5 },
      { start: 7, size: 10 },
      { start: total - 3, size: 10 },
      { start: total + 5, size: 10 },
      undefined,
    ]) {
      const task = connectivity('pod', { slice });
      const fromHeld = (await held.call('connectivity', task)) as ConnectivityResult;
      const fromListing = (await listed.call('connectivity', task)) as ConnectivityResult;
      expect(fromListing.total).toBe(total);
      expect(fromListing.answer).toEqual(fromHeld.answer);
      expect(fromListing.computed).toBeUndefined();
    }
  });

  it('holds nothing: asked from memory only, the answer is still missing after it was computed', async () => {
    await listed.call('connectivity', connectivity('workload', { slice: { start: 0, size: 1 } }));
    const again = connectivity('workload', { ifCached: true, slice: { start: 0, size: 1 } });
    expect(await listed.call('connectivity', again)).toEqual({ missing: true });
    expect(await held.call('connectivity', again)).toMatchObject({ total: expect.any(Number) });
  });

  it('answers from a stored answer as before, and holds it', async () => {
    const slice = { start: 2, size: 4 };
    const computing = worker({ budgetBytes: 2 ** 30 });
    await computing.load('s');
    const fromHeld = (await computing.call(
      'connectivity',
      connectivity('workload', { slice }),
    )) as ConnectivityResult;
    const w = worker({ budgetBytes: 2 ** 30, hugeConnectivityPairs: 0 });
    await w.load('s');
    const task = connectivity('workload', { slice, stored: fromHeld.computed });
    const fromStored = (await w.call('connectivity', task)) as ConnectivityResult;
    expect(fromStored).toEqual({ answer: fromHeld.answer, total: fromHeld.total });
    expect(await w.call('connectivity', { ...task, stored: undefined, ifCached: true })).toEqual(fromStored);
  });

  it('counts workloads or pods, as asked, against the threshold', async () => {
    const workloads = ((await held.call('workloads', { snapshot: 's', filter: {} })) as { total: number })
      .total;
    const pods = ((await held.call('pods', { snapshot: 's', filter: {} })) as { total: number }).total;
    expect(pods).toBeGreaterThan(workloads);
    const w = worker({ budgetBytes: 2 ** 30, hugeConnectivityPairs: workloads * workloads });
    await w.load('s');
    const slice = { start: 0, size: 1 };
    const byWorkload = (await w.call(
      'connectivity',
      connectivity('workload', { slice }),
    )) as ConnectivityResult;
    const byPod = (await w.call('connectivity', connectivity('pod', { slice }))) as ConnectivityResult;
    expect(byWorkload.computed).toBeInstanceOf(Uint8Array);
    expect(byPod.computed).toBeUndefined();
    expect(byPod.total).toBeGreaterThan(0);
  });
});
