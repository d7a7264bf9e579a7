import { diffSnapshots, renderDiff, type SnapshotAnalysis } from '@podreach/policy-engine';
import type { CliIo } from '../io';
import { loadLocalSnapshot } from '../manifests/local-snapshot';
import { gateHit } from './diff-gate';
import type { DiffOutcome, DiffRequest } from './diff-request';

/** The name a tree goes by in the diff's title: its path as given, or `stdin`. */
function treeLabel(source: string): string {
  return source === '-' ? 'stdin' : source;
}

/** Two manifest trees diffed offline by the engine, as the server would diff two uploads of them. */
export async function localDiff(request: DiffRequest, io: CliIo): Promise<DiffOutcome> {
  const base = await loadLocalSnapshot(request.base, io);
  const head = await loadLocalSnapshot(request.head, io);
  // Trees are not stored snapshots: their paths stand in for ids and labels in the answer and its title.
  const side = (source: string, analysis: SnapshotAnalysis) => ({
    id: treeLabel(source),
    label: treeLabel(source),
    analysis,
  });
  const answer = diffSnapshots(side(request.base, base.analysis), side(request.head, head.analysis), {
    ipBlockMatchesPods: request.ipBlockMatchesPods,
  });
  const text = [...renderDiff(answer, request.format)].join('');
  return { text, hit: gateHit(answer, request.failOn) };
}
