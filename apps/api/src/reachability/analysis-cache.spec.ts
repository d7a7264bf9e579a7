import { describe, expect, it } from 'vitest';
import { AnalysisCache } from './analysis-cache';

describe('AnalysisCache', () => {
  it('shares one load between concurrent requests for the same key', async () => {
    const cache = new AnalysisCache<string>(4);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return 'analysis';
    };
    const answers = await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)]);
    expect(answers).toEqual(['analysis', 'analysis', 'analysis']);
    expect(loads).toBe(1);
  });

  it('evicts the least recently used entry beyond its size', async () => {
    const cache = new AnalysisCache<string>(2);
    const loaded: string[] = [];
    const load = (key: string) => async () => {
      loaded.push(key);
      return key;
    };
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('a', load('a'));
    await cache.get('c', load('c'));
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    expect(loaded).toEqual(['a', 'b', 'c', 'b']);
  });

  it('forgets a failed load so that the next request tries again', async () => {
    const cache = new AnalysisCache<string>(2);
    await expect(cache.get('a', () => Promise.reject(new Error('database down')))).rejects.toThrow(
      'database down',
    );
    await expect(cache.get('a', async () => 'analysis')).resolves.toBe('analysis');
  });
});
