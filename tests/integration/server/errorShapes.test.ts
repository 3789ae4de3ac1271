/**
 * Issue 11, item 6: every error answer is an ApiError ({error, message: {vi, en}}) as the OpenAPI
 * document describes it, and its status is one the document lists for that operation, including
 * the answers Fastify and Node write themselves (a malformed request line, a broken %-escape, a
 * path parameter over its length, oversized headers, a preflight without its headers, a missing
 * Host). Each case is provoked for real, on a listening server.
 */
import { randomUUID } from 'node:crypto';
import { API_PREFIX, ApiError } from '../../../src/domain/payload/api';
import { buildApp, type AppOptions } from '../../../src/server/app';
import { openApiDocument } from '../../../src/server/routes/openapi';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT, DEFAULT_YEAR, payloadWithErrors, validPayload } from '../../support/payloads';
import { rawRequest, type RawAnswer } from '../../support/rawHttp';
import { tempDbFile } from '../../support/serverProcess';

const RETURNS = `${API_PREFIX}/returns`;
const RETURN_ID = `${DEFAULT_UNIT}.${DEFAULT_YEAR}.q2`;

type Operation = { path: string; method: 'get' | 'post' };
const submit: Operation = { path: RETURNS, method: 'post' };
const list: Operation = { path: RETURNS, method: 'get' };
const versions: Operation = { path: `${RETURNS}/{id}/versions`, method: 'get' };
const review: Operation = { path: `${RETURNS}/{id}/reviews`, method: 'post' };
const health: Operation = { path: '/healthz', method: 'get' };

interface Case {
  name: string;
  op: Operation;
  status: number;
  code: string;
  /** The app the case needs (default: the shared one). */
  app?: Partial<AppOptions>;
  send(port: number, tokens: { reporter: string; other: string; reviewer: string }): Promise<RawAnswer>;
}

const http = (method: string, url: string, headers: Record<string, string> = {}, body?: string) =>
  [
    `${method} ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`,
    ...Object.entries({ ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }).map(([k, v]) => `${k}: ${v}\r\n`),
    '\r\n',
    body ?? '',
  ].join('');
const json = (token: string | null) => ({ 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });
const send = (method: string, url: string, headers: Record<string, string> = {}, body?: string) => (port: number) => rawRequest(port, [http(method, url, headers, body)]);

const CASES: Case[] = [
  { name: 'a malformed request line', op: health, status: 400, code: 'bad-request', send: (p) => rawRequest(p, ['GARBAGE\r\n\r\n']) },
  { name: 'no Host header', op: health, status: 400, code: 'bad-request', send: (p) => rawRequest(p, ['GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n']) },
  { name: 'an invalid Content-Length', op: submit, status: 400, code: 'bad-request', send: (p) => rawRequest(p, ['POST /api/v1/returns HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}']) },
  { name: 'a broken %-escape', op: versions, status: 400, code: 'bad-url', send: (p, t) => send('GET', `${RETURNS}/%zz/versions`, json(t.reporter))(p) },
  { name: 'a preflight without its headers', op: submit, status: 400, code: 'invalid-preflight', send: send('OPTIONS', RETURNS, { origin: 'https://localhost:3000' }) },
  { name: 'malformed JSON', op: submit, status: 400, code: 'malformed-json', send: (p, t) => send('POST', RETURNS, json(t.reporter), '{"a": ')(p) },
  { name: 'an empty body', op: submit, status: 400, code: 'empty-body', send: (p, t) => send('POST', RETURNS, json(t.reporter), '')(p) },
  { name: 'JSON nested too deep', op: review, status: 400, code: 'too-deep', send: (p, t) => send('POST', `${RETURNS}/${RETURN_ID}/reviews`, json(t.reviewer), '['.repeat(300))(p) },
  { name: 'a payload off the schema', op: submit, status: 400, code: 'invalid-payload', send: (p, t) => send('POST', RETURNS, json(t.reporter), '{"payloadVersion": 2}')(p) },
  { name: 'a bad query', op: list, status: 400, code: 'invalid-query', send: (p, t) => send('GET', `${RETURNS}?quarter=9`, json(t.reporter))(p) },
  { name: 'no token', op: list, status: 401, code: 'no-token', send: send('GET', RETURNS) },
  { name: 'another unit', op: versions, status: 403, code: 'other-unit', send: (p, t) => send('GET', `${RETURNS}/bo-tai-chinh.2025.q1/versions`, json(t.reporter))(p) },
  { name: 'no such return', op: versions, status: 404, code: 'no-such-return', send: (p, t) => send('GET', `${RETURNS}/${DEFAULT_UNIT}.1999.q1/versions`, json(t.reporter))(p) },
  {
    name: 'a submission id of another unit',
    op: submit,
    status: 409,
    code: 'submission-id-taken',
    send: async (p, t) => {
      const mine = validPayload({ quarter: 1 });
      await send('POST', RETURNS, json(t.reporter), JSON.stringify(mine))(p);
      return send('POST', RETURNS, json(t.other), JSON.stringify(validPayload({ unitId: 'bo-tai-chinh', submissionId: mine.submissionId })))(p);
    },
  },
  { name: 'a body over the limit', op: submit, status: 413, code: 'too-large', app: { bodyLimit: 2048 }, send: (p, t) => send('POST', RETURNS, json(t.reporter), JSON.stringify(validPayload()))(p) },
  { name: 'a path parameter over its length', op: versions, status: 414, code: 'url-too-long', send: (p, t) => send('GET', `${RETURNS}/${'a'.repeat(150)}/versions`, json(t.reporter))(p) },
  { name: 'another content type', op: submit, status: 415, code: 'unsupported-media-type', send: (p, t) => send('POST', RETURNS, { ...json(t.reporter), 'content-type': 'text/plain' }, 'x')(p) },
  { name: 'a return with errors', op: submit, status: 422, code: 'has-errors', send: (p, t) => send('POST', RETURNS, json(t.reporter), JSON.stringify(payloadWithErrors()))(p) },
  {
    name: 'too many requests from an address',
    op: list,
    status: 429,
    code: 'rate-limited',
    app: { addressRateLimit: { max: 1, timeWindowMs: 60_000 } },
    send: async (p, t) => (await send('GET', RETURNS, json(t.reporter))(p), send('GET', RETURNS, json(t.reporter))(p)),
  },
  {
    name: 'too many failed authentications',
    op: versions,
    status: 429,
    code: 'auth-failures',
    app: { authFailureLimit: { max: 1, timeWindowMs: 60_000 } },
    send: async (p) => (await send('GET', RETURNS, json('ct_wrong'))(p), send('GET', `${RETURNS}/${RETURN_ID}/versions`, json('ct_wrong'))(p)),
  },
  { name: 'headers over the limit', op: list, status: 431, code: 'headers-too-large', send: (p, t) => send('GET', RETURNS, { ...json(t.reporter), 'x-pad': 'a'.repeat(20_000) })(p) },
  { name: 'a URL over the limit', op: health, status: 431, code: 'headers-too-large', send: send('GET', `/healthz?${'a'.repeat(20_000)}`) },
  {
    name: 'a unit out of storage',
    op: submit,
    status: 507,
    code: 'storage-quota',
    app: { quotas: { versionsPerReturnPerDay: 0, bytesPerUnit: 1 } },
    send: (p, t) => send('POST', RETURNS, json(t.reporter), JSON.stringify(validPayload({ quarter: 3 })))(p),
  },
];

describe('every error answer is a documented ApiError', () => {
  let store: ReturnStore;
  const tokens = { reporter: '', other: '', reviewer: '' };
  const closing: { close(): Promise<void> }[] = [];
  const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

  async function portOf(options: Partial<AppOptions> = {}): Promise<number> {
    const app = await buildApp({ store, logger: false, checkThreads: 0, ...options });
    await app.listen({ port: 0, host: '127.0.0.1' });
    closing.push(app);
    return (app.server.address() as { port: number }).port;
  }

  beforeAll(async () => {
    store = openStore(tempDbFile());
    await store.migrate();
    tokens.reporter = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
    tokens.other = (await issueToken(store, { unitId: 'bo-tai-chinh', role: 'reporter' })).token;
    tokens.reviewer = (await issueToken(store, { unitId: '*', role: 'reviewer' })).token;
  });
  afterAll(async () => {
    await Promise.all(closing.map((a) => a.close()));
    await store.close();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const answer = await c.send(await portOf(c.app), tokens);
    expect(answer.statusCode).toBe(c.status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = ApiError.parse(JSON.parse(answer.body));
    expect(body.error).toBe(c.code);
    expect(body.message.vi).not.toBe(body.message.en);
    expect(answer.body).not.toMatch(/FST_|"statusCode"|\bat .+\.(ts|js):\d+/);
    expect(Object.keys(doc.paths[c.op.path]![c.op.method]!.responses)).toContain(String(c.status));
  });

  it('covers every error status the document lists', () => {
    const documented = new Set(
      Object.values(doc.paths).flatMap((p) => Object.values(p).flatMap((o) => Object.keys(o.responses).filter((s) => Number(s) >= 400))),
    );
    // 408 (request timeout), 500 and 503 (the store in trouble, a restart) have tests of their own.
    const provoked = new Set([...CASES.map((c) => String(c.status)), '408', '500', '503']);
    expect([...documented].filter((s) => !provoked.has(s))).toEqual([]);
  });

  it('a request that carries nothing recognisable still gets a 404 ApiError', async () => {
    const answer = await send('DELETE', `${RETURNS}/${randomUUID()}`)(await portOf());
    expect([answer.statusCode, ApiError.parse(JSON.parse(answer.body)).error]).toEqual([404, 'not-found']);
  });
});
