/**
 * Reading many returned workbooks into the inputs of summarise: in this thread for a few files,
 * and with worker threads beside it for many (both cores: the main thread reads too, so the
 * workers' start-up is never waited for). Each file's bytes and cells are dropped as soon as its
 * payload is built, and each thread folds its files as it goes (SupersededFiles: an earlier file
 * of a unit and quarter keeps only what the summary reads of it), so memory grows with the units,
 * not the files, and a worker posts back a payload only for the latest files it read.
 */
import os from 'node:os';
import type { Catalogue, UnitList } from '../catalogue/schema';
import { skippedInput } from '../domain/summary/skipped';
import { SupersededFiles, type FileReturnInput } from '../domain/summary/supersededFiles';
import type { Bilingual, ReturnInput, SkippedInput } from '../domain/summary/types';
import { readRegularFileSync } from '../io/regularFile';
import { fileInput, type FileInput } from './fromFiles';
import { startWorker } from '../runtime/workerScript';

export interface ReadFilesOptions {
  catalogue: Catalogue;
  units: UnitList;
  /** Worker threads beside the main thread; default: none for ≤ 50 files, else the cores − 1 (1–3). */
  threads?: number;
  /** Run on the main thread once the workers are started, before it reads too (merge loads ExcelJS there meanwhile). */
  whileWorkersStart?: () => void;
  /** Skip returns with errors instead of using what reads of them (`chitieu merge --strict`). */
  strict?: boolean;
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

/** regularFile.ts words a reason as a clause ("not a regular file…"): as a sentence of its own here. */
const sentence = (clause: string) => `${clause.charAt(0).toUpperCase()}${clause.slice(1)}${/[.!?]$/.test(clause) ? '' : '.'}`;
const unopened = (reason: Bilingual): Bilingual => ({ vi: sentence(reason.vi), en: sentence(reason.en) });

/**
 * One file, read and turned into its input in this thread. Read synchronously: a return is a few
 * dozen kilobytes, and awaiting the thread pool for each of a thousand files left this thread idle
 * for a fifth of the merge. Only a regular file is read (io/regularFile.ts: a FIFO never blocks,
 * a device or an oversized file is refused before a byte is read).
 */
export function readOneFile(file: FileToRead, catalogue: Catalogue, units: UnitList, strict = false): FileInput {
  const read = readRegularFileSync(file.path);
  if (!read.ok) return { skipped: skippedInput(file.shown, unopened(read.reason)) };
  return fileInput(read.bytes, file.shown, { catalogue, units, fallbackSubmittedAt: read.modified.toISOString(), strict });
}

/** How many files a worker takes at a time: few enough to share the tail evenly. */
const BATCH = 8;

/** What a worker posts: per batch, the skipped files' reasons (null where the file was folded in); at the end, what it kept. */
export type WorkerMessage = { ready: true } | { skipped: (SkippedInput | null)[] } | { kept: FileReturnInput[] };
/** What a worker is sent: a batch of files, or `finish` (post what you kept, then stop). */
export type WorkerRequest = { files: FileToRead[]; strict: boolean } | { finish: true };

export interface ReadFiles {
  /** Every readable return, superseded files folded (summarise gives the same summary as over all of them). */
  inputs: ReturnInput[];
  /** The files that could not be used, with the reason, in the order given. */
  skipped: SkippedInput[];
}

export async function readFiles(files: readonly FileToRead[], options: ReadFilesOptions): Promise<ReadFiles> {
  const { catalogue, units } = options;
  const strict = options.strict ?? false;
  const kept = new SupersededFiles();
  const skipped: (SkippedInput | undefined)[] = new Array(files.length);
  const keep = (i: number, r: FileInput) => {
    if (r.input) kept.add(r.input);
    else skipped[i] = r.skipped;
  };
  let next = 0;
  const take = (n: number): number[] => {
    const out: number[] = [];
    while (out.length < n && next < files.length) out.push(next++);
    return out;
  };
  const threads = options.threads ?? defaultMergeThreads(files.length);
  const orphans: number[] = [];

  const workers: Promise<void>[] = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      new Promise<void>((resolve) => {
        const worker = startWorker(__filename, __dirname, 'readFilesWorker');
        // Two batches in flight: the next one is already there when a batch's results are posted.
        const held: number[][] = [];
        // Every file this worker read: its inputs live in the worker until it posts them at the end.
        const read: number[] = [];
        let finished = false;
        const send = (request: WorkerRequest) => worker.postMessage(request);
        const feed = () => {
          const batch = take(BATCH);
          if (batch.length > 0) {
            held.push(batch);
            send({ files: batch.map((i) => files[i]!), strict });
          } else if (held.length === 0 && !finished) {
            finished = true;
            send({ finish: true });
          }
        };
        worker.on('message', (message: WorkerMessage) => {
          if ('skipped' in message) {
            const batch = held.shift()!;
            batch.forEach((i, k) => {
              read.push(i);
              const s = message.skipped[k];
              if (s) skipped[i] = s;
            });
            feed();
          } else if ('kept' in message) {
            for (const input of message.kept) kept.add(input);
            read.length = 0;
            void worker.terminate();
          } else {
            feed();
            feed();
          }
        });
        // A thread that fails before posting what it kept leaves every file it took to the main thread (below).
        const done = () => {
          for (const batch of held.splice(0)) read.push(...batch);
          for (const i of read.splice(0)) {
            skipped[i] = undefined;
            orphans.push(i);
          }
          resolve();
        };
        worker.on('error', done);
        worker.on('exit', done);
      }),
    );
  }
  if (threads > 0) options.whileWorkersStart?.();

  // The main thread reads too, one file at a time, until the queue is empty.
  // It yields after each file, so the workers' finished batches are taken and new ones handed out meanwhile.
  for (let i = take(1)[0]; i !== undefined; i = take(1)[0]) {
    keep(i, readOneFile(files[i]!, catalogue, units, strict));
    if (threads > 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  for (const i of orphans) keep(i, readOneFile(files[i]!, catalogue, units, strict));
  return { inputs: kept.inputs(), skipped: skipped.filter((s): s is SkippedInput => s !== undefined) };
}
