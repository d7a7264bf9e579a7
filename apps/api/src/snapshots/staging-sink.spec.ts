import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '@podreach/policy-engine';
import { stagingSink } from './staging-sink';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop' },
  spec: { containers: [{ name: 'web' }] },
});

describe('stagingSink', () => {
  it('hands the builder objects to the stage in batches as they are added, whole documents too', () => {
    const builder = new SnapshotBuilder();
    const batches: number[] = [];
    const add = (objectsJson: readonly string[]) => {
      if (objectsJson.length > 0) batches.push(objectsJson.length);
    };
    const sink = stagingSink(builder, { add }, 2);

    sink.addObject(pod('a'), 'items[0]');
    expect(batches).toEqual([]);
    sink.addObject(pod('b'), 'items[1]');
    expect(batches).toEqual([2]);
    sink.addDocument([pod('c'), pod('d'), pod('e')], 'more');
    expect(batches).toEqual([2, 3]);
    sink.addObject({ kind: 'ConfigMap', metadata: { name: 'skipped' } }, 'items[2]');
    expect(batches).toEqual([2, 3]);
    expect(builder.finish().objectsJson).toHaveLength(5);
  });

  it('stops the decoding with the error of a stage that failed', () => {
    const builder = new SnapshotBuilder();
    const sink = stagingSink(
      builder,
      {
        add: (objectsJson) => {
          if (objectsJson.length > 0) throw new Error('connection lost');
        },
      },
      1,
    );
    expect(() => sink.addObject(pod('a'), 'items[0]')).toThrow('connection lost');
  });
});
