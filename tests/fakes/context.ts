/**
 * The request context: a queue of operations applied in order at `sync()`. A failing operation
 * rejects the sync with an Office.js-shaped error, and the operations queued after it in that
 * batch are dropped (Excel stops the batch; what ran before it stays done).
 */
import { supportsApi, type Execution, type HostCore, type QueuedOperation } from './core';
import { FakeRichApiError } from './errors';
import { FakeApplication, FakeWorkbook } from './workbook';

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  /**
   * Accepted and ignored. Objects still expire when their Excel.run ends (using one later fails
   * with InvalidObjectPath), because the fake has no Excel.run(previousObjects, batch) form.
   */
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private pending: { op: QueuedOperation; counted: boolean }[] = [];
  private closed = false;

  constructor(readonly core: HostCore) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  enqueue(op: QueuedOperation, counted = true): void {
    if (this.closed) {
      throw new FakeRichApiError('InvalidObjectPath', {
        location: op.location,
        detail: 'the object belongs to an Excel.run batch that has finished',
      });
    }
    this.pending.push({ op, counted });
    if (counted) this.core.counters.queued++;
  }

  sync<P>(passThroughValue?: P): Promise<P> {
    this.core.counters.syncs++;
    return this.flush().then(() => passThroughValue as P);
  }

  /** Excel.run's closing sync: a round trip only when operations are waiting. */
  async finish(): Promise<void> {
    if (this.pending.some((p) => p.counted)) this.core.counters.syncs++;
    try {
      await this.flush();
    } finally {
      this.closed = true;
    }
  }

  /** A batch that threw: what it queued is never sent. */
  abandon(): void {
    this.pending = [];
    this.closed = true;
  }

  private flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    // Excel answers asynchronously: nothing queued is applied before the caller awaits.
    return Promise.resolve().then(() => this.execute(batch.map((p) => p.op)));
  }

  private execute(ops: QueuedOperation[]): void {
    const commits: (() => void)[] = [];
    const exec: Execution = { core: this.core, wb: this.core.wb, commit: (fn) => commits.push(fn) };
    let changed = false;
    try {
      for (const op of ops) {
        if (op.api && !supportsApi(this.core, op.api)) {
          throw new FakeRichApiError('ApiNotFound', { location: op.location, detail: `needs ExcelApi ${op.api}; this host supports up to ${this.core.apiVersion}` });
        }
        changed = changed || op.mutates;
        try {
          op.run(exec);
        } catch (e) {
          throw e instanceof FakeRichApiError ? e.withLocation(op.location) : e;
        }
      }
    } finally {
      if (changed) this.core.notify();
    }
    for (const commit of commits) commit();
  }
}
