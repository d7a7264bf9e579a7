/**
 * The load itself: autocannon instances, one per kind of request, run in segments; between two segments the
 * service is killed with SIGKILL while uploads are under way, and started again.
 *
 * Why segments: autocannon reconnects at once, in a loop, when a connection fails, so instances left running
 * while the service restarts would spin on refused connections and starve the restart of CPU. Each segment's
 * instances are stopped at the kill and new ones start once the service is ready again.
 */
import autocannon from 'autocannon';
import type { Random } from '../bench/generator/random';
import type { ServiceProcess } from '../test/support/service-process';
import { sameCounts } from '../test/support/snapshot-integrity';
import type { LoadArgs } from './load-args';
import { CONNECTIONS, REQUEST_KINDS, type LoadPlan, type RequestKind, type UploadBody } from './load-plan';
import type { LoadTally } from './load-tally';

export interface LoadRun {
  /** Seconds under load, restarts not counted. */
  loadSeconds: number;
  /** Seconds from each restart's spawn to `/readyz` answering 200. */
  restartSeconds: number[];
}

/** Longer than any segment: segments are stopped by hand. */
const INSTANCE_BACKSTOP_SECONDS = 3600;
/** How soon a stopped instance notices: it checks every sample interval. */
const SAMPLE_MS = 100;
/** A request unanswered for this long counts as an error (a hang), not as slow. */
const REQUEST_TIMEOUT_SECONDS = 30;
/** The kill falls this long, at most, after an upload is seen under way: anywhere in its streaming, parsing or transaction. */
const MAX_KILL_DELAY_MS = 100;
/** A segment that makes no progress for this long has stalled: the run stops with an error. */
const PROGRESS_WAIT_MS = 60_000;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface UploadContext {
  upload?: UploadBody;
}

/** The requests of one kind, wired to the tally. */
function requestsOf(
  kind: RequestKind,
  plan: LoadPlan,
  tally: LoadTally,
  label: () => string,
): autocannon.Request[] {
  if (kind !== 'upload') {
    return plan.queries[kind].map((query) => ({
      ...query,
      setupRequest: (request) => {
        tally.requestSent(kind);
        return request;
      },
      onResponse: (status, body, _context, headers) => {
        tally.answered(kind, status, headers ?? {});
        if (kind === 'graphql' && status === 200) tally.kinds.graphql.countGraphqlErrors(body);
      },
    }));
  }
  let next = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request, context) => {
        const upload = plan.uploads[next++ % plan.uploads.length];
        (context as UploadContext).upload = upload;
        tally.requestSent(kind);
        return { ...request, path: `/api/v1/snapshots?cluster=load&label=${label()}`, body: upload.bytes };
      },
      onResponse: (status, body, context, headers) => {
        tally.answered(kind, status, headers ?? {});
        const sent = (context as UploadContext).upload;
        if ((status !== 201 && status !== 200) || !sent) return;
        const answer = JSON.parse(body) as {
          id: string;
          contentHash: string;
          counts: Record<string, number>;
        };
        if (answer.contentHash !== sent.contentHash || !sameCounts(answer.counts, sent.counts)) {
          tally.wrongAnswers.push(
            `${answer.id}: answered ${answer.contentHash} ${JSON.stringify(answer.counts)}, ` +
              `sent ${sent.contentHash} ${JSON.stringify(sent.counts)}`,
          );
        }
        tally.acknowledged.push({ id: answer.id, contentHash: sent.contentHash, counts: sent.counts });
      },
    },
  ];
}

interface RunningKind {
  instance: autocannon.Instance;
  /** Settles when the instance has stopped. */
  done: Promise<void>;
}

function startInstances(
  service: ServiceProcess,
  plan: LoadPlan,
  tally: LoadTally,
  label: () => string,
): RunningKind[] {
  return REQUEST_KINDS.map((kind) => {
    let instance!: autocannon.Instance;
    const done = new Promise<void>((resolve) => {
      instance = autocannon(
        {
          url: service.url,
          connections: CONNECTIONS[kind],
          duration: INSTANCE_BACKSTOP_SECONDS,
          timeout: REQUEST_TIMEOUT_SECONDS,
          sampleInt: SAMPLE_MS,
          headers: { ...service.headers, 'content-type': 'application/json' },
          requests: requestsOf(kind, plan, tally, label),
        },
        () => resolve(),
      );
    });
    instance.on('response', (_client, _status, _bytes, ms) => tally.kinds[kind].latenciesMs.push(ms));
    instance.on('reqError', (error) => tally.requestFailed(kind, error));
    return { instance, done };
  });
}

/** Polls until `condition` holds; throws after `PROGRESS_WAIT_MS`, since the load has then stalled. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + PROGRESS_WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} for ${PROGRESS_WAIT_MS / 1000} s`);
    await delay(5);
  }
}

/**
 * Runs `args.kills + 1` segments of load, about `args.durationSeconds` in all, killing the service after each
 * segment but the last at a random moment while an upload is under way, and restarting it. A segment lasts
 * until one of its uploads was acknowledged and each kind of request answered, so on a slow machine the
 * load lasts longer than `args.durationSeconds`.
 */
export async function runSegments(
  service: ServiceProcess,
  plan: LoadPlan,
  tally: LoadTally,
  args: LoadArgs,
  random: Random,
): Promise<LoadRun> {
  const segments = args.kills + 1;
  const run: LoadRun = { loadSeconds: 0, restartSeconds: [] };
  let uploads = 0;
  const label = () => `seed-${args.seed}-${uploads++}`;
  // Segment lengths vary from half to one and a half times the mean, so that kills fall at different phases.
  const weights = Array.from({ length: segments }, () => 0.5 + random.next());
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  for (const [segment, weight] of weights.entries()) {
    const started = performance.now();
    const acknowledgedBefore = tally.acknowledged.length;
    const answeredBefore = REQUEST_KINDS.map((kind) => tally.kinds[kind].latenciesMs.length);
    const instances = startInstances(service, plan, tally, label);
    await delay((args.durationSeconds * 1000 * weight) / total);
    const kill = segment < args.kills;
    if (kill) {
      // Every segment stores an upload and answers each kind of request before its kill, however slow the
      // machine: else kills would cut off the slow requests every time, and the run would measure nothing.
      await until(() => tally.acknowledged.length > acknowledgedBefore, 'no upload was acknowledged');
      await until(
        () => REQUEST_KINDS.every((kind, i) => tally.kinds[kind].latenciesMs.length > answeredBefore[i]),
        'some kind of request was not answered',
      );
      await until(() => tally.kinds.upload.underWay > 0, 'no upload was under way');
      await delay(random.int(0, MAX_KILL_DELAY_MS));
      tally.beforeKill();
      await service.kill();
    }
    for (const { instance } of instances) instance.stop();
    await Promise.all(instances.map(({ done }) => done));
    run.loadSeconds += (performance.now() - started) / 1000;
    if (kill) {
      const restarting = performance.now();
      await service.start();
      run.restartSeconds.push((performance.now() - restarting) / 1000);
      tally.afterRestart();
    }
  }
  return run;
}
