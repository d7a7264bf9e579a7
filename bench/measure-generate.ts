/**
 * Bench set-up, reported so a reader sees where a run's time went: generating the cluster, and writing it
 * as the gzipped kubectl List that the ingest stage uploads.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Reporter } from './figures';
import { generateCluster, kubectlListStream, type GeneratedCluster, type SizeName } from './generator';
import { timed, timedAsync } from './timing';

export function measureGenerate(size: SizeName, seed: number, report: Reporter): GeneratedCluster {
  const { result: cluster, ms, cpuMs } = timed(() => generateCluster({ size, seed }));
  report.figure({
    id: 'generate.seconds',
    label: 'generate cluster (bench set-up)',
    value: ms / 1000,
    unit: 's',
    cpu: cpuMs / 1000,
  });
  return cluster;
}

/** Writes the List gzipped, as one uploads a large `kubectl get -o json` dump. */
export async function writeClusterList(
  cluster: GeneratedCluster,
  listFile: string,
  report: Reporter,
): Promise<void> {
  let listBytes = 0;
  const count = async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      listBytes += chunk.length;
      yield chunk;
    }
  };
  const write = await timedAsync(() =>
    pipeline(kubectlListStream(cluster.objects), count, createGzip(), createWriteStream(listFile)),
  );
  const gzipBytes = (await stat(listFile)).size;
  report.figure({
    id: 'list.megabytes',
    label: 'kubectl List JSON',
    value: listBytes / 1e6,
    unit: 'MB',
    note: `${(gzipBytes / 1e6).toFixed(1)} MB gzipped, written in ${(write.ms / 1000).toFixed(1)} s`,
  });
}
