import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, decodeUpload } from './decode-upload';
import type { DocumentSink } from './document-sink';

const ITEMS = 50_000;
const BATCH = 250;
const MiB = 1024 * 1024;

/** A pod as `kubectl get -o json` prints it: about 900 bytes of pretty JSON, with some of the noise real pods carry. */
function podText(i: number): string {
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'x'.repeat(100) },
        labels: { app: `app-${i % 100}`, 'pod-template-hash': '5d8f7c9b6' },
        name: `pod-${i}`,
        namespace: `ns-${i % 50}`,
      },
      spec: {
        containers: [{ image: 'nginx:1.27', name: 'web', ports: [{ containerPort: 8080, protocol: 'TCP' }] }],
        nodeName: `node-${i % 20}`,
      },
      status: { phase: 'Running', podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }] },
    },
    null,
    4,
  );
}

describe('a large JSON list', () => {
  // A generous timeout, not a timed assertion: the machine running the tests may be busy.
  it(`streams ${ITEMS} items through in bounded memory`, { timeout: 120_000 }, async () => {
    let produced = 0;
    let added = 0;
    let misnamed = 0;
    let largestLag = 0;
    let bytes = 0;
    const memoryInUse = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const memoryAtStart = memoryInUse();
    let largestMemoryGrowth = 0;
    const sampleMemory = (): void => {
      largestMemoryGrowth = Math.max(largestMemoryGrowth, memoryInUse() - memoryAtStart);
    };

    // The body is generated batch by batch and never exists as one string or buffer.
    async function* kubectlOutput(): AsyncGenerator<Buffer> {
      yield Buffer.from('{\n    "apiVersion": "v1",\n    "items": [\n');
      for (let start = 0; start < ITEMS; start += BATCH) {
        const batch: string[] = [];
        for (let i = start; i < start + BATCH; i += 1) batch.push(podText(i));
        const text = `${start === 0 ? '' : ',\n'}${batch.join(',\n')}`;
        bytes += text.length;
        produced += BATCH;
        largestLag = Math.max(largestLag, produced - added);
        sampleMemory();
        yield Buffer.from(text);
      }
      yield Buffer.from('\n    ],\n    "kind": "List",\n    "metadata": {"resourceVersion": ""}\n}\n');
    }
    const counter: DocumentSink = {
      addDocument: () => expect.unreachable('a List adds its items one by one'),
      addObject: (raw, documentName) => {
        if (documentName !== `body items[${added}]`) misnamed += 1;
        added += 1;
        if (added % 1000 === 0) sampleMemory();
      },
    };

    await decodeUpload(
      Readable.from(kubectlOutput()),
      'application/json',
      undefined,
      DEFAULT_UPLOAD_LIMITS,
      counter,
    );

    expect(added).toBe(ITEMS);
    expect(misnamed).toBe(0);
    expect(bytes).toBeGreaterThan(40 * MiB);
    // Items reach the builder while the body is still arriving: only stream buffers lie in between.
    expect(largestLag).toBeLessThan(BATCH * 20);
    // Holding the body (over 40 MiB) and its parsed items (several times that) would not fit.
    expect(largestMemoryGrowth).toBeLessThan(96 * MiB);
  });
});
