/**
 * Issue 11, item 11: `Cache-Control: no-store` and `X-Content-Type-Options: nosniff` on every
 * answer (errors and Node's own client errors too); CORS only for https origins, http only for
 * this machine (named, or the dev server's with allowHttpLocalhost); a new SQLite file and its WAL
 * readable by their owner only.
 */
import fs from 'node:fs';
import { API_PREFIX } from '../../../src/domain/payload/api';
import { buildApp, type AppOptions } from '../../../src/server/app';
import { OriginRefusedError } from '../../../src/server/hardening';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT, validPayload } from '../../support/payloads';
import { rawRequest } from '../../support/rawHttp';
import { tempDbFile } from '../../support/serverProcess';
import { request, type HttpAnswer } from './http';

const RETURNS = `${API_PREFIX}/returns`;

describe('hardening', () => {
  let store: ReturnStore;
  let db: string;
  let token: string;
  const apps: { close(): Promise<void> }[] = [];
  async function serve(options: Partial<AppOptions> = {}): Promise<{ base: string; port: number }> {
    const app = await buildApp({ store, logger: false, checkThreads: 0, ...options });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    const port = (app.server.address() as { port: number }).port;
    return { base: `http://127.0.0.1:${port}`, port };
  }

  beforeAll(async () => {
    db = tempDbFile();
    store = openStore(db);
    await store.migrate();
    token = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await store.close();
  });

  it('sends no-store and nosniff on every answer, success or error', async () => {
    const { base, port } = await serve();
    const auth = { authorization: `Bearer ${token}` };
    const answers: [string, HttpAnswer | { statusCode: number; headers: Record<string, string> }][] = [
      ['submit', await request(base, { method: 'POST', url: RETURNS, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(validPayload()) })],
      ['list', await request(base, { method: 'GET', url: RETURNS, headers: auth })],
      ['401', await request(base, { method: 'GET', url: RETURNS })],
      ['404', await request(base, { method: 'GET', url: '/nothing' })],
      ['health', await request(base, { method: 'GET', url: '/healthz' })],
      ['openapi', await request(base, { method: 'GET', url: `${API_PREFIX}/openapi.json` })],
      ['preflight', await request(base, { method: 'OPTIONS', url: RETURNS, headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST' } })],
      ['malformed', await rawRequest(port, ['GARBAGE\r\n\r\n'])],
    ];
    for (const [name, answer] of answers) {
      expect([name, answer.headers['cache-control'], answer.headers['x-content-type-options']]).toEqual([name, 'no-store', 'nosniff']);
    }
  });

  it('allows https origins and, for http, only this machine', async () => {
    const preflight = (base: string, origin: string) =>
      request(base, { method: 'OPTIONS', url: RETURNS, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    const defaults = (await serve()).base;
    expect((await preflight(defaults, 'https://localhost:3000')).headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect((await preflight(defaults, 'http://localhost:3000')).headers['access-control-allow-origin']).toBeUndefined();
    const dev = (await serve({ allowHttpLocalhost: true })).base;
    expect((await preflight(dev, 'http://localhost:3000')).headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const named = (await serve({ corsOrigins: ['http://127.0.0.1:5173'] })).base;
    expect((await preflight(named, 'http://127.0.0.1:5173')).headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    await expect(buildApp({ store, logger: false, checkThreads: 0, corsOrigins: ['http://chitieu.example.gov.vn'] })).rejects.toBeInstanceOf(OriginRefusedError);
  });

  it('creates the SQLite file and its WAL readable by their owner only', async () => {
    const file = tempDbFile();
    const fresh = openStore(file);
    try {
      await fresh.migrate();
      await issueToken(fresh, { unitId: DEFAULT_UNIT, role: 'reporter' });
      for (const name of [file, `${file}-wal`]) expect([name, (fs.statSync(name).mode & 0o777).toString(8)]).toEqual([name, '600']);
    } finally {
      await fresh.close();
    }
  });
});
