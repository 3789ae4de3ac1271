/**
 * Reading many returned workbooks into ReturnInputs: in this thread for a few files, and with
 * worker threads beside it for many (both cores: the main thread reads too, so the workers'
 * start-up is never waited for). Results keep the files' order. Each file's bytes and cells are
 * dropped as soon as its payload is built; only the ReturnInputs (and the skipped reasons) stay.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { Catalogue, UnitList } from '../catalogue/schema';
import { fileInput, type FileInput } from './fromFiles';
import { startWorker } from '../runtime/workerScript';

export interface ReadFilesOptions {
  catalogue: Catalogue;
  units: UnitList;
  /** Worker threads beside the main thread; default: none for ≤ 50 files, else the cores − 1 (1–3). */
  threads?: number;
  /** Run on the main thread once the workers are started, before it reads too (merge loads ExcelJS there meanwhile). */
  whileWorkersStart?: () => void;
}

/** A file as merge names it: `shown` in reports, `path` to read. */
export interface FileToRead {
  path: string;
  shown: string;
}

export function defaultMergeThreads(files: number): number {
  if (files <= 50) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(3, Math.max(1, cores - 1));
}

const unreadable = (shown: string, error: NodeJS.ErrnoException): FileInput => ({
  skipped: {
    source: shown,
    reason: {
      vi: `Không mở được tệp (${error.code ?? error.message}).`,
      en: `The file cannot be opened (${error.code ?? error.message}).`,
    },
  },
});

/**
 * One file, read and turned into its input in this thread. Read synchronously: a return is a few
 * dozen kilobytes, and awaiting the thread pool for each of a thousand files left this thread idle
 * for a fifth of the merge.
 */
export function readOneFile(file: FileToRead, catalogue: Catalogue, units: UnitList): FileInput {
  let bytes: Buffer;
  let modified: Date;
  let fd: number | undefined;
  try {
    fd = openSync(file.path, 'r');
    modified = fstatSync(fd).mtime;
    bytes = readFileSync(fd);
  } catch (error) {
    return unreadable(file.shown, error as NodeJS.ErrnoException);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return fileInput(bytes, file.shown, { catalogue, units, fallbackSubmittedAt: modified.toISOString() });
}

/** How many files a worker takes at a time: few enough to share the tail evenly. */
const BATCH = 8;

/** Every file's input, in the files' order. */
export async function readFiles(files: readonly FileToRead[], options: ReadFilesOptions): Promise<FileInput[]> {
  const results: FileInput[] = new Array(files.length);
  await readFilesInto(files, options, (i, r) => (results[i] = r));
  return results;
}

/**
 * Each file's input handed to `deliver` (with the file's index) as soon as it is read, in no
 * particular order, and not kept: the caller keeps what it needs (merge folds superseded files).
 */
export async function readFilesInto(files: readonly FileToRead[], options: ReadFilesOptions, deliver: (index: number, input: FileInput) => void): Promise<void> {
  const { catalogue, units } = options;
  const delivered = new Uint8Array(files.length);
  const put = (i: number, r: FileInput) => {
    delivered[i] = 1;
    deliver(i, r);
  };
  let next = 0;
  const take = (n: number): number[] => {
    const out: number[] = [];
    while (out.length < n && next < files.length) out.push(next++);
    return out;
  };
  const threads = options.threads ?? defaultMergeThreads(files.length);

  const workers: Promise<void>[] = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      new Promise<void>((resolve) => {
        const worker = startWorker(__filename, __dirname, 'readFilesWorker');
        // Two batches in flight: the next one is already there when a batch's results are posted.
        const held: number[][] = [];
        const feed = () => {
          const batch = take(BATCH);
          if (batch.length > 0) {
            held.push(batch);
            worker.postMessage(batch.map((i) => files[i]!));
          } else if (held.length === 0) void worker.terminate();
        };
        worker.on('message', (message: { ready?: true; results?: FileInput[] }) => {
          if (message.results) {
            const batch = held.shift()!;
            message.results.forEach((r, k) => put(batch[k]!, r));
            feed();
          } else {
            feed();
            feed();
          }
        });
        // A thread that fails leaves its batches to the main thread (below), and stops.
        const done = () => {
          for (const batch of held.splice(0)) for (const i of batch) if (!delivered[i]) orphans.push(i);
          resolve();
        };
        worker.on('error', done);
        worker.on('exit', done);
      }),
    );
  }
  const orphans: number[] = [];
  if (threads > 0) options.whileWorkersStart?.();

  // The main thread reads too, one file at a time, until the queue is empty.
  // It yields after each file, so the workers' finished batches are taken and new ones handed out meanwhile.
  for (let i = take(1)[0]; i !== undefined; i = take(1)[0]) {
    put(i, readOneFile(files[i]!, catalogue, units));
    if (threads > 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  for (const i of orphans) put(i, readOneFile(files[i]!, catalogue, units));
}
