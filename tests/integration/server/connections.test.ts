/**
 * Issue 11, item 4: a connection cannot hold the server for long. A partial body held one open for
 * more than 80 s and a client could hold hundreds: now the request, its headers, an idle socket
 * and an idle kept-alive socket each have a time limit (documented defaults, smaller here so the
 * test is short), and a request cut off is answered 408 as an ApiError.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../../src/domain/payload/api';
import { buildApp } from '../../../src/server/app';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from '../../../src/server/connections';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT } from '../../support/payloads';
import { rawRequest } from '../../support/rawHttp';
import { tempDbFile } from '../../support/serverProcess';

const SHORT: Partial<ConnectionLimits> = { connectionTimeoutMs: 400, headersTimeoutMs: 500, requestTimeoutMs: 800, keepAliveTimeoutMs: 300, checkIntervalMs: 100 };

describe('connection limits', () => {
  let store: ReturnStore;
  const apps: FastifyInstance[] = [];
  async function listen(connections?: Partial<ConnectionLimits>): Promise<{ app: FastifyInstance; port: number }> {
    const app = await buildApp({ store, logger: false, checkThreads: 0, ...(connections ? { connections } : {}) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    return { app, port: (app.server.address() as { port: number }).port };
  }

  beforeAll(async () => {
    store = openStore(tempDbFile());
    await store.migrate();
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await store.close();
  });

  it('sets the documented defaults on the server', async () => {
    const { app } = await listen();
    const server = app.server;
    expect({
      connectionTimeoutMs: server.timeout,
      headersTimeoutMs: server.headersTimeout,
      requestTimeoutMs: server.requestTimeout,
      keepAliveTimeoutMs: server.keepAliveTimeout,
      maxHeaders: server.maxHeadersCount,
    }).toEqual({
      connectionTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 60_000,
      keepAliveTimeoutMs: 5_000,
      maxHeaders: 100,
    });
    expect(DEFAULT_CONNECTION_LIMITS.maxHeaderBytes).toBe(16 * 1024);
  });

  it('answers a body that stops half way with 408 and closes the connection', async () => {
    // A socket silent for connectionTimeoutMs is closed without an answer: here the request's limit comes first.
    const { port } = await listen({ ...SHORT, connectionTimeoutMs: 5_000 });
    // With a valid token: the body is read only after authentication.
    const token = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
    const head = `POST /api/v1/returns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
    const answer = await rawRequest(port, [head, '{"payloadVersion": 1,'], { timeoutMs: 10_000 });
    expect(answer.closedByServer).toBe(true);
    expect(answer.statusCode).toBe(408);
    expect(ApiError.parse(JSON.parse(answer.body)).error).toBe('request-timeout');
  });

  it('answers headers that keep trickling in with 408', async () => {
    const { port } = await listen(SHORT);
    const lines = ['GET /healthz HTTP/1.1\r\nHost: x\r\n', ...Array.from({ length: 30 }, (_, i) => `X-Slow-${i}: a\r\n`)];
    const answer = await rawRequest(port, lines, { gapMs: 100, timeoutMs: 10_000 });
    expect(answer.closedByServer).toBe(true);
    expect(answer.statusCode).toBe(408);
  });

  it('closes a connection that sends nothing, and a kept-alive one left idle', async () => {
    const { port } = await listen(SHORT);
    const silent = await rawRequest(port, [], { timeoutMs: 10_000 });
    expect([silent.closedByServer, silent.statusCode]).toEqual([true, 0]);
    const kept = await rawRequest(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n'], { timeoutMs: 10_000 });
    expect([kept.closedByServer, kept.statusCode]).toEqual([true, 200]);
  });
});
