/**
 * The endpoint as separate processes (`node bin/chitieu.js serve`): a real round trip with the
 * client the add-in uses, a burst of submissions while the server is SIGKILLed and restarted
 * (SQLite and PostgreSQL), and two servers on one PostgreSQL database receiving the same
 * submissions at the same moment.
 */
import type { Receipt } from '../../../src/domain/payload/api';
import type { SubmissionPayload } from '../../../src/domain/payload/schema';
import { openStore } from '../../../src/server/store/openStore';
import { submitPayload, type SubmitOutcome } from '../../../src/submit/client';
import { DEFAULT_UNIT, DEFAULT_YEAR, validPayload } from '../../support/payloads';
import { dropDatabase, freshDatabaseUrl } from '../../support/postgres';
import { createToken, startServerProcess, tempDbFile, type ServerProcess } from '../../support/serverProcess';
import { request } from './http';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const running: ServerProcess[] = [];
const databases: string[] = [];

afterAll(async () => {
  await Promise.all(running.map((s) => s.kill('SIGKILL')));
  for (const db of databases) await dropDatabase(db).catch(() => undefined);
});

async function start(db: string, args: string[] = []): Promise<ServerProcess> {
  // Bursts of hundreds of versions of one return: no rate limit, no daily quota.
  const server = await startServerProcess({ db, args: ['--rate-limit', '0', '--versions-per-day', '0', ...args] });
  running.push(server);
  return server;
}

async function pgDb(prefix: string): Promise<string> {
  const url = await freshDatabaseUrl(prefix);
  databases.push(url);
  return url;
}

it('round trip: the client submits to a listening server, a repeat gets the same receipt, SIGTERM stops it', async () => {
  const db = tempDbFile();
  const server = await start(db);
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(server.output().stdout).toContain(`(store: sqlite ${db})`);
  const token = await createToken(db, DEFAULT_UNIT, 'reporter');
  const health = await request(server.url, { method: 'GET', url: '/healthz' });
  expect(health.json()).toEqual({ status: 'ok', store: 'sqlite' });

  const payload = validPayload();
  const first = await submitPayload({ url: server.url, token }, payload);
  expect(first).toMatchObject({ status: 'accepted', receipt: { version: 1, created: true, submissionId: payload.submissionId } });
  const again = await submitPayload({ url: server.url + '/', token }, payload);
  expect(again.status).toBe('accepted');
  expect((again as { receipt: Receipt }).receipt).toEqual({ ...(first as { receipt: Receipt }).receipt, created: false });
  const refused = await submitPayload({ url: server.url, token: 'ct_nope' }, validPayload());
  expect(refused).toMatchObject({ status: 'refused', httpStatus: 401, error: { error: 'bad-token' } });

  expect(await server.stop()).toBe(0);
  const down = await submitPayload({ url: server.url, token }, validPayload(), { timeoutMs: 2000 });
  expect(down.status).toBe('unreachable');
});

describe.each(['sqlite', 'postgres'] as const)('SIGKILL mid-burst on %s', (kind) => {
  it('every acknowledged submission is stored exactly once, no submission id twice, versions without gaps', async () => {
    const db = kind === 'sqlite' ? tempDbFile() : await pgDb('burst');
    const server = await start(db);
    const token = await createToken(db, DEFAULT_UNIT, 'reporter');
    const TOTAL = 300;
    const CLIENTS = 20;
    const payloads: SubmissionPayload[] = Array.from({ length: TOTAL }, (_, i) => validPayload({ quarter: (i % 4) + 1 }));
    const acknowledged = new Map<string, Receipt>();
    let next = 0;
    let attempts = 0;
    let killed = false;
    let restarting: Promise<void> | null = null;

    const client = async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const payload = payloads[i]!;
        for (;;) {
          attempts++;
          const outcome: SubmitOutcome = await submitPayload({ url: server.url, token }, payload, { timeoutMs: 10_000 });
          if (outcome.status === 'accepted') {
            acknowledged.set(payload.submissionId, outcome.receipt);
            if (!killed && acknowledged.size >= TOTAL / 3) {
              killed = true;
              restarting = (async () => {
                await server.kill('SIGKILL');
                await sleep(300);
                await server.restart();
              })();
            }
            break;
          }
          if (outcome.status === 'refused') throw new Error(`refused: ${JSON.stringify(outcome.error)}`);
          await sleep(50);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await restarting;
    expect(killed).toBe(true);
    expect(acknowledged.size).toBe(TOTAL);
    expect(attempts).toBeGreaterThan(TOTAL); // some were sent while the server was down

    await server.stop();
    const store = openStore(db);
    try {
      expect(await store.countVersions()).toBe(TOTAL);
      const seen = new Set<string>();
      for (let quarter = 1; quarter <= 4; quarter++) {
        const versions = await store.versionsOf(`${DEFAULT_UNIT}.${DEFAULT_YEAR}.q${quarter}`);
        expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
        for (const v of versions) {
          expect(seen.has(v.submissionId)).toBe(false);
          seen.add(v.submissionId);
        }
      }
      expect(seen.size).toBe(TOTAL);
      for (const [submissionId, receipt] of acknowledged) {
        const stored = await store.findBySubmissionId(submissionId);
        expect(stored).not.toBeNull();
        expect({ version: stored!.version, receiptNumber: stored!.receiptNumber, returnId: stored!.returnId }).toEqual({
          version: receipt.version,
          receiptNumber: receipt.receiptNumber,
          returnId: receipt.returnId,
        });
      }
    } finally {
      await store.close();
    }
  });
});

it('two servers on one PostgreSQL database, the same submission ids at the same moment: each stored once, one receipt', async () => {
  const db = await pgDb('twin');
  const [a, b] = await Promise.all([start(db), start(db)]);
  const token = await createToken(db, DEFAULT_UNIT, 'reporter');
  const payloads = Array.from({ length: 20 }, () => validPayload({ quarter: 3 }));
  const answers = await Promise.all(
    payloads.map(async (payload) => {
      const [fromA, fromB] = await Promise.all([submitPayload({ url: a.url, token }, payload), submitPayload({ url: b.url, token }, payload)]);
      return { payload, fromA, fromB };
    }),
  );
  for (const { payload, fromA, fromB } of answers) {
    expect(fromA.status).toBe('accepted');
    expect(fromB.status).toBe('accepted');
    const ra = (fromA as { receipt: Receipt }).receipt;
    const rb = (fromB as { receipt: Receipt }).receipt;
    expect(ra.submissionId).toBe(payload.submissionId);
    expect({ ...ra, created: null }).toEqual({ ...rb, created: null });
    expect([ra.created, rb.created].filter(Boolean)).toHaveLength(1);
  }
  const store = openStore(db);
  try {
    expect(await store.countVersions()).toBe(20);
    const versions = await store.versionsOf(`${DEFAULT_UNIT}.${DEFAULT_YEAR}.q3`);
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(versions.map((v) => v.submissionId)).size).toBe(20);
  } finally {
    await store.close();
  }
});

/**
 * The worker processes of a `chitieu serve` whose pid is given (Linux /proc): its children running
 * bin/chitieu.js (tsx also starts an esbuild service process, which is not a worker).
 */
function childrenOf(pid: number): number[] {
  const fs = require('node:fs') as typeof import('node:fs');
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        // The command name may hold spaces or parentheses: the parent's pid follows the last ')'.
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) return false;
        return fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('chitieu.js');
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(what: string, condition: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

describe('serve --workers 2', () => {
  it('serves from two processes on one port; SIGTERM stops them all', async () => {
    const db = tempDbFile();
    const server = await start(db, ['--workers', '2']);
    expect(server.output().stdout).toContain('2 worker processes');
    const workers = childrenOf(server.pid);
    expect(workers).toHaveLength(2);
    const token = await createToken(db, DEFAULT_UNIT, 'reporter');
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => submitPayload({ url: server.url, token }, validPayload())));
    expect(outcomes.map((o) => (o.status === 'accepted' ? o.receipt.created : o))).toEqual(Array(20).fill(true));
    expect(outcomes.map((o) => (o as { receipt: Receipt }).receipt.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await server.stop()).toBe(0);
    await waitUntil('the workers have exited', () => workers.every((w) => !alive(w)));
  });

  it('workers leave when their primary is killed, so nothing keeps serving unseen', async () => {
    const server = await start(tempDbFile(), ['--workers', '2']);
    const workers = childrenOf(server.pid);
    expect(workers).toHaveLength(2);
    await server.kill('SIGKILL');
    await waitUntil('the orphaned workers have exited', () => workers.every((w) => !alive(w)));
  });

  it('replaces a worker that dies', async () => {
    const db = tempDbFile();
    const server = await start(db, ['--workers', '2']);
    const [victim] = childrenOf(server.pid);
    process.kill(victim!, 'SIGKILL');
    await waitUntil('a new worker has started', () => {
      const now = childrenOf(server.pid);
      return now.length === 2 && !now.includes(victim!);
    });
    const token = await createToken(db, DEFAULT_UNIT, 'reporter');
    expect((await submitPayload({ url: server.url, token }, validPayload())).status).toBe('accepted');
    await server.stop();
  });
});
