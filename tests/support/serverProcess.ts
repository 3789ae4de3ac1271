/**
 * The endpoint as it runs in production, for tests: `node bin/chitieu.js serve` in its own process,
 * on a free port, on the given database (a fresh SQLite file in a temporary folder by default).
 *
 *   const server = await startServerProcess({ db });
 *   const token = await createToken(server.db, 'bo-tai-chinh', 'reporter');
 *   await fetch(`${server.url}/api/v1/returns`, …);
 *   await server.kill('SIGKILL'); await server.restart();   // same port, same db
 *   await server.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../src/domain/payload/api';
import { openStore } from '../../src/server/store/openStore';
import { issueToken } from '../../src/server/tokens';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/chitieu.js');
const LISTENING = /chitieu serve: listening on (http:\/\/[^\s]+?):(\d+)/;

export interface ServerProcessOptions {
  /** A SQLite file or a postgres:// URL; default: a new SQLite file in a temporary folder. */
  db?: string;
  env?: NodeJS.ProcessEnv;
  /** More arguments for `chitieu serve` (e.g. ['--rate-limit', '5']). */
  args?: string[];
  /** How long to wait for the listening line (default 20 s). */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  /** http://127.0.0.1:PORT, the same after restart(). */
  readonly url: string;
  readonly port: number;
  /** The current process's id (changes on restart). */
  readonly pid: number;
  /** The database the server runs on (the SQLite file or URL). */
  readonly db: string;
  /** What the current process has printed so far. */
  output(): { stdout: string; stderr: string };
  /** SIGTERM, then wait for it to exit (SIGKILL after 10 s). Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Send a signal and wait for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Start the server again on the same port and database (stopping it first if it still runs). */
  restart(): Promise<void>;
}

/** A new empty folder for a SQLite file. */
export function tempDbFile(prefix = 'chitieu-test-'): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), prefix)), 'chitieu.sqlite');
}

interface Running {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

function launch(db: string, port: number, options: ServerProcessOptions): Promise<{ running: Running; url: string; port: number }> {
  const args = [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--db', db, ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CHITIEU_DEBUG: '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const running: Running = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`chitieu serve did not start within ${options.startTimeoutMs ?? 20_000} ms.\nstdout:\n${running.stdout}\nstderr:\n${running.stderr}`));
    }, options.startTimeoutMs ?? 20_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      running.stdout += chunk;
      const match = LISTENING.exec(running.stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ running, url: `${match[1]}:${match[2]}`, port: Number(match[2]) });
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (running.stderr += chunk));
    void running.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`chitieu serve exited with code ${code} before listening.\nstdout:\n${running.stdout}\nstderr:\n${running.stderr}`));
    });
  });
}

export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const db = options.db ?? tempDbFile();
  const first = await launch(db, 0, options);
  let current = first.running;
  const { url, port } = first;

  const waitExit = async (ms: number) => {
    const child = current.child;
    if (child.exitCode !== null || child.signalCode !== null) return current.exited;
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    const code = await current.exited;
    clearTimeout(timer);
    return code;
  };

  const server: ServerProcess = {
    url,
    port,
    db,
    get pid() {
      return current.child.pid!;
    },
    output: () => ({ stdout: current.stdout, stderr: current.stderr }),
    async stop() {
      if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill('SIGTERM');
      return waitExit(10_000);
    },
    async kill(signal) {
      if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill(signal);
      await waitExit(10_000);
    },
    async restart() {
      await server.stop();
      // The port was just freed; the kernel may take a moment to let it go.
      let lastError: unknown;
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          current = (await launch(db, port, options)).running;
          return;
        } catch (error) {
          lastError = error;
          if (!/EADDRINUSE/.test(String(error))) throw error;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      throw lastError;
    },
  };
  return server;
}

/** Issues a token straight into the database (no process): returns the token and its id. */
export async function createTokenWithId(db: string, unitId: string, role: Role, label?: string): Promise<{ id: string; token: string }> {
  const store = openStore(db, {});
  try {
    await store.migrate();
    const { id, token } = await issueToken(store, { unitId, role, label: label ?? null });
    return { id, token };
  } finally {
    await store.close();
  }
}

/** Issues a token straight into the database (no process) and returns the token itself. */
export async function createToken(db: string, unitId: string, role: Role, label?: string): Promise<string> {
  return (await createTokenWithId(db, unitId, role, label)).token;
}
