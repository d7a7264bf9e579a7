/**
 * Analyses of stored snapshots, kept by snapshot id. Snapshots never change once stored, so an entry is
 * valid until it is evicted; the least recently used entry goes first once `maxEntries` are held.
 * Concurrent requests for a snapshot not yet loaded share one load (the promise is cached, not its value),
 * and a load that fails is forgotten so that the next request tries again.
 */
export class AnalysisCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries: number) {}

  /** The cached value for `key`, or the result of `load()`, which is then cached. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return loading;
  }
}
