/**
 * Engine parse + normalize throughput: the `SnapshotBuilder` over already-parsed objects (validation,
 * normalization, canonical order, content hash), and `buildSnapshotContent` over the kubectl List text,
 * JSON parsing included, where the text fits in one JavaScript string.
 */
import { SnapshotBuilder, buildSnapshotContent, type SnapshotContent } from '@podreach/policy-engine';
import { BENCH_MAX_POLICIES, BENCH_MAX_WORKLOADS_AND_PODS } from './bench-limits';
import type { Reporter } from './figures';
import { kubectlListChunks, type GeneratedCluster } from './generator';
import { timed } from './timing';

const LIMITS = { maxWorkloadsAndPods: BENCH_MAX_WORKLOADS_AND_PODS, maxPolicies: BENCH_MAX_POLICIES };
/** Below V8's largest string (2^29 - 24 characters), with room for the join. */
const MAX_TEXT = 400_000_000;

export function measureNormalize(cluster: GeneratedCluster, report: Reporter): SnapshotContent {
  const pods = cluster.stats.pods;
  const normalize = timed(() => {
    const builder = new SnapshotBuilder(LIMITS);
    cluster.objects.forEach((object, i) => builder.addObject(object, `items[${i}]`));
    return builder.finish();
  });
  report.figure({
    id: 'normalize.podsPerSecond',
    label: 'engine normalize (SnapshotBuilder, parsed objects)',
    value: pods / (normalize.ms / 1000),
    unit: 'pods/s',
    cpu: pods / (normalize.cpuMs / 1000),
    note: `${(normalize.ms / 1000).toFixed(2)} s for ${cluster.stats.objects} objects`,
  });

  const text = listTextIfItFits(cluster);
  if (text === undefined) {
    report.note(
      'engine parse + normalize (buildSnapshotContent) skipped: the List is longer than one JavaScript string may be',
    );
    return normalize.result;
  }
  const parse = timed(() => buildSnapshotContent([{ name: 'cluster.json', text }], LIMITS));
  report.figure({
    id: 'parseNormalize.podsPerSecond',
    label: 'engine parse + normalize (buildSnapshotContent)',
    value: pods / (parse.ms / 1000),
    unit: 'pods/s',
    cpu: pods / (parse.cpuMs / 1000),
    note: `${(parse.ms / 1000).toFixed(2)} s for ${(text.length / 1e6).toFixed(0)} MB of List JSON`,
  });
  return normalize.result;
}

function listTextIfItFits(cluster: GeneratedCluster): string | undefined {
  const chunks: string[] = [];
  let length = 0;
  for (const chunk of kubectlListChunks(cluster.objects)) {
    length += chunk.length;
    if (length > MAX_TEXT) return undefined;
    chunks.push(chunk);
  }
  return chunks.join('');
}
