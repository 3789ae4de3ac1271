/**
 * `npm run bench:server`: `chitieu serve` as a person runs it, under a bounded load from this
 * (second) process on loopback, with autocannon: 100 concurrent clients posting valid returns,
 * each with a new submission id, for a fixed time. Printed, never asserted: accepted submissions
 * per second, p50/p99 latency, errors, and the count the database holds afterwards. Once on
 * SQLite (the default store) and once on PostgreSQL (a throwaway cluster with fsync on, as in
 * production) when Debian's PostgreSQL is installed.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogue, loadUnits, unitsForYear } from '../src/catalogue/load';
import { acceptance, checkPayload, unitMayReport } from '../src/domain/payload/checkPayload';
import { openStore } from '../src/server/store/openStore';
import { createToken, startServerProcess, tempDbFile } from '../tests/support/serverProcess';
import { validPayload } from '../tests/support/payloads';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { total: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const GOAL_RATE = 1000;
const GOAL_P99_MS = 100;

/** A UUID v4 per request, unique within the run: a random prefix and a counter. */
function idMaker(): () => string {
  const prefix = randomBytes(6).toString('hex');
  let n = 0;
  return () => {
    const c = (n++).toString(16).padStart(12, '0');
    return `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}-4000-8000-${c}`;
  };
}

interface Client {
  token: string;
  /** The unit's payload as JSON, its submission id left as __ID__. */
  template: string;
}

/**
 * One client per reporting unit (up to CONNECTIONS units that report in 2025 and whose payload
 * passes the server's check), each with its own token: the load a deadline brings, many units at
 * once, rather than one unit hammering its own return.
 */
async function clientsFor(db: string): Promise<Client[]> {
  const catalogue = loadCatalogue();
  const units = loadUnits();
  const clients: Client[] = [];
  for (const unit of unitsForYear(units, 2025)) {
    if (clients.length >= CONNECTIONS) break;
    let payload;
    try {
      payload = validPayload({ unitId: unit.id, year: 2025, quarter: 2 });
    } catch {
      continue;
    }
    if (!unitMayReport(payload, units, catalogue).ok || !acceptance(checkPayload(payload, { catalogue, units })).accept) continue;
    clients.push({ token: await createToken(db, unit.id, 'reporter'), template: JSON.stringify({ ...payload, submissionId: '__ID__' }) });
  }
  return clients;
}

async function load(url: string, clients: Client[], seconds: number): Promise<{ result: AutocannonResult; accepted: number }> {
  const nextId = idMaker();
  let accepted = 0;
  let nextClient = 0;
  const result = await autocannon({
    url: `${url}/api/v1/returns`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request: Record<string, unknown>, context: { client?: Client }) => {
          const client = (context.client ??= clients[nextClient++ % clients.length]!);
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}` },
            body: client.template.replace('__ID__', nextId()),
          };
        },
        onResponse: (status: number) => {
          if (status === 201) accepted++;
        },
      },
    ],
  });
  return { result, accepted };
}

async function measure(label: string, db: string, workers: number): Promise<void> {
  // No rate limit and no daily quota: the benchmark sends far more than a unit ever would (both are
  // tested elsewhere). The unit storage quota stays on, set out of reach, so its counting is measured.
  const args = ['--rate-limit', '0', '--versions-per-day', '0', '--unit-storage-mib', '1000000', '--workers', String(workers)];
  const server = await startServerProcess({ db, args });
  try {
    const clients = await clientsFor(db);
    await load(server.url, clients, WARMUP_SECONDS);
    const store = openStore(db, {});
    const before = await store.countVersions();
    const { result, accepted } = await load(server.url, clients, SECONDS);
    const stored = (await store.countVersions()) - before;
    await store.close();
    const rate = accepted / result.duration;
    const errors = result.errors + result.timeouts + (result.non2xx ?? 0);
    console.log(
      `${label}, ${workers} worker process${workers > 1 ? 'es' : ''}: ${rate.toFixed(0)} accepted submissions/s (goal ≥ ${GOAL_RATE} on SQLite), ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (goal < ${GOAL_P99_MS} ms), max ${result.latency.max} ms; ` +
        `${CONNECTIONS} clients (${clients.length} units, a token each) for ${result.duration.toFixed(1)} s: ${result.requests.total} requests, ${accepted} accepted, ` +
        `${errors} errors/timeouts/non-2xx; ${stored} versions stored meanwhile (requests in flight at either end of the window count too)`,
    );
  } finally {
    await server.stop();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL cluster with production durability (fsync and synchronous commit on). */
async function startPostgres(): Promise<{ url: string; stop: () => void } | null> {
  const root = '/usr/lib/postgresql';
  const version = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) return null;
  const bin = path.join(root, version, 'bin');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' }) : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-bench-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  console.log(`bench:server — ${os.cpus().length} cores, node ${process.version}; load from this process, server in its own`);
  const cores = os.cpus().length;
  await measure('SQLite (WAL)', tempDbFile('chitieu-bench-'), 1);
  if (cores > 1) await measure('SQLite (WAL)', tempDbFile('chitieu-bench-'), cores);
  const pg = await startPostgres();
  if (!pg) {
    console.log('PostgreSQL: not installed here (apt-get install -y postgresql): not measured');
    return;
  }
  try {
    await measure('PostgreSQL', pg.url, 1);
    if (cores > 1) await measure('PostgreSQL', pg.url, cores);
  } finally {
    pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
