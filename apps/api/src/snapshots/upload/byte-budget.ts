import { EngineError } from '@podreach/policy-engine';

const UNITS: readonly [string, number][] = [
  ['GiB', 1024 ** 3],
  ['MiB', 1024 ** 2],
  ['KiB', 1024],
];

/** `2 GiB`, `256 MiB`, `1.5 KiB`, `100 bytes`: a limit as people configure it. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(2))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * A byte limit shared by every stream that draws on it: the JSON limit covers all JSON files of an
 * archive together, not each one alone.
 */
export class ByteBudget {
  private used = 0;

  /**
   * @param limit most bytes allowed
   * @param what what is counted, for the message: `JSON after decompression`
   * @param setting the environment variable that raises the limit
   */
  constructor(
    readonly limit: number,
    private readonly what: string,
    private readonly setting: string,
  ) {}

  /** Counts `bytes` more; throws LIMIT_EXCEEDED as soon as the total passes the limit. */
  spend(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) {
      throw new EngineError(
        'LIMIT_EXCEEDED',
        `${this.what} exceeds ${formatBytes(this.limit)} (${this.setting})`,
        { limit: this.limit, setting: this.setting },
      );
    }
  }
}

/**
 * Passes chunks through while charging them to `budget`. The throw happens before the chunk that
 * crosses the limit is handed on, and unwinds every stream upstream, so a gzip bomb stops inflating
 * within one chunk of the limit.
 */
export async function* metered(source: AsyncIterable<Buffer>, budget: ByteBudget): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    budget.spend(chunk.length);
    yield chunk;
  }
}
