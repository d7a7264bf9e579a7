import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { Warning } from '@podreach/policy-engine';
import { SnapshotsService } from '../snapshots/snapshots.service';
import type { LoadTask } from './analysis-task-types';

/** Objects per chunk: a few megabytes of JSON, encoded in a few milliseconds. */
const OBJECTS_PER_CHUNK = 5000;

const encoder = new TextEncoder();

/**
 * Reads a stored snapshot for a worker. Objects leave the database as JSON text and stay text until the worker
 * parses them: the event loop never parses or clones the object graph, which takes seconds on a large cluster.
 */
@Injectable()
export class SnapshotLoader {
  constructor(private readonly snapshots: SnapshotsService) {}

  /** The load task of snapshot `id`; NOT_FOUND when it does not exist or the caller may not see it. */
  async load(id: string): Promise<LoadTask> {
    const { record, objects } = await this.snapshots.objectTexts(id);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (let start = 0; start < objects.length; start += OBJECTS_PER_CHUNK) {
      chunks.push(encoder.encode(`[${objects.slice(start, start + OBJECTS_PER_CHUNK).join(',')}]`));
      await yieldToEventLoop();
    }
    return {
      snapshot: id,
      meta: {
        complete: record.complete,
        incompleteReasons: record.incompleteReasons,
        warnings: record.warnings as unknown as Warning[],
      },
      chunks,
    };
  }
}
