/**
 * `npm run bench:abuse`: issue 11's attacks on `chitieu serve`, on loopback, bounded in time, and
 * the figures they leave. Printed, never asserted.
 *
 * 1. Storage: one reporter token sends 101 valid ~1 MB submissions to one return (4 at a time).
 *    Before the quotas all were stored; now the day's quota refuses all but 20.
 * 2. Reads: 8 clients read that return's versions over and over (page after page) for 10 s, while
 *    /healthz is asked every 20 ms: its latency, and the server's resident memory (sampled, and
 *    its peak). Once with the default limits, once with the rate limit off (only paging bounds
 *    what an answer holds, as with many tokens from many addresses).
 * 3. No valid token (a fresh process, so its counts start from zero): 100 connections send
 *    requests with no token or an unknown one for 10 s; how many were answered 401 (a token
 *    lookup each) and how many 429 before authentication.
 *
 * The server runs as `chitieu serve` in its own process on a fresh SQLite file; the load comes
 * from this process.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { loadCatalogue, loadUnits } from '../src/catalogue/load';
import { acceptance, checkPayload } from '../src/domain/payload/checkPayload';
import { PAYLOAD_ROW_IDS, type SubmissionPayload } from '../src/domain/payload/schema';
import { DEFAULT_BODY_LIMIT } from '../src/server/app';
import { openStore } from '../src/server/store/openStore';
import { largestPayload } from '../tests/support/largestPayload';
import { validPayload } from '../tests/support/payloads';
import { createToken, startServerProcess, tempDbFile, type ServerProcess } from '../tests/support/serverProcess';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<{ statusCodeStats?: Record<string, { count: number }>; requests: { total: number }; errors: number; duration: number }>;

const UNIT = 'bo-y-te';
const SUBMISSIONS = 101;
const READERS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MB = 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmtMb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** A valid return of ~1 MB: every row's comparisons and source, and the four sections, filled with Vietnamese text. */
function megabytePayload(): SubmissionPayload {
  const base = validPayload({ unitId: UNIT, year: 2025, quarter: 2 });
  const text = `Thái Lan 20% (ITU, 2022). ${'Số liệu so sánh quốc tế được cập nhật hằng năm. '.repeat(190)}`.slice(0, 9_990);
  const targetComparisons = Object.fromEntries(PAYLOAD_ROW_IDS.map((row) => [row, { TY_INTL: text, T2025_INTL: text }]));
  const rowSources = Object.fromEntries(Object.keys(targetComparisons).map((row) => [row, text]));
  const section = `1. ${'Tiếp tục triển khai, hiệu quả được cải thiện rõ rệt. '.repeat(700)}`.slice(0, 32_000);
  return { ...base, targetComparisons, rowSources, sections: { trend: section, international: section, difficulties: section, proposals: section } };
}

/** Resident memory of a process now and at its peak (Linux /proc), in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function ask(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(new URL(path, base), { method, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }, agent }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, bytes: 0, ms: performance.now() - started }));
    if (body) req.write(body);
    req.end();
  });
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

/** /healthz every 20 ms and the server's memory every 100 ms, until stop() (latencies in ms). */
function watch(base: string, pid: number) {
  const latencies: number[] = [];
  let maxRss = 0;
  let running = true;
  const probing = (async () => {
    while (running) {
      latencies.push((await ask(base, 'GET', '/healthz')).ms);
      await sleep(20);
    }
  })();
  const sampling = setInterval(() => (maxRss = Math.max(maxRss, memoryOf(pid).rss)), 100);
  return async () => {
    running = false;
    clearInterval(sampling);
    await probing;
    const sorted = [...latencies].sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(1);
    return { health: `/healthz p50 ${f(quantile(sorted, 0.5))} ms, p99 ${f(quantile(sorted, 0.99))} ms, max ${f(sorted[sorted.length - 1] ?? NaN)} ms (n=${sorted.length})`, maxRss };
  };
}

async function storageAttack(server: ServerProcess, token: string): Promise<void> {
  const payload = megabytePayload();
  const catalogue = loadCatalogue();
  const units = loadUnits();
  if (!acceptance(checkPayload(payload, { catalogue, units })).accept) throw new Error('the ~1 MB payload has errors: fix megabytePayload()');
  const size = Buffer.byteLength(JSON.stringify(payload));
  const store = openStore(server.db);
  const before = (await store.unitUsage(UNIT)).bytes;
  const statuses = new Map<number, number>();
  const started = Date.now();
  let next = 0;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < SUBMISSIONS && Date.now() - started < 60_000) {
        next++;
        const res = await ask(server.url, 'POST', '/api/v1/returns', headers, JSON.stringify({ ...payload, submissionId: randomUUID() }));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const after = (await store.unitUsage(UNIT)).bytes;
  await store.close();
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n} × ${s}`).join(', ');
  console.log(
    `1. storage: ${next} submissions of ${fmtMb(size)} to one return in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}; ` +
      `the unit's storage grew by ${fmtMb(after - before)}`,
  );
}

async function readAttack(server: ServerProcess, token: string, label: string): Promise<void> {
  const returnId = `${UNIT}.2025.q2`;
  const stop = watch(server.url, server.pid);
  const rssBefore = memoryOf(server.pid).rss;
  let reads = 0;
  let largest = 0;
  const statuses = new Map<number, number>();
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (Date.now() < deadline) {
        // Any page: a cursor is the last version of the page before (0: the first page).
        const cursor = Math.floor(Math.random() * 20);
        const res = await ask(server.url, 'GET', `/api/v1/returns/${returnId}/versions${cursor ? `?cursor=${cursor}` : ''}`, { authorization: `Bearer ${token}` });
        reads++;
        largest = Math.max(largest, res.bytes);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const { health, maxRss } = await stop();
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n} × ${s}`).join(', ');
  console.log(
    `2. reads (${label}): ${READERS} clients, ${reads} reads in ${SECONDS} s (${counts}), largest answer ${fmtMb(largest)}; ${health}; ` +
      `server RSS ${fmtMb(rssBefore)} before, ${fmtMb(maxRss)} at most (peak ${fmtMb(memoryOf(server.pid).peak)})`,
  );
}

async function tokenlessAttack(server: ServerProcess): Promise<void> {
  const stop = watch(server.url, server.pid);
  let n = 0;
  const result = await autocannon({
    url: `${server.url}/api/v1/returns`,
    connections: 100,
    duration: SECONDS,
    requests: [
      {
        method: 'GET',
        // Half without a token, half with a new unknown token each time (each a lookup if it got that far).
        setupRequest: (request: Record<string, unknown>) => ({ ...request, headers: n++ % 2 ? { authorization: `Bearer ct_${randomUUID()}${randomUUID()}` } : {} }),
      },
    ],
  });
  const { health } = await stop();
  const codes = result.statusCodeStats ?? {};
  const count = (s: string) => codes[s]?.count ?? 0;
  const total = result.requests.total;
  console.log(
    `3. no valid token: ${total} requests in ${result.duration.toFixed(1)} s from 100 connections: ${count('401')} × 401, ${count('429')} × 429 ` +
      `(${((100 * count('429')) / Math.max(1, total)).toFixed(1)}% refused by the rate limits, before any token lookup), ${result.errors} errors; ${health}`,
  );
}

async function main() {
  console.log(`bench:abuse — ${os.cpus().length} cores, node ${process.version}; attacks from this process, chitieu serve in its own, loopback only`);
  const largest = Buffer.byteLength(JSON.stringify(largestPayload()));
  console.log(`largest return a person can type: ${(largest / 1000).toFixed(0)} KB of JSON; default body limit ${fmtMb(DEFAULT_BODY_LIMIT)} (${(DEFAULT_BODY_LIMIT / largest).toFixed(1)}×)`);

  const db = tempDbFile('chitieu-abuse-');
  const defaults = await startServerProcess({ db });
  try {
    const token = await createToken(db, UNIT, 'reporter');
    await storageAttack(defaults, token);
    await readAttack(defaults, token, 'default limits');
    // A new process: its address's count starts from zero (the reads above used it up).
    await defaults.restart();
    await tokenlessAttack(defaults);
  } finally {
    await defaults.stop();
  }
  // The same database, the rate limits off: what paging alone holds an answer to.
  const unlimited = await startServerProcess({ db, args: ['--rate-limit', '0'] });
  try {
    await readAttack(unlimited, await createToken(db, UNIT, 'reporter'), 'rate limit off');
  } finally {
    await unlimited.stop();
    fs.rmSync(db.replace(/chitieu\.sqlite$/, ''), { recursive: true, force: true });
  }
  agent.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
