/**
 * A few worker threads that judge submissions (schema, unit, validation: CPU work, about 0.7 ms
 * each) so the event loop stays free for HTTP and the database. The pool is stateless like the
 * process: a thread that dies is replaced, and the requests it held fail with an error (the
 * client sends the same submission again; nothing was stored). `threads: 0` judges in-process.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Catalogue, UnitList } from '../catalogue/schema';
import { changesJson, type PayloadJson } from './changes';
import { judgeSubmission, type SubmissionVerdict } from './submissionCheck';
import { startWorker } from '../runtime/workerScript';

export interface CheckPool {
  judge(body: unknown): Promise<SubmissionVerdict>;
  /** The changes between two stored payloads (JSON text or bytes in, JSON out): changes.ts. */
  diff(before: PayloadJson, after: PayloadJson): Promise<string>;
  close(): Promise<void>;
  readonly threads: number;
}

/** One thread fewer than the cores (the event loop has one), at least one, at most four. */
export function defaultCheckThreads(): number {
  return Math.min(4, Math.max(1, os.cpus().length - 1));
}

interface Pending {
  resolve(answer: SubmissionVerdict | string): void;
  reject(error: Error): void;
}

export function createCheckPool(threads: number, catalogue: Catalogue, units: UnitList): CheckPool {
  if (threads <= 0) {
    return {
      threads: 0,
      judge: async (body) => judgeSubmission(body, catalogue, units),
      diff: async (before, after) => changesJson(before, after),
      close: async () => undefined,
    };
  }
  let nextId = 1;
  let closed = false;
  const slots: { worker: Worker; pending: Map<number, Pending> }[] = [];

  const start = (index: number) => {
    const worker = startWorker(__filename, __dirname, 'checkWorker');
    const slot = { worker, pending: new Map<number, Pending>() };
    slots[index] = slot;
    worker.on('message', (message: { id: number; verdict?: SubmissionVerdict; changes?: string; failure?: string }) => {
      const waiting = slot.pending.get(message.id);
      if (!waiting) return;
      slot.pending.delete(message.id);
      if (message.verdict) waiting.resolve(message.verdict);
      else if (message.changes !== undefined) waiting.resolve(message.changes);
      else waiting.reject(new Error(`submission check failed: ${message.failure}`));
    });
    const fail = (reason: string) => {
      for (const waiting of slot.pending.values()) waiting.reject(new Error(`submission check thread ${reason}`));
      slot.pending.clear();
      if (!closed && slots[index] === slot) start(index);
    };
    worker.on('error', (error) => fail(`failed: ${error.message}`));
    worker.on('exit', (code) => fail(`exited (${code})`));
    // The event loop may end while threads idle: they never keep the server alive.
    worker.unref();
  };
  for (let i = 0; i < threads; i++) start(i);

  /** Posts a job to the least busy thread: jobs are alike, so queue length is a fair measure. */
  function post<T extends SubmissionVerdict | string>(job: { body: unknown } | { diff: [PayloadJson, PayloadJson] }): Promise<T> {
    if (closed) return Promise.reject(new Error('submission check pool closed'));
    const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (answer: SubmissionVerdict | string) => void, reject });
      try {
        slot.worker.postMessage({ id, ...job });
      } catch (error) {
        // A body that cannot be cloned (never from JSON, but from a caller in-process).
        slot.pending.delete(id);
        reject(error);
      }
    });
  }

  const pool: CheckPool = {
    threads,
    judge: (body) => post<SubmissionVerdict>({ body }),
    diff: (before, after) => post<string>({ diff: [before, after] }),
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
  // Tests kill threads behind the pool's back to see it recover; not part of the interface.
  Object.defineProperty(pool, '_slots', { value: slots, enumerable: false });
  return pool;
}
