/** The load test's printed result: a table per kind of request, what was stored, and the verdict. */
import type { LoadArgs } from './load-args';
import type { StoredCheck } from './load-database';
import { REQUEST_KINDS } from './load-plan';
import type { LoadRun } from './load-segments';
import type { KindTally, LoadTally } from './load-tally';

/** The value at quantile `q` of sorted numbers (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const HEADER = [
  'request',
  'answered',
  'req/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  '2xx',
  '4xx',
  '503+RA',
  'server errors',
  'errors',
  'cut by kills',
];

function row(kind: string, tally: KindTally, seconds: number): string[] {
  const sorted = [...tally.latenciesMs].sort((a, b) => a - b);
  const within = (low: number, high: number) =>
    [...tally.statuses]
      .filter(([status]) => status >= low && status < high)
      .reduce((sum, [, n]) => sum + n, 0);
  const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(value < 10 ? 1 : 0));
  return [
    kind,
    String(sorted.length),
    (sorted.length / seconds).toFixed(1),
    ms(quantile(sorted, 0.5)),
    ms(quantile(sorted, 0.99)),
    ms(quantile(sorted, 1)),
    String(within(200, 300)),
    String(within(400, 500)),
    String(tally.backPressure),
    String(tally.serverErrors),
    String(tally.errorCount),
    String(tally.cutByKills),
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  return rows
    .map((cells) =>
      cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    )
    .join('\n');
}

function seconds(values: readonly number[]): string {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${quantile(sorted, 0.5).toFixed(1)} s, max ${quantile(sorted, 1).toFixed(1)} s`;
}

/** Why the run failed, one line each; empty when it passed. */
export function failures(tally: LoadTally, stored: StoredCheck): string[] {
  const reasons: string[] = [];
  for (const kind of REQUEST_KINDS) {
    const t = tally.kinds[kind];
    if (t.serverErrors > 0)
      reasons.push(`${kind}: ${t.serverErrors} answers 5xx other than 503 with Retry-After`);
    for (const [message, n] of t.errors) reasons.push(`${kind}: ${n} x ${message} while the service was up`);
  }
  for (const wrong of tally.wrongAnswers)
    reasons.push(`upload answered with another hash or counts: ${wrong}`);
  for (const problem of stored.incomplete) reasons.push(`incomplete snapshot ${problem}`);
  for (const problem of stored.lost) reasons.push(`lost or corrupted upload ${problem}`);
  return reasons;
}

/** The whole printed report. */
export function formatReport(args: LoadArgs, run: LoadRun, tally: LoadTally, stored: StoredCheck): string {
  const rows = [HEADER, ...REQUEST_KINDS.map((kind) => row(kind, tally.kinds[kind], run.loadSeconds))];
  const graphqlErrors = [...tally.kinds.graphql.graphqlErrors].map(([code, n]) => `graphql ${code} x${n}`);
  const other = REQUEST_KINDS.flatMap((kind) =>
    [...tally.kinds[kind].statuses]
      .filter(([status]) => status >= 300)
      .map(([status, n]) => `${kind} ${status} x${n}`),
  );
  const reasons = failures(tally, stored);
  return [
    `podreach load test, seed ${args.seed}: ${run.loadSeconds.toFixed(1)} s under load on PostgreSQL, ` +
      `${run.restartSeconds.length} kills (SIGKILL during uploads; restart to ready: ${seconds(run.restartSeconds)})`,
    '',
    table(rows),
    '',
    `answers other than 2xx: ${other.length === 0 ? 'none' : other.join(', ')}`,
    `GraphQL errors: ${graphqlErrors.length === 0 ? 'none' : graphqlErrors.join(', ')}`,
    `uploads acknowledged: ${tally.acknowledged.length}; snapshots stored: ${stored.snapshots}, ` +
      `incomplete: ${stored.incomplete.length}, acknowledged but lost or corrupted: ${stored.lost.length}`,
    reasons.length === 0 ? 'PASS' : `FAIL\n  ${reasons.join('\n  ')}`,
    '',
  ].join('\n');
}
