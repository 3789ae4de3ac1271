/**
 * `chitieu …` as a person runs it, in a process of its own, with what it cost: wall time and peak
 * resident memory (peakRss.js, preloaded). Bounded: killed (SIGKILL) after `timeoutMs`, so a
 * command that blocks (a FIFO) or runs away (a bomb) fails its test instead of hanging it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../../bin/chitieu.js');
const PRELOAD = path.join(__dirname, 'peakRss.js');

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory in MiB; null when the process died before it could say (killed). */
  peakMiB: number | null;
  /** User + system CPU seconds (worker threads included); null when killed. */
  cpuSeconds: number | null;
}

export interface MeasureOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

export function chitieuMeasured(args: readonly string[], { cwd, timeoutMs, env = {} }: MeasureOptions): Promise<Measured> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'chitieu-rss-'));
  const rssFile = path.join(scratch, 'maxrss');
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', PRELOAD, BIN, ...args],
      {
        cwd,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, CHITIEU_DEBUG: '', ...env, CHITIEU_PEAK_RSS_FILE: rssFile },
      },
      (error, stdout, stderr) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        let peakMiB: number | null = null;
        let cpuSeconds: number | null = null;
        try {
          const [kib, cpuMicros] = readFileSync(rssFile, 'utf8').split('\n').map(Number);
          peakMiB = Math.round(kib! / 1024);
          cpuSeconds = cpuMicros! / 1e6;
        } catch {
          // killed before its exit handler ran
        }
        rmSync(scratch, { recursive: true, force: true });
        const e = error as (Error & { code?: number | string; signal?: NodeJS.Signals; killed?: boolean }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          timedOut: Boolean(e?.killed && e.signal === 'SIGKILL'),
          stdout,
          stderr,
          seconds,
          peakMiB,
          cpuSeconds,
        });
      },
    );
  });
}
