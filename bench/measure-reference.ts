/**
 * The engine against the deliberately simple reference evaluator of its tests (reference-answers.ts), on questions
 * of the warm `check()` and `ingress()` figures: how many times longer the reference takes to answer them, and
 * whether both answers allow the same probes.
 */
import type {
  ConnectionSetJson,
  DirectionAnswer,
  K8sObject,
  PodObject,
  SnapshotAnalysis,
  TargetRef,
} from '@podreach/policy-engine';
import { connectionAllows } from '../libs/policy-engine/test/evaluators';
import { parseAddress } from '../libs/policy-engine/test/reference/cidr';
import type { Reporter } from './figures';
import {
  PROBES,
  podsOf,
  referenceCheck,
  referenceIngress,
  workloadKey,
  workloadPods,
  type Probe,
  type ProbeVerdicts,
  type WorkloadPods,
} from './reference-answers';
import { INGRESS_SAMPLE, workloadPairs, workloadTargets } from './sampling';
import { percentile, timed, type Timing } from './timing';

/** The reference scans every policy for every pod pair and probe: on L and XL it would take hours. */
const SIZES: readonly string[] = ['S', 'M'];
/**
 * Questions come from the warm `check()` and `ingress()` figures' samples (the first pairs of the check sample:
 * samples draw in order, so a shorter one with the same seed is the start of the longer one), taken in order
 * while the reference calls they may need fit a budget; one that would not fit is passed over. A call takes
 * about 1 ms on M, most of it filtering the whole snapshot by kind again: the budgets keep M under half a minute.
 */
const CHECK_PAIRS = 50;
const CHECK_CALLS = 10_000;
const INGRESS_TARGETS = 5;
const INGRESS_CALLS = 10_000;
/**
 * Every pod of the snapshot is a source of an ingress question, 10,000 calls per target pod and probe on M (so
 * M can only afford a one-pod target): ingress is asked about the http port alone rather than every probe.
 */
const INGRESS_PROBES = PROBES.filter(({ protocol, port }) => protocol === 'TCP' && port === 8080);
/** The engine answers in milliseconds, so its time is the median of a few warm rounds. */
const ENGINE_ROUNDS = 9;
/** Disagreements spelled out in the note, for whoever has to find out why. */
const SHOWN_DISAGREEMENTS = 3;

export interface ReferenceInput {
  analysis: SnapshotAnalysis;
  objects: K8sObject[];
  size: string;
  seed: number;
}

/**
 * Times the reference and the warm engine on the same `check()` and `ingress()` questions (sizes S and M
 * only) and reports the ratios of their times and the number of verdicts on which they disagree.
 */
export function measureReference({ analysis, objects, size, seed }: ReferenceInput, report: Reporter): void {
  if (!SIZES.includes(size)) {
    report.note(
      `reference evaluator ratio skipped on ${size} (measured on ${SIZES.join(' and ')}): the reference scans ` +
        'every policy for every pod pair and port',
    );
    return;
  }
  const pods = workloadPods(analysis, objects);
  const check = compareCheck(analysis, objects, pods, seed);
  const ingress = compareIngress(analysis, objects, pods, seed);
  const compared = [check, ingress].flatMap((c) => (c ? [c] : []));
  if (compared.length === 0) {
    report.note('reference evaluator ratio skipped: no sampled question fits the budget of reference calls');
    return;
  }
  compared.forEach((c) => reportRatio(report, c));
  const disagreements = compared.flatMap((c) => c.disagreements);
  const shown = disagreements.slice(0, SHOWN_DISAGREEMENTS).join('; ');
  report.figure({
    id: 'reference.disagreements',
    label: 'reference evaluator vs engine: disagreements (should be 0)',
    value: disagreements.length,
    unit: 'count',
    note:
      compared.map((c) => `${c.question} ${c.disagreements.length} of ${c.verdicts}`).join(', ') +
      ` (peer, probe) verdicts${shown ? `: ${shown}` : ''}`,
  });
}

/** What one kind of question gave: both times, how many verdicts were compared and where they differ. */
interface Comparison {
  question: 'check' | 'ingress';
  reference: Timing<unknown>;
  engine: Timing<unknown>;
  /** What was asked, for the note. */
  asked: string;
  /** (peer, probe) verdicts compared. */
  verdicts: number;
  disagreements: string[];
}

function reportRatio(report: Reporter, c: Comparison): void {
  const { reference, engine } = c;
  report.figure({
    id: `reference.${c.question}.ratio`,
    label: `reference evaluator / engine time, ${c.question}()`,
    value: reference.ms / engine.ms,
    unit: 'count',
    cpu: reference.cpuMs / engine.cpuMs,
    note:
      `${c.asked}: reference ${(reference.ms / 1000).toFixed(2)} s (cpu ${(reference.cpuMs / 1000).toFixed(2)} s), ` +
      `warm engine ${engine.ms.toFixed(2)} ms (cpu ${engine.cpuMs.toFixed(2)} ms, median of ${ENGINE_ROUNDS} rounds)`,
  });
}

/** Workload pairs of the check figure, over `PROBES`; undefined when none fits the budget. */
function compareCheck(
  analysis: SnapshotAnalysis,
  objects: readonly K8sObject[],
  pods: WorkloadPods,
  seed: number,
): Comparison | undefined {
  const calls = ([src, dst]: [TargetRef, TargetRef]) =>
    podsOf(pods, src).length * podsOf(pods, dst).length * PROBES.length;
  const pairs = withinBudget(workloadPairs(analysis, CHECK_PAIRS, seed), CHECK_PAIRS, CHECK_CALLS, calls);
  if (pairs.length === 0) return undefined;
  const reference = timed(() =>
    pairs.map(([src, dst]) => referenceCheck(objects, podsOf(pods, src), podsOf(pods, dst), PROBES)),
  );
  const engine = warm(() => pairs.map(([src, dst]) => analysis.check(src, dst).conn));
  const podPairs = pairs.reduce((n, pair) => n + calls(pair) / PROBES.length, 0);
  return {
    question: 'check',
    reference,
    engine,
    asked:
      `${counted(pairs.length, 'workload pair')} (${counted(podPairs, 'pod pair')}), ` +
      counted(PROBES.length, 'probe'),
    verdicts: pairs.length * PROBES.length,
    disagreements: pairs.flatMap(([src, dst], i) =>
      differences(`check ${name(src)} -> ${name(dst)}`, PROBES, reference.result[i], engine.result[i]),
    ),
  };
}

/** Targets of the ingress figure, every pod a source, over `INGRESS_PROBES`; undefined when none fits. */
function compareIngress(
  analysis: SnapshotAnalysis,
  objects: readonly K8sObject[],
  pods: WorkloadPods,
  seed: number,
): Comparison | undefined {
  const calls = (target: TargetRef) => {
    const targetPods = podsOf(pods, target).length;
    return (pods.all.length - targetPods) * targetPods * INGRESS_PROBES.length;
  };
  const sample = workloadTargets(analysis, INGRESS_SAMPLE, seed);
  const targets = withinBudget(sample, INGRESS_TARGETS, INGRESS_CALLS, calls);
  if (targets.length === 0) return undefined;
  const reference = timed(() =>
    targets.map((target) => referenceIngress(objects, pods.all, podsOf(pods, target), INGRESS_PROBES)),
  );
  const engine = warm(() => targets.map((target) => analysis.ingress(target)));
  let verdicts = 0;
  const disagreements = targets.flatMap((target, i) => {
    const rows = ingressRows(target, reference.result[i], engine.result[i], pods);
    verdicts += rows.length * INGRESS_PROBES.length;
    return rows.flatMap(([peer, expected, conn]) =>
      differences(`ingress of ${name(target)} from ${peer}`, INGRESS_PROBES, expected, conn),
    );
  });
  const targetPods = targets.reduce((n, target) => n + podsOf(pods, target).length, 0);
  return {
    question: 'ingress',
    reference,
    engine,
    asked:
      `${counted(targets.length, 'workload')} (${counted(targetPods, 'pod')}) from ${pods.all.length} source ` +
      `pods, ${INGRESS_PROBES.map(probeText).join(', ')}`,
    verdicts,
    disagreements,
  };
}

/**
 * Up to `count` questions, in sample order, whose reference calls fit in `budget` together: one that would not
 * fit is passed over, and so is one with no call at all (a template workload has no pod to ask about).
 */
function withinBudget<T>(
  questions: readonly T[],
  count: number,
  budget: number,
  calls: (question: T) => number,
): T[] {
  const taken: T[] = [];
  let left = budget;
  for (const question of questions) {
    if (taken.length === count) break;
    const cost = calls(question);
    if (cost === 0 || cost > left) continue;
    taken.push(question);
    left -= cost;
  }
  return taken;
}

/**
 * The reference's per-pod ingress answer as the engine lists it at workload granularity: a workload (the
 * target's own left out) gets what any of its pods may open; a hostNetwork pod is not a selectable peer, so
 * it is listed by its address, in an address range.
 */
function ingressRows(
  target: TargetRef,
  perPod: ReadonlyMap<PodObject, ProbeVerdicts>,
  answer: DirectionAnswer,
  pods: WorkloadPods,
): [string, ProbeVerdicts, ConnectionSetJson | undefined][] {
  const listed = new Map(
    answer.peers.flatMap(({ peer, conn }) => (peer.type === 'workload' ? [[workloadKey(peer), conn]] : [])),
  );
  const nothing = INGRESS_PROBES.map(() => false);
  const rows: [string, ProbeVerdicts, ConnectionSetJson | undefined][] = [];
  for (const [key, workloadPods] of pods.byWorkload) {
    if (target.type === 'workload' && key === workloadKey(target)) continue;
    const selectable = workloadPods.filter((pod) => !pod.hostNetwork);
    if (selectable.length > 0) {
      const verdicts = nothing.map((_, p) => selectable.some((pod) => perPod.get(pod)?.[p] === true));
      rows.push([key, verdicts, listed.get(key)]);
    }
    for (const pod of workloadPods.filter((pod) => pod.hostNetwork && pod.ips.length > 0)) {
      const verdicts = perPod.get(pod) ?? nothing;
      rows.push([`${pod.namespace}/${pod.name} (${pod.ips[0]})`, verdicts, rangeHolding(answer, pod.ips[0])]);
    }
  }
  return rows;
}

/** The connections of the answer's address range that holds `address`, if one does. */
function rangeHolding(answer: DirectionAnswer, address: string): ConnectionSetJson | undefined {
  const ip = parseAddress(address);
  return answer.peers.find(({ peer }) => {
    if (peer.type !== 'ipRange') return false;
    const start = parseAddress(peer.start);
    const end = parseAddress(peer.end);
    return ip.family === start.family && start.value <= ip.value && ip.value <= end.value;
  })?.conn;
}

/** The probes on which the reference's verdicts and the engine's connections (none: nothing allowed) differ. */
function differences(
  question: string,
  probes: readonly Probe[],
  expected: ProbeVerdicts,
  conn: ConnectionSetJson | undefined,
): string[] {
  return probes.flatMap((probe, p) => {
    const engine = conn !== undefined && connectionAllows(conn, probe.protocol, probe.port);
    if (engine === expected[p]) return [];
    return [`${question} ${probeText(probe)}: reference ${verdict(expected[p])}, engine ${verdict(engine)}`];
  });
}

function probeText({ protocol, port }: Probe): string {
  return `${protocol}/${port}`;
}

function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function verdict(allowed: boolean): string {
  return allowed ? 'allows' : 'denies';
}

function name(ref: TargetRef): string {
  return ref.type === 'workload' ? workloadKey(ref) : `${ref.namespace}/${ref.name}`;
}

/** The median wall and CPU time of `ENGINE_ROUNDS` runs of `fn`, with the result of the last. */
function warm<T>(fn: () => T): Timing<T> {
  const rounds = Array.from({ length: ENGINE_ROUNDS }, () => timed(fn));
  return {
    result: rounds[rounds.length - 1].result,
    ms: percentile(
      rounds.map((r) => r.ms),
      50,
    ),
    cpuMs: percentile(
      rounds.map((r) => r.cpuMs),
      50,
    ),
  };
}
