/**
 * Issue 11, item 10, on SQLite and PostgreSQL: a database in trouble is not a server error. A lock
 * held outside the server made every request wait (a parallel /healthz took 4.5 s) and then fail
 * with 500; a database that is gone gave 500. Now: 503 with Retry-After (busy or unavailable),
 * /healthz answers while the lock is held, and the same submission sent again afterwards is stored.
 */
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { API_PREFIX, ApiError } from '../../../src/domain/payload/api';
import { buildApp } from '../../../src/server/app';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT, validPayload } from '../../support/payloads';
import { dropDatabase, freshDatabaseUrl } from '../../support/postgres';
import { tempDbFile } from '../../support/serverProcess';
import { listening, type HttpAnswer, type HttpRequest } from './http';

jest.setTimeout(60_000);

const RETURNS = `${API_PREFIX}/returns`;
const WAIT_MS = 800;

/** Holds the write lock of the database from outside the server, until release(). */
async function holdLock(kind: 'sqlite' | 'postgres', db: string): Promise<{ release(): Promise<void> }> {
  if (kind === 'sqlite') {
    const conn = new Database(db);
    conn.exec('BEGIN IMMEDIATE');
    return {
      release: async () => {
        conn.exec('ROLLBACK');
        conn.close();
      },
    };
  }
  const client = new Client({ connectionString: db });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE versions IN ACCESS EXCLUSIVE MODE');
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describe.each(['sqlite', 'postgres'] as const)('the store in trouble on %s', (kind) => {
  let db: string;
  let store: ReturnStore;
  let send: (r: HttpRequest) => Promise<HttpAnswer>;
  let close: () => Promise<void>;
  let token: string;
  const post = (body: unknown) =>
    send({ method: 'POST', url: RETURNS, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify(body) });

  beforeAll(async () => {
    db = kind === 'sqlite' ? tempDbFile() : await freshDatabaseUrl('store_trouble');
    store = openStore(db, { waitMs: WAIT_MS });
    await store.migrate();
    token = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
    const app = await buildApp({ store, logger: false, checkThreads: 0 });
    send = await listening(app);
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    await store.close();
    if (kind === 'postgres') await dropDatabase(db);
  });

  it('answers 503 store-busy with Retry-After while a lock is held outside, /healthz meanwhile, and stores the retry', async () => {
    const payload = validPayload();
    const lock = await holdLock(kind, db);
    const order: string[] = [];
    let submitted: HttpAnswer;
    try {
      const submitting = post(payload).then((res) => (order.push('submit'), res));
      const health = await send({ method: 'GET', url: '/healthz' });
      order.push('healthz');
      expect(health.statusCode).toBe(200);
      submitted = await submitting;
    } finally {
      // Released whatever happened, so a server that waits for ever still gets its answer.
      await lock.release();
    }
    expect(order).toEqual(['healthz', 'submit']);
    expect(submitted.statusCode).toBe(503);
    expect(ApiError.parse(submitted.json()).error).toBe('store-busy');
    expect(Number(submitted.headers['retry-after'])).toBeGreaterThan(0);
    // Nothing was lost: the same submission, sent again, is stored.
    expect((await post(payload)).statusCode).toBe(201);
  });

  it('answers 503 store-unavailable when the database is gone, /healthz too', async () => {
    const gone = openStore(kind === 'sqlite' ? tempDbFile() : 'postgresql://nobody@127.0.0.1:1/none', { waitMs: WAIT_MS });
    if (kind === 'sqlite') await gone.migrate();
    const app = await buildApp({ store: gone, logger: false, checkThreads: 0 });
    const ask = await listening(app);
    try {
      if (kind === 'sqlite') await gone.close();
      const health = await ask({ method: 'GET', url: '/healthz' });
      expect([health.statusCode, ApiError.parse(health.json()).error]).toEqual([503, 'store-unavailable']);
      const res = await ask({ method: 'GET', url: RETURNS, headers: { authorization: `Bearer ${token}` } });
      expect([res.statusCode, ApiError.parse(res.json()).error]).toEqual([503, 'store-unavailable']);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await app.close();
      await gone.close();
    }
  });
});
