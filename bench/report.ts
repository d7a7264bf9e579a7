/** One table per size run, and the JSON document `--json` writes for comparing runs. */
import { cpus, loadavg, totalmem } from 'node:os';
import { meets, targetOf, type Figure } from './figures';
import type { ClusterStats } from './generator';
import type { StageOutcome } from './stage-runner';

export interface SizeRun {
  size: string;
  seed: number;
  stats?: ClusterStats;
  figures: Figure[];
  notes: string[];
  stages: StageOutcome[];
}

const number = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatValue(value: number, unit: Figure['unit']): string {
  switch (unit) {
    case 's':
      return `${number(value, value < 10 ? 3 : 1)} s`;
    case 'ms':
      return `${number(value, 2)} ms`;
    case 'MB':
      return `${number(value, 0)} MB`;
    case 'pods/s':
    case 'objects/s':
    case 'req/s':
      return `${number(value, 0)} ${unit}`;
    case 'count':
      return number(value, 0);
  }
}

/** The table of one size: each figure with its target and whether it is met, then stages and notes. */
export function formatRun(run: SizeRun): string {
  const rows = run.figures.map((figure) => {
    const target = targetOf(run.size, figure.id);
    return [
      figure.label,
      formatValue(figure.value, figure.unit),
      target ? `${target.op} ${formatValue(target.value, figure.unit)}` : '',
      target ? (meets(target, figure.value) ? 'met' : 'MISSED') : '',
      figure.cpu === undefined ? '' : formatValue(figure.cpu, figure.unit),
      figure.note ?? '',
    ];
  });
  const header = ['figure', 'value', 'target', '', 'cpu', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 2 || i === 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const stats = run.stats;
  const title = stats
    ? `${run.size} (seed ${run.seed}): ${number(stats.namespaces, 0)} namespaces, ${number(stats.nodes, 0)} nodes, ` +
      `${number(stats.pods, 0)} pods, ${number(stats.workloads, 0)} workloads, ${number(stats.policies, 0)} policies`
    : `${run.size} (seed ${run.seed})`;
  const stages = run.stages
    .map((s) => {
      const time = s.status === 'skipped' ? '' : ` ${number(s.seconds, 1)} s`;
      return `${s.stage} ${s.status}${time}${s.reason ? ` (${s.reason})` : ''}`;
    })
    .join(', ');
  return [
    title,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `stages: ${stages}`,
    ...run.notes.map((note) => `note: ${note}`),
  ].join('\n');
}

/** Node version, cores, memory and load: figures from a busy machine are not comparable. */
export function machineText(): string {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `Node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${load}`;
}

/** What `--json` writes: the machine, then every size with its figures and targets. */
export function runsDocument(runs: readonly SizeRun[], startedAt: Date): Record<string, unknown> {
  return {
    startedAt: startedAt.toISOString(),
    machine: machineText(),
    runs: runs.map((run) => ({
      ...run,
      figures: run.figures.map((figure) => ({ ...figure, target: targetOf(run.size, figure.id) })),
    })),
  };
}
