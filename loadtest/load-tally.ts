/** What the load test saw, per kind of request: answers, latencies, failures, and the uploads acknowledged. */
import type { AcknowledgedUpload } from '../test/support/snapshot-integrity';
import { REQUEST_KINDS, type RequestKind } from './load-plan';

/** Answers and failures of one kind of request. */
export class KindTally {
  /** Milliseconds from sending to the whole answer, of every answer. */
  readonly latenciesMs: number[] = [];
  readonly statuses = new Map<number, number>();
  /** 503 with `Retry-After`: back-pressure, which clients are told how to handle. */
  backPressure = 0;
  /** Any other 5xx, and GraphQL errors coded INTERNAL: failures. */
  serverErrors = 0;
  /** Connection errors and timeouts while the service was up: failures, by message. */
  readonly errors = new Map<string, number>();
  /** `extensions.code` of GraphQL errors in 200 answers; INTERNAL ones also count as server errors. */
  readonly graphqlErrors = new Map<string, number>();
  /** Requests under way when the service was killed: expected to fail. */
  cutByKills = 0;
  /** Requests sent and neither answered nor failed yet. */
  underWay = 0;

  get errorCount(): number {
    return [...this.errors.values()].reduce((sum, n) => sum + n, 0);
  }

  count(status: number, headers: Record<string, unknown>): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status < 500) return;
    const retryAfter = Object.keys(headers).some((name) => name.toLowerCase() === 'retry-after');
    if (status === 503 && retryAfter) this.backPressure += 1;
    else this.serverErrors += 1;
  }

  /** GraphQL answers its errors with 200: a failure of the server is an error coded INTERNAL (or not coded). */
  countGraphqlErrors(body: string): void {
    const { errors = [] } = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    for (const error of errors) {
      const code = error.extensions?.code ?? 'no code';
      this.graphqlErrors.set(code, (this.graphqlErrors.get(code) ?? 0) + 1);
      if (code === 'INTERNAL' || code === 'no code') this.serverErrors += 1;
    }
  }
}

/**
 * Everything the run saw. Between `beforeKill` and `afterRestart` the service is being killed: requests then
 * under way count as cut off by the kill, and the failures that follow (resets, refused reconnections) are
 * the kill's doing, not the service's.
 */
export class LoadTally {
  readonly kinds = Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, new KindTally()])) as Record<
    RequestKind,
    KindTally
  >;
  /** Uploads answered 201 or 200, with the hash and counts of what was sent. */
  readonly acknowledged: AcknowledgedUpload[] = [];
  /** Upload answers whose content hash or counts differ from what was sent. */
  readonly wrongAnswers: string[] = [];
  private killing = false;

  requestSent(kind: RequestKind): void {
    if (!this.killing) this.kinds[kind].underWay += 1;
  }

  answered(kind: RequestKind, status: number, headers: Record<string, unknown>): void {
    if (!this.killing) this.kinds[kind].underWay -= 1;
    this.kinds[kind].count(status, headers);
  }

  requestFailed(kind: RequestKind, error: unknown): void {
    if (this.killing) return;
    const tally = this.kinds[kind];
    tally.underWay -= 1;
    const message = error instanceof Error ? error.message : String(error);
    tally.errors.set(message, (tally.errors.get(message) ?? 0) + 1);
  }

  beforeKill(): void {
    this.killing = true;
    for (const tally of Object.values(this.kinds)) {
      tally.cutByKills += tally.underWay;
      tally.underWay = 0;
    }
  }

  afterRestart(): void {
    this.killing = false;
  }
}
