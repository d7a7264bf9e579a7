import type { Snapshot } from '../../../../prisma/generated/client';
import type { SqlTransaction, TransactionRunner } from '../database/sql-transaction';

/** How a stage writes; the repository supplies the statements. */
export interface StageOptions {
  transaction: TransactionRunner;
  timeoutMs: number;
  /**
   * true: the transaction opens with the first objects, and they are written while the rest of the upload
   * is decoded. false: everything waits for `end`, and the transaction is as short as it can be.
   */
  streaming: boolean;
  /** The transaction's first statement: the snapshot's placeholder row. */
  begin(tx: SqlTransaction): Promise<void>;
  /** Stores objects given as their JSON texts. */
  insert(tx: SqlTransaction, objectsJson: readonly string[]): Promise<void>;
}

/** What the stage's transaction does next, in the order the steps were given. */
type Step =
  | { type: 'objects'; objectsJson: readonly string[] }
  | { type: 'end'; complete: (tx: SqlTransaction) => Promise<Snapshot | undefined> }
  | { type: 'abandon' };

/** The longest delay `setTimeout` takes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Thrown inside the transaction to roll it back when `end`'s step finds nothing to keep. */
const NOTHING_TO_KEEP = Symbol('nothing to keep');

/**
 * A snapshot being stored while its upload is still being decoded: one transaction, held open from the
 * first objects to `end`, into which objects go in the order they are added while the decoding goes on.
 * Nothing is visible before `end` commits, and any failure, `abandon` or crash rolls everything back.
 */
export class SnapshotStage {
  private readonly steps: Step[] = [];
  private wake: (() => void) | undefined;
  private transaction: Promise<Snapshot | undefined> | undefined;
  private failure: { error: unknown } | undefined;
  private added = 0;

  constructor(private readonly options: StageOptions) {}

  /** Objects added so far. */
  get rows(): number {
    return this.added;
  }

  /** Queues objects for storing. Throws at once if the transaction already failed: decoding on is pointless. */
  add(objectsJson: readonly string[]): void {
    if (this.failure) throw this.failure.error;
    if (objectsJson.length === 0) return;
    this.added += objectsJson.length;
    this.push({ type: 'objects', objectsJson });
    if (this.options.streaming) void this.open();
  }

  /**
   * Runs `complete` after the last objects, in the same transaction, and commits; returns what it returned.
   * When it returns undefined (a duplicate, say), everything is rolled back instead and undefined returned.
   */
  end(complete: (tx: SqlTransaction) => Promise<Snapshot | undefined>): Promise<Snapshot | undefined> {
    this.push({ type: 'end', complete });
    return this.open();
  }

  /** Rolls back whatever was stored, once the statement running now ends; resolves when it is done. */
  async abandon(): Promise<void> {
    if (!this.transaction) return;
    // Objects still queued are not worth writing first.
    this.steps.length = 0;
    this.push({ type: 'abandon' });
    await this.transaction.catch(() => undefined);
  }

  private push(step: Step): void {
    this.steps.push(step);
    this.wake?.();
  }

  private open(): Promise<Snapshot | undefined> {
    if (!this.transaction) {
      const { transaction, timeoutMs } = this.options;
      this.transaction = transaction((tx) => this.run(tx), { timeoutMs }).catch((error: unknown) => {
        if (error === NOTHING_TO_KEEP) return undefined;
        this.failure = { error };
        throw error;
      });
      // Whoever calls `end` or `abandon` sees a failure; until then, it must not count as unhandled.
      this.transaction.catch(() => undefined);
    }
    return this.transaction;
  }

  private async run(tx: SqlTransaction): Promise<Snapshot | undefined> {
    const deadline = Date.now() + this.options.timeoutMs;
    await this.options.begin(tx);
    for (;;) {
      const step = await this.next(deadline);
      if (step.type === 'objects') await this.options.insert(tx, step.objectsJson);
      else if (step.type === 'abandon') throw NOTHING_TO_KEEP;
      else {
        const stored = await step.complete(tx);
        if (stored === undefined) throw NOTHING_TO_KEEP;
        return stored;
      }
    }
  }

  /**
   * The next step, waiting for it if need be, but not past the deadline: a transaction left waiting on a slow
   * upload is rolled back then, rather than only at its next statement.
   */
  private async next(deadline: number): Promise<Step> {
    while (this.steps.length === 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`Transaction ran longer than its ${this.options.timeoutMs} ms timeout`);
      }
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        // Timers wait at most MAX_TIMER_MS: past it, Node would fire at once.
        timer = setTimeout(resolve, Math.min(remaining, MAX_TIMER_MS));
      });
      this.wake = undefined;
      clearTimeout(timer);
    }
    return this.steps.shift()!;
  }
}
