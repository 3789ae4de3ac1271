/**
 * `chitieu serve --workers N`: N processes sharing one port (node:cluster), so the endpoint uses
 * every core — checking a submission is CPU work. The processes share nothing but the database,
 * which already keeps every guarantee between processes (the same holds for several machines on
 * one PostgreSQL). The primary only forks, prints the one listening line, replaces a worker that
 * dies, and passes SIGTERM/SIGINT on; a worker whose primary is gone (killed) exits at once.
 */
import cluster, { type Worker } from 'node:cluster';

export interface WorkerPlan {
  workers: number;
  /** Runs in each worker: start the server (it prints nothing; the primary speaks for all). */
  startWorker(): Promise<{ close(): Promise<void> }>;
  /** The primary's one line, once every worker listens. */
  announce(port: number): void;
  /** Before forking: bring the database schema up to date once. */
  prepare(): Promise<void>;
}

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

export async function runWorkers(plan: WorkerPlan): Promise<void> {
  if (cluster.isWorker) {
    // The primary was killed: serving on alone would outlive every `kill` a person tries.
    process.on('disconnect', () => process.exit(0));
    const running = await plan.startWorker();
    // The IPC channel keeps a worker alive: after closing (requests under way finish), leave.
    const leave = () =>
      void running.close().then(
        () => process.exit(0),
        () => process.exit(2),
      );
    process.once('SIGTERM', leave);
    process.once('SIGINT', leave);
    return;
  }
  await plan.prepare();
  let stopping = false;
  let listening = 0;
  let announced = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('listening', (address) => {
      listening++;
      if (!announced && listening >= plan.workers) {
        announced = true;
        plan.announce(address.port);
      }
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!announced) {
      // A worker that cannot start (port taken, database refused) would fail again: stop all.
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      process.exitCode = code ?? 1;
      return;
    }
    process.stderr.write(`chitieu serve: worker ${worker.process.pid} ended (${signal ?? code}); starting another\n`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (let i = 0; i < plan.workers; i++) fork();
}
