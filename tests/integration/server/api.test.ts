/**
 * The endpoint's HTTP API, in process (buildApp, listening on 127.0.0.1), on SQLite and on PostgreSQL: the same
 * cases, the same answers.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, ApiError, Receipt, ReturnList, VersionList } from '../../../src/domain/payload/api';
import { SubmissionPayload } from '../../../src/domain/payload/schema';
import { buildApp, DEFAULT_BODY_LIMIT, type AppOptions } from '../../../src/server/app';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { hashToken, issueToken } from '../../../src/server/tokens';
import { DEFAULT_QUARTER, DEFAULT_UNIT, DEFAULT_YEAR, FOCAL_EMAIL, payloadWithErrors, validPayload } from '../../support/payloads';
import { dropDatabase, freshDatabaseUrl } from '../../support/postgres';
import { tempDbFile } from '../../support/serverProcess';
import { listening, type HttpAnswer, type HttpRequest } from './http';

const RETURNS = `${API_PREFIX}/returns`;
const OTHER_UNIT = 'bo-tai-chinh';

type Kind = 'sqlite' | 'postgres';

async function newDb(kind: Kind): Promise<string> {
  return kind === 'sqlite' ? tempDbFile() : freshDatabaseUrl('api');
}

describe.each<Kind>(['sqlite', 'postgres'])('HTTP API on %s', (kind) => {
  let db: string;
  let store: ReturnStore;
  let app: Target;
  let logs: string;
  let reporter: { id: string; token: string };
  let otherReporter: { id: string; token: string };
  let reviewer: { id: string; token: string };

  const logStream = () =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString('utf8');
        done();
      },
    });

  interface Target {
    app: FastifyInstance;
    inject(r: HttpRequest): Promise<HttpAnswer>;
    close(): Promise<void>;
  }

  async function makeApp(options: Partial<AppOptions> = {}, on: ReturnStore = store): Promise<Target> {
    const made = await buildApp({ store: on, logger: { level: 'info', stream: logStream() }, ...options });
    const inject = await listening(made);
    return { app: made, inject, close: () => made.close() };
  }

  const post = (body: unknown, token: string | null = reporter.token, extra: Record<string, string> = {}, target: Target = app) =>
    target.inject({
      method: 'POST',
      url: RETURNS,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (url: string, token: string | null = reporter.token, target: Target = app) =>
    target.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  const expectApiError = (body: unknown, code: string) => {
    const error = ApiError.parse(body);
    expect(error.error).toBe(code);
    expect(error.message.vi.length).toBeGreaterThan(0);
    expect(error.message.en.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
    return error;
  };

  beforeAll(async () => {
    db = await newDb(kind);
    store = openStore(db);
    await store.migrate();
    reporter = await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter', label: 'test' });
    otherReporter = await issueToken(store, { unitId: OTHER_UNIT, role: 'reporter' });
    reviewer = await issueToken(store, { unitId: '*', role: 'reviewer' });
    logs = '';
    app = await makeApp();
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
    if (kind === 'postgres' && db) await dropDatabase(db);
  });

  it('accepts a return: 201 and a receipt', async () => {
    const payload = validPayload();
    const before = await store.countVersions();
    const res = await post(payload);
    expect(res.statusCode).toBe(201);
    const receipt = Receipt.parse(res.json());
    expect(receipt).toMatchObject({
      submissionId: payload.submissionId,
      unitId: DEFAULT_UNIT,
      year: DEFAULT_YEAR,
      quarter: DEFAULT_QUARTER,
      version: 1,
      created: true,
      returnId: `${DEFAULT_UNIT}.${DEFAULT_YEAR}.q${DEFAULT_QUARTER}`,
      receiptNumber: `CT-${DEFAULT_YEAR}-Q${DEFAULT_QUARTER}-${DEFAULT_UNIT}-v1`,
    });
    expect(Math.abs(Date.parse(receipt.receivedAt) - Date.now())).toBeLessThan(60_000);
    expect(await store.countVersions()).toBe(before + 1);
    const stored = await store.findBySubmissionId(payload.submissionId);
    expect(stored?.tokenId).toBe(reporter.id);
    expect(JSON.parse(stored!.payloadJson)).toEqual(payload);
  });

  it('answers a repeated submission id with the first receipt: 200, created false, nothing stored', async () => {
    const payload = validPayload({ quarter: 1 });
    const first = await post(payload);
    expect(first.statusCode).toBe(201);
    const count = await store.countVersions();
    const again = await post(payload);
    expect(again.statusCode).toBe(200);
    expect(Receipt.parse(again.json())).toEqual({ ...first.json(), created: false });
    // The same content sent later, its keys in another order: a retry all the same.
    const { submittedAt: _at, ...rest } = payload;
    const reordered = Object.fromEntries(Object.entries({ ...rest, submittedAt: new Date(Date.now() + 5000).toISOString() }).reverse());
    expect((await post(reordered)).statusCode).toBe(200);
    // Other content under the same id: refused, nothing stored (issue 11, item 8).
    const changed = await post({ ...payloadWithErrors({ quarter: 1 }), submissionId: payload.submissionId });
    expect(changed.statusCode).toBe(409);
    expect(expectApiError(changed.json(), 'submission-id-reused').message.en).toContain('different content');
    expect(await store.countVersions()).toBe(count);
  });

  it('refuses other content sent under one id at the same moment: one stored, the other 409', async () => {
    const a = validPayload({ quarter: 1 }, { percent: 61 });
    const b = { ...validPayload({ quarter: 1 }, { percent: 62 }), submissionId: a.submissionId };
    const [sa, sb, sa2] = (await Promise.all([post(a), post(b), post(a)])).map((r) => r.statusCode);
    // Whichever content was stored, the other is refused; a's two sends agree with each other.
    const stored = JSON.parse((await store.findBySubmissionId(a.submissionId))!.payloadJson) as SubmissionPayload;
    if (stored.figures[0]!.value === a.figures[0]!.value) expect([[sa, sa2].sort(), sb]).toEqual([[200, 201], 409]);
    else expect([sa, sb, sa2]).toEqual([409, 201, 409]);
  });

  it('keeps submission ids in lower case: the same UUID in capitals is the same submission (issue 11, item 7)', async () => {
    const payload = validPayload({ quarter: 2 }, { percent: 63 });
    const upper = { ...payload, submissionId: payload.submissionId.toUpperCase() };
    const first = await post(upper);
    expect(first.statusCode).toBe(201);
    expect(Receipt.parse(first.json()).submissionId).toBe(payload.submissionId);
    const count = await store.countVersions();
    const lower = await post(payload);
    expect([lower.statusCode, lower.json().version]).toEqual([200, first.json().version]);
    expect((await post(upper)).statusCode).toBe(200);
    expect(await store.countVersions()).toBe(count);
    expect((await store.findBySubmissionId(payload.submissionId))?.submissionId).toBe(payload.submissionId);
  });

  it('stores a correction as version 2, and the versions endpoint shows what changed', async () => {
    const year = DEFAULT_YEAR;
    const v1 = validPayload({ quarter: 3 });
    const v2 = validPayload({ quarter: 3 }, { percent: 55 });
    expect((await post(v1)).statusCode).toBe(201);
    const res = await post(v2);
    expect(res.statusCode).toBe(201);
    const receipt = Receipt.parse(res.json());
    expect(receipt.version).toBe(2);
    expect(receipt.receiptNumber).toBe(`CT-${year}-Q3-${DEFAULT_UNIT}-v2`);

    const versions = await get(`${RETURNS}/${receipt.returnId}/versions`);
    expect(versions.statusCode).toBe(200);
    const list = VersionList.parse(versions.json());
    expect(list.returnId).toBe(receipt.returnId);
    expect(list.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(list.versions[0]!.changes).toEqual([]);
    expect(list.versions[1]!.submissionId).toBe(v2.submissionId);
    const figureChanges = list.versions[1]!.changes.filter((c) => c.kind === 'figure');
    expect(figureChanges.length).toBeGreaterThan(0);
    expect((list.versions[1]!.payload as SubmissionPayload).submissionId).toBe(v2.submissionId);
  });

  it('refuses a return with errors: 422 with the flags, nothing stored', async () => {
    const count = await store.countVersions();
    const res = await post(payloadWithErrors());
    expect(res.statusCode).toBe(422);
    const error = expectApiError(res.json(), 'has-errors');
    expect(error.flags?.length).toBeGreaterThan(0);
    for (const flag of error.flags!) {
      expect(flag.severity).toBe('error');
      expect(flag.key).toMatch(/:/);
      expect(flag.message.vi && flag.message.en).toBeTruthy();
    }
    expect(error.flags!.map((f) => f.rule)).toContain('contact.email');
    expect(await store.countVersions()).toBe(count);
  });

  it('refuses a unit that does not report that year: 422', async () => {
    const res = await post({ ...validPayload(), year: 2031 });
    expect(res.statusCode).toBe(422);
    expectApiError(res.json(), 'unit-may-not-report');
  });

  it('refuses a payload that does not match the schema: 400 with issues', async () => {
    const { figures: _figures, ...noFigures } = validPayload();
    const res = await post({ ...noFigures, extra: 1 });
    expect(res.statusCode).toBe(400);
    const error = expectApiError(res.json(), 'invalid-payload');
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(error.issues!.map((i) => i.path).join(' ')).toMatch(/figures/);
    const notObject = await post([1, 2]);
    expect(notObject.statusCode).toBe(400);
  });

  it('refuses malformed JSON (400), an empty body (400), an oversized body (413), another content type (415)', async () => {
    const malformed = await post('{"payloadVersion": 1, ');
    expect(malformed.statusCode).toBe(400);
    expectApiError(malformed.json(), 'malformed-json');

    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expectApiError(empty.json(), 'empty-body');

    const small = await makeApp({ bodyLimit: 2048 });
    try {
      const big = await post(validPayload(), reporter.token, {}, small);
      expect(big.statusCode).toBe(413);
      expectApiError(big.json(), 'too-large');
    } finally {
      await small.close();
    }
    const huge = await post(JSON.stringify({ ...validPayload(), sections: { trend: 'x'.repeat(DEFAULT_BODY_LIMIT + 1024) } }));
    expect(huge.statusCode).toBe(413);

    const text = await post(JSON.stringify(validPayload()), reporter.token, { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expectApiError(text.json(), 'unsupported-media-type');
    const form = await post('a=1', reporter.token, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
  });

  it('needs a live token: none, unknown and revoked are 401', async () => {
    const none = await post(validPayload(), null);
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expectApiError(none.json(), 'no-token');

    const unknown = await post(validPayload(), 'ct_' + 'A'.repeat(43));
    expect(unknown.statusCode).toBe(401);
    expectApiError(unknown.json(), 'bad-token');

    const basic = await app.inject({ method: 'GET', url: RETURNS, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.statusCode).toBe(401);

    const doomed = await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' });
    expect((await post(validPayload(), doomed.token)).statusCode).toBe(201);
    expect(await store.revokeToken(doomed.id, new Date().toISOString())).toBe(true);
    const revoked = await post(validPayload(), doomed.token);
    expect(revoked.statusCode).toBe(401);
    expectApiError(revoked.json(), 'bad-token');
    expect((await get(RETURNS, doomed.token)).statusCode).toBe(401);
  });

  it('forbids submitting for another unit (403), reviewers submitting (403), and reusing a submission id across units (409)', async () => {
    const count = await store.countVersions();
    const cross = await post(validPayload(), otherReporter.token);
    expect(cross.statusCode).toBe(403);
    expectApiError(cross.json(), 'wrong-unit');

    const byReviewer = await post(validPayload(), reviewer.token);
    expect(byReviewer.statusCode).toBe(403);
    expectApiError(byReviewer.json(), 'not-reporter');
    expect(await store.countVersions()).toBe(count);

    const mine = validPayload();
    expect((await post(mine)).statusCode).toBe(201);
    const theirs = validPayload({ unitId: OTHER_UNIT, submissionId: mine.submissionId });
    const taken = await post(theirs, otherReporter.token);
    expect(taken.statusCode).toBe(409);
    expectApiError(taken.json(), 'submission-id-taken');
  });

  it('lists returns: a reporter its own unit only, a reviewer every unit', async () => {
    expect((await post(validPayload({ unitId: OTHER_UNIT, quarter: 1 }), otherReporter.token)).statusCode).toBe(201);

    const own = await get(`${RETURNS}?year=${DEFAULT_YEAR}`);
    expect(own.statusCode).toBe(200);
    const ownList = ReturnList.parse(own.json());
    expect(ownList.returns.length).toBeGreaterThan(0);
    expect(new Set(ownList.returns.map((r) => r.unitId))).toEqual(new Set([DEFAULT_UNIT]));
    const q3 = ownList.returns.find((r) => r.quarter === 3)!;
    expect(q3).toMatchObject({ latestVersion: 2, receiptNumber: `CT-${DEFAULT_YEAR}-Q3-${DEFAULT_UNIT}-v2` });

    const sameUnit = await get(`${RETURNS}?unit=${DEFAULT_UNIT}&quarter=3`);
    expect(ReturnList.parse(sameUnit.json()).returns.map((r) => r.returnId)).toEqual([`${DEFAULT_UNIT}.${DEFAULT_YEAR}.q3`]);

    const other = await get(`${RETURNS}?unit=${OTHER_UNIT}`);
    expect(other.statusCode).toBe(403);
    expectApiError(other.json(), 'other-unit');
    const otherVersions = await get(`${RETURNS}/${OTHER_UNIT}.${DEFAULT_YEAR}.q1/versions`);
    expect(otherVersions.statusCode).toBe(403);

    const all = ReturnList.parse((await get(`${RETURNS}?year=${DEFAULT_YEAR}`, reviewer.token)).json());
    expect(new Set(all.returns.map((r) => r.unitId))).toEqual(new Set([DEFAULT_UNIT, OTHER_UNIT]));
    const filtered = ReturnList.parse((await get(`${RETURNS}?unit=${OTHER_UNIT}`, reviewer.token)).json());
    expect(filtered.returns.map((r) => r.unitId)).toEqual([OTHER_UNIT]);
    const reviewerVersions = await get(`${RETURNS}/${OTHER_UNIT}.${DEFAULT_YEAR}.q1/versions`, reviewer.token);
    expect(reviewerVersions.statusCode).toBe(200);

    const none = await get(`${RETURNS}/${DEFAULT_UNIT}.1999.q1/versions`);
    expect(none.statusCode).toBe(404);
    expectApiError(none.json(), 'no-such-return');

    const badQuery = await get(`${RETURNS}?quarter=7`);
    expect(badQuery.statusCode).toBe(400);
    expectApiError(badQuery.json(), 'invalid-query');
    expect((await get(`${RETURNS}?bogus=1`)).statusCode).toBe(400);
  });

  it('limits requests per token: 429 as an ApiError, other tokens unaffected', async () => {
    const limited = await makeApp({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await get(RETURNS, reporter.token, limited)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await get(RETURNS, reporter.token, limited);
      expectApiError(res.json(), 'rate-limited');
      expect((await get(RETURNS, reviewer.token, limited)).statusCode).toBe(200);
      expect((await limited.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers CORS only for the configured origins, Authorization allowed', async () => {
    const preflight = (origin: string) =>
      app.inject({ method: 'OPTIONS', url: RETURNS, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const allowed = await preflight('https://localhost:3000');
    expect(allowed.statusCode).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect(String(allowed.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const custom = await makeApp({ corsOrigins: ['https://chitieu.example.gov.vn'] });
    try {
      const res = await custom.inject({ method: 'GET', url: RETURNS, headers: { origin: 'https://chitieu.example.gov.vn', authorization: `Bearer ${reporter.token}` } });
      expect(res.headers['access-control-allow-origin']).toBe('https://chitieu.example.gov.vn');
      const dev = await custom.inject({ method: 'GET', url: RETURNS, headers: { origin: 'https://localhost:3000', authorization: `Bearer ${reporter.token}` } });
      expect(dev.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await custom.close();
    }
  });

  it('answers /healthz without a token, and 503 when the database is gone', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: kind });

    const broken = openStore(db);
    await broken.migrate();
    const brokenApp = await makeApp({ logger: false }, broken);
    try {
      await broken.close();
      const down = await brokenApp.inject({ method: 'GET', url: '/healthz' });
      expect(down.statusCode).toBe(503);
      expectApiError(down.json(), 'store-unavailable');
      // Any other route: 503 too, an ApiError without a stack (issue 11, item 10: it was 500).
      const failed = await brokenApp.inject({ method: 'GET', url: RETURNS, headers: { authorization: `Bearer ${reporter.token}` } });
      expect(failed.statusCode).toBe(503);
      expectApiError(failed.json(), 'store-unavailable');
    } finally {
      await brokenApp.close();
    }
  });

  it('serves an OpenAPI 3 document generated from the schemas', async () => {
    const res = await app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([RETURNS, `${RETURNS}/{id}/versions`, '/healthz']));
    for (const name of ['SubmissionPayload', 'Receipt', 'ApiError', 'ReturnList', 'VersionList']) expect(doc.components.schemas[name]).toBeDefined();
    expect(doc.components.schemas.SubmissionPayload.properties.figures.type).toBe('array');
    expect(doc.components.schemas.SubmissionPayload.required).toEqual(expect.arrayContaining(['submissionId', 'unitId']));
    // The id's pattern says what the schema accepts: either case (JSON Schema patterns have no flags).
    const pattern = new RegExp(doc.components.schemas.SubmissionPayload.properties.submissionId.pattern);
    const id = SubmissionPayload.shape.submissionId;
    const u = randomUUID();
    for (const candidate of [u, u.toUpperCase(), u.replace(/[a-f]/, (c) => c.toUpperCase()), u.replace(/-4/, '-1'), `${u}x`]) {
      expect([candidate, pattern.test(candidate)]).toEqual([candidate, id.safeParse(candidate).success]);
    }
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/(\w+)"/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[/schemas\/(\w+)/.exec(ref)![1]!]).toBeDefined();
  });

  it('answers an unknown route with a 404 ApiError', async () => {
    const res = await get(`${API_PREFIX}/nothing`);
    expect(res.statusCode).toBe(404);
    expectApiError(res.json(), 'not-found');
  });

  it('logs the token id, never the token, its hash or the focal point', async () => {
    const payload = validPayload();
    expect((await post(payload)).statusCode).toBe(201);
    await post(payloadWithErrors());
    await post('{"broken": ');
    await post(validPayload(), 'ct_unknown_token_value');
    expect(logs).toContain(reporter.id);
    for (const secret of [reporter.token, hashToken(reporter.token), otherReporter.token, FOCAL_EMAIL, 'Nguyễn Văn A', 'ct_unknown_token_value', payload.submissionId]) {
      expect(logs).not.toContain(secret);
    }
    for (const line of logs.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('stores every submission once when the same ids arrive concurrently', async () => {
    const payloads = Array.from({ length: 10 }, () => validPayload({ quarter: 4 }));
    const count = await store.countVersions();
    const answers = await Promise.all([...payloads, ...payloads, ...payloads].map((p) => post(p)));
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(10);
    expect(await store.countVersions()).toBe(count + 10);
    const versions = VersionList.parse((await get(`${RETURNS}/${DEFAULT_UNIT}.${DEFAULT_YEAR}.q4/versions`)).json()).versions;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    for (const p of payloads) {
      const receipts = answers.filter((a) => a.json().submissionId === p.submissionId).map((a) => ({ ...a.json(), created: null }));
      expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    }
  });
});
