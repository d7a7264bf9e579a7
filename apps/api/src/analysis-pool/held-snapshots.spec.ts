import { describe, expect, it } from 'vitest';
import { HeldSnapshots } from './held-snapshots';

const heldIds = (held: HeldSnapshots<string>, ids: string[]) =>
  ids.filter((id) => held.get(id) !== undefined);

describe('HeldSnapshots', () => {
  it('holds snapshots while their costs fit the budget, and counts them', () => {
    const held = new HeldSnapshots<string>(300);
    held.add('a', 'A', 100);
    held.add('b', 'B', 200);
    expect(held.usage).toEqual({ snapshots: 2, bytes: 300 });
    expect(held.get('a')).toBe('A');
    expect(held.get('b')).toBe('B');
    expect(held.get('c')).toBeUndefined();
  });

  it('drops the least recently used past the budget, reading counting as a use', () => {
    const held = new HeldSnapshots<string>(300);
    held.add('a', 'A', 100);
    held.add('b', 'B', 100);
    held.add('c', 'C', 100);
    held.get('a');
    held.add('d', 'D', 100);
    expect(held.usage).toEqual({ snapshots: 3, bytes: 300 });
    expect(heldIds(held, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'd']);
  });

  it('drops as many as it takes, and holds a snapshot larger than the budget alone', () => {
    const held = new HeldSnapshots<string>(300);
    held.add('a', 'A', 100);
    held.add('b', 'B', 100);
    held.add('big', 'BIG', 500);
    expect(held.usage).toEqual({ snapshots: 1, bytes: 500 });
    expect(held.get('big')).toBe('BIG');
  });

  it('never drops the snapshots it is told to keep', () => {
    const held = new HeldSnapshots<string>(150);
    held.add('base', 'BASE', 100);
    held.add('other', 'OTHER', 10);
    held.add('head', 'HEAD', 100, ['base']);
    expect(heldIds(held, ['base', 'other', 'head'])).toEqual(['base', 'head']);
    expect(held.usage).toEqual({ snapshots: 2, bytes: 200 });
  });

  it('adds what a snapshot keeps later to its cost and drops others, never the one charged', () => {
    const held = new HeldSnapshots<string>(300);
    held.add('a', 'A', 100);
    held.add('b', 'B', 100);
    held.charge('a', 50);
    expect(held.usage).toEqual({ snapshots: 2, bytes: 250 });
    held.charge('a', 300);
    expect(heldIds(held, ['a', 'b'])).toEqual(['a']);
    expect(held.usage).toEqual({ snapshots: 1, bytes: 450 });
    held.charge('gone', 1000);
    expect(held.usage).toEqual({ snapshots: 1, bytes: 450 });
  });

  it('replaces a snapshot added again at its new cost', () => {
    const held = new HeldSnapshots<string>(300);
    held.add('a', 'A', 100);
    held.add('a', 'A2', 40);
    expect(held.get('a')).toBe('A2');
    expect(held.usage).toEqual({ snapshots: 1, bytes: 40 });
  });
});
