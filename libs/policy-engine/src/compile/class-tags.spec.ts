import { describe, expect, it } from 'vitest';
import { tagClasses } from './class-tags';

describe('tagClasses', () => {
  it('gives equal keys equal tags, numbered in order of first use', () => {
    const keys = ['b', 'a', 'b', 'c', 'a'];
    const tags = tagClasses(keys.length, (c) => keys[c]);
    expect([...tags.of]).toEqual([0, 1, 0, 2, 1]);
    expect(tags.count).toBe(3);
  });
});
