/**
 * Issue 11, item 1, through a listening server on SQLite and PostgreSQL: a reporter token cannot
 * grow the store without end (versions per return per day: 429 with Retry-After; bytes per unit:
 * 507), and every list comes in pages (versions cut by count and bytes, each version's changes
 * against the one before it even across pages; reviews; returns), which the add-in's review
 * client and `chitieu merge --from-endpoint`'s reader follow to the end.
 */
import { API_PREFIX, ApiError, ReturnList, ReviewList, VersionList, VERSION_PAGE_BYTES } from '../../../src/domain/payload/api';
import { diffPayloads } from '../../../src/domain/payload/diff';
import type { SubmissionPayload } from '../../../src/domain/payload/schema';
import { getReviews, getVersions, listReturns } from '../../../src/review/client';
import { buildApp, DEFAULT_QUOTAS, type AppOptions } from '../../../src/server/app';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { readEndpointInputs } from '../../../src/summary/fromEndpoint';
import { largestPayload } from '../../support/largestPayload';
import { DEFAULT_UNIT, DEFAULT_YEAR, payloadWithErrors, validPayload } from '../../support/payloads';
import { dropDatabase, freshDatabaseUrl } from '../../support/postgres';
import { tempDbFile } from '../../support/serverProcess';
import { listening, type HttpAnswer, type HttpRequest } from './http';

jest.setTimeout(120_000);

const RETURNS = `${API_PREFIX}/returns`;
const NO_QUOTAS = { versionsPerReturnPerDay: 0, bytesPerUnit: 0 };

describe.each(['sqlite', 'postgres'] as const)('quotas and pages on %s', (kind) => {
  let db: string;
  let store: ReturnStore;
  const apps: { close(): Promise<void> }[] = [];
  let reporter: string;
  let reviewer: string;

  async function serve(options: Partial<AppOptions> = {}): Promise<{ send: (r: HttpRequest) => Promise<HttpAnswer>; url: string }> {
    const app = await buildApp({ store, logger: false, checkThreads: 0, rateLimit: { max: 0, timeWindowMs: 60_000 }, ...options });
    const send = await listening(app);
    apps.push(app);
    const address = app.server.address() as { port: number };
    return { send, url: `http://127.0.0.1:${address.port}` };
  }
  const post = (send: (r: HttpRequest) => Promise<HttpAnswer>, body: unknown, token = reporter, url = RETURNS) =>
    send({ method: 'POST', url, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify(body) });
  const get = (send: (r: HttpRequest) => Promise<HttpAnswer>, url: string, token = reviewer) => send({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    db = kind === 'sqlite' ? tempDbFile() : await freshDatabaseUrl('quotas_pages');
    store = openStore(db);
    await store.migrate();
    reporter = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
    reviewer = (await issueToken(store, { unitId: '*', role: 'reviewer' })).token;
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await store?.close();
    if (kind === 'postgres' && db) await dropDatabase(db);
  });

  it('refuses the version past the day’s quota with 429 and Retry-After, then still answers a stored id', async () => {
    const { send } = await serve();
    const quarter = 1;
    let first: SubmissionPayload | undefined;
    for (let i = 0; i < DEFAULT_QUOTAS.versionsPerReturnPerDay; i++) {
      const payload = validPayload({ quarter }, { percent: 40 + (i % 2) });
      first ??= payload;
      expect((await post(send, payload)).statusCode).toBe(201);
    }
    const refused = await post(send, validPayload({ quarter }, { percent: 60 }));
    expect(refused.statusCode).toBe(429);
    const error = ApiError.parse(refused.json());
    expect(error.error).toBe('version-quota');
    expect(error.message.vi).toContain('24 giờ');
    expect(error.message.en).toContain(`${DEFAULT_QUOTAS.versionsPerReturnPerDay} versions`);
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(23 * 3600);
    expect(wait).toBeLessThanOrEqual(24 * 3600);
    // Refused before any work: a return with errors gets the same 429, not its 422.
    expect((await post(send, payloadWithErrors({ quarter }))).statusCode).toBe(429);
    // Retrying a stored submission is never refused; another return of the unit has its own quota.
    expect((await post(send, first)).statusCode).toBe(200);
    expect((await post(send, validPayload({ quarter: 2 }))).statusCode).toBe(201);
  });

  it('refuses a version past the unit’s storage with 507', async () => {
    const used = (await store.unitUsage(DEFAULT_UNIT)).bytes;
    const size = Buffer.byteLength(JSON.stringify(validPayload({ quarter: 3 })));
    const { send } = await serve({ quotas: { versionsPerReturnPerDay: 0, bytesPerUnit: used + size + size / 2 } });
    expect((await post(send, validPayload({ quarter: 3 }))).statusCode).toBe(201);
    const full = await post(send, validPayload({ quarter: 3 }, { percent: 60 }));
    expect(full.statusCode).toBe(507);
    expect(ApiError.parse(full.json()).error).toBe('storage-quota');
  });

  it('answers versions in pages: 20 by default, the cursor for the next, changes across the page boundary', async () => {
    const { send } = await serve({ quotas: NO_QUOTAS });
    const quarter = 4;
    const sent: SubmissionPayload[] = [];
    for (let i = 0; i < 23; i++) {
      const payload = validPayload({ quarter }, { percent: 30 + i });
      sent.push(payload);
      expect((await post(send, payload)).statusCode).toBe(201);
    }
    const id = `${DEFAULT_UNIT}.${DEFAULT_YEAR}.q${quarter}`;
    const page1 = VersionList.parse((await get(send, `${RETURNS}/${id}/versions`)).json());
    expect(page1.versions.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(page1.nextCursor).toBe('20');
    const page2 = VersionList.parse((await get(send, `${RETURNS}/${id}/versions?cursor=20`)).json());
    expect(page2.versions.map((v) => v.version)).toEqual([21, 22, 23]);
    expect(page2.nextCursor).toBeNull();
    // Version 21's changes are against version 20, on the page before.
    const changes = page2.versions[0]!.changes;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes).toEqual(diffPayloads(sent[19]!, sent[20]!));

    const small = VersionList.parse((await get(send, `${RETURNS}/${id}/versions?limit=5&cursor=5`)).json());
    expect([small.versions.map((v) => v.version), small.nextCursor]).toEqual([[6, 7, 8, 9, 10], '10']);
    const past = VersionList.parse((await get(send, `${RETURNS}/${id}/versions?cursor=23`)).json());
    expect([past.versions, past.nextCursor]).toEqual([[], null]);
    for (const bad of ['cursor=x', 'limit=0', `limit=101`, 'other=1']) {
      const res = await get(send, `${RETURNS}/${id}/versions?${bad}`);
      expect([bad, res.statusCode, ApiError.parse(res.json()).error]).toEqual([bad, 400, 'invalid-query']);
    }
    expect((await get(send, `${RETURNS}/${DEFAULT_UNIT}.1999.q1/versions?cursor=3`)).statusCode).toBe(404);

    // The clients follow every page.
    const config = { url: (await serve({ quotas: NO_QUOTAS })).url, token: reviewer };
    const all = await getVersions(config, id);
    expect(all.ok && all.data.versions.map((v) => v.version)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const aggregator = { ...config, token: (await issueToken(store, { unitId: '*', role: 'aggregator' })).token };
    const read = await readEndpointInputs(aggregator, DEFAULT_YEAR, 4);
    const versionsRead = read.inputs.filter((i) => i.payload.quarter === quarter).map((i) => (i.source.kind === 'endpoint' ? i.source.version : 0));
    expect([...versionsRead].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it('cuts a page of versions at its byte budget, however few versions that is', async () => {
    const unit = 'tinh-an-giang';
    const token = (await issueToken(store, { unitId: unit, role: 'reporter' })).token;
    const { send } = await serve({ quotas: NO_QUOTAS });
    const big = largestPayload(unit);
    for (let i = 0; i < 5; i++) {
      const res = await post(send, { ...big, submissionId: validPayload().submissionId, sections: { ...big.sections, trend: big.sections.trend.slice(i) } }, token);
      expect(res.statusCode).toBe(201);
    }
    const page = VersionList.parse((await get(send, `${RETURNS}/${unit}.2025.q4/versions`)).json());
    // What each version loads: its payload and the server's flags, as stored.
    const stored = await store.versionsOf(`${unit}.2025.q4`);
    let fit = 0;
    for (let bytes = 0; fit < stored.length; fit++) {
      bytes += Buffer.byteLength(stored[fit]!.payloadJson) + Buffer.byteLength(stored[fit]!.flagsJson);
      if (bytes > VERSION_PAGE_BYTES) break;
    }
    expect(fit).toBeGreaterThan(0);
    expect(fit).toBeLessThan(5);
    expect(page.versions).toHaveLength(fit);
    expect(page.nextCursor).toBe(String(fit));
  });

  it('answers reviews and returns in pages', async () => {
    const { send, url } = await serve({ quotas: NO_QUOTAS });
    const id = `${DEFAULT_UNIT}.${DEFAULT_YEAR}.q4`;
    for (let i = 0; i < 5; i++) expect((await post(send, { version: 1, action: 'sendBack', comment: `Lần ${i}` }, reviewer, `${RETURNS}/${id}/reviews`)).statusCode).toBe(201);
    const first = ReviewList.parse((await get(send, `${RETURNS}/${id}/reviews?limit=2`)).json());
    expect(first.reviews.map((r) => r.comment)).toEqual(['Lần 0', 'Lần 1']);
    expect(first.state.status).toBe('resubmitted');
    const rest = ReviewList.parse((await get(send, `${RETURNS}/${id}/reviews?limit=10&cursor=${first.nextCursor}`)).json());
    expect([rest.reviews.map((r) => r.comment), rest.nextCursor]).toEqual([['Lần 2', 'Lần 3', 'Lần 4'], null]);

    const whole = ReturnList.parse((await get(send, `${RETURNS}?year=${DEFAULT_YEAR}`)).json()).returns.map((r) => r.returnId);
    expect(whole.length).toBeGreaterThanOrEqual(4);
    const paged: string[] = [];
    let cursor: string | null | undefined = null;
    do {
      const page = ReturnList.parse((await get(send, `${RETURNS}?year=${DEFAULT_YEAR}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json());
      expect(page.returns.length).toBeLessThanOrEqual(1);
      paged.push(...page.returns.map((r) => r.returnId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    expect((await get(send, `${RETURNS}?cursor=not-a-return`)).statusCode).toBe(400);

    const config = { url, token: reviewer };
    const listed = await listReturns(config, { year: DEFAULT_YEAR });
    expect(listed.ok && listed.data.returns.map((r) => r.returnId)).toEqual(whole);
    const reviews = await getReviews(config, id);
    expect(reviews.ok && reviews.data.reviews).toHaveLength(5);
  });
});
