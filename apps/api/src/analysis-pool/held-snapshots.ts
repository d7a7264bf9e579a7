/** A held snapshot with its estimated cost. */
interface Entry<T> {
  value: T;
  bytes: number;
}

/**
 * The snapshots one worker holds, least recently used first, each with its estimated cost in bytes. Whenever the
 * costs add up to more than the budget, the least recently used are dropped, except the snapshots the current
 * task uses: one snapshot larger than the whole budget is still held while it is used, alone.
 */
export class HeldSnapshots<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private totalBytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /** How many snapshots are held and their estimated bytes together. */
  get usage(): { snapshots: number; bytes: number } {
    return { snapshots: this.entries.size, bytes: this.totalBytes };
  }

  /** Snapshot `id`, now the most recently used; undefined when it is not held. */
  get(id: string): T | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.value;
  }

  /**
   * Holds `value` as snapshot `id`, the most recently used, at `bytes`; then drops snapshots past the budget,
   * never `id` nor those in `keep`.
   */
  add(id: string, value: T, bytes: number, keep: readonly string[] = []): void {
    this.remove(id);
    this.entries.set(id, { value, bytes });
    this.totalBytes += bytes;
    this.evict([id, ...keep]);
  }

  /**
   * Adds `bytes` to the cost of held snapshot `id` (something it keeps from now on, such as an answer); then
   * drops snapshots past the budget, never `id`.
   */
  charge(id: string, bytes: number): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    entry.bytes += bytes;
    this.totalBytes += bytes;
    this.evict([id]);
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.totalBytes -= entry.bytes;
  }

  private evict(keep: readonly string[]): void {
    for (const id of [...this.entries.keys()]) {
      if (this.totalBytes <= this.budgetBytes) return;
      if (!keep.includes(id)) this.remove(id);
    }
  }
}
