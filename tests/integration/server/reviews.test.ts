/**
 * Review routes through a listening server (buildApp on 127.0.0.1), on SQLite and PostgreSQL:
 * who may post and read, what a review needs, and the review state.
 */
import { API_PREFIX, ApiError, ReviewEntry, ReviewList, ReviewState, VersionList } from '../../../src/domain/payload/api';
import { buildApp } from '../../../src/server/app';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT, DEFAULT_YEAR, validPayload } from '../../support/payloads';
import { dropDatabase, freshDatabaseUrl } from '../../support/postgres';
import { tempDbFile } from '../../support/serverProcess';
import { listening, type HttpAnswer, type HttpRequest } from './http';

type Kind = 'sqlite' | 'postgres';
const RETURNS = `${API_PREFIX}/returns`;
const OTHER_UNIT = 'bo-tai-chinh';

describe.each<Kind>(['sqlite', 'postgres'])('review routes on %s', (kind) => {
  let db: string;
  let store: ReturnStore;
  let close: () => Promise<void>;
  let send: (r: HttpRequest) => Promise<HttpAnswer>;
  let reporter: string;
  let otherReporter: string;
  let reviewer: string;
  let reviewerId: string;
  let aggregator: string;

  const post = (url: string, body: unknown, token: string) =>
    send({ method: 'POST', url, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify(body) });
  const get = (url: string, token: string) => send({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const code = (res: HttpAnswer) => ApiError.parse(res.json()).error;

  /** A new return of DEFAULT_UNIT in its own period: its id. */
  // Periods whose return has at least two flags in the server's check (2024's has one).
  const periods = [2025, 2023].flatMap((year) => [1, 2, 3, 4].map((quarter) => ({ year, quarter })));
  /** The flag keys of the last submitted return's version 1 (the server's check). */
  let FLAG = '';
  let OTHER = '';
  async function submitted(percent = 50): Promise<string> {
    const period = periods.shift()!;
    const res = await post(RETURNS, validPayload(period, { percent }), reporter);
    expect(res.statusCode).toBe(201);
    const id = res.json().returnId as string;
    const keys = (JSON.parse((await store.versionsOf(id))[0]!.flagsJson) as { key: string }[]).map((f) => f.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    [FLAG, OTHER] = keys as [string, string];
    return id;
  }

  beforeAll(async () => {
    db = kind === 'sqlite' ? tempDbFile() : await freshDatabaseUrl('reviews_api');
    store = openStore(db);
    await store.migrate();
    reporter = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter', label: 'Chị Hoa' })).token;
    otherReporter = (await issueToken(store, { unitId: OTHER_UNIT, role: 'reporter' })).token;
    const rev = await issueToken(store, { unitId: '*', role: 'reviewer', label: 'Anh Minh, Vụ KTS' });
    reviewer = rev.token;
    reviewerId = rev.id;
    aggregator = (await issueToken(store, { unitId: '*', role: 'aggregator' })).token;
    const app = await buildApp({ store, logger: false, checkThreads: 0 });
    send = await listening(app);
    close = () => app.close();
  });

  afterAll(async () => {
    await close?.();
    await store?.close();
    if (kind === 'postgres' && db) await dropDatabase(db);
  });

  it('a reviewer queries a flag: 201 with who and when; everyone allowed reads it', async () => {
    const id = await submitted();
    const res = await post(`${RETURNS}/${id}/reviews`, { version: 1, flagKey: FLAG, action: 'query', comment: '  Vì sao cao hơn hẳn?  ' }, reviewer);
    expect(res.statusCode).toBe(201);
    const entry = ReviewEntry.parse(res.json());
    expect(entry).toMatchObject({ returnId: id, version: 1, flagKey: FLAG, action: 'query', comment: 'Vì sao cao hơn hẳn?', reviewer: { tokenId: reviewerId, label: 'Anh Minh, Vụ KTS' } });
    expect(Math.abs(Date.parse(entry.createdAt) - Date.now())).toBeLessThan(60_000);

    for (const token of [reviewer, aggregator, reporter]) {
      const list = ReviewList.parse((await get(`${RETURNS}/${id}/reviews`, token)).json());
      expect(list.reviews).toEqual([entry]);
      expect(list.state).toMatchObject({ status: 'queried', latestVersion: 1, openQueries: [entry], changesSinceQueried: null });
      const state = ReviewState.parse((await get(`${RETURNS}/${id}/review-state`, token)).json());
      expect(state).toEqual(list.state);
    }
  });

  it('only a reviewer posts (reporter and aggregator: 403); a reporter reads only its own unit (403)', async () => {
    const id = await submitted();
    for (const token of [reporter, aggregator]) {
      const res = await post(`${RETURNS}/${id}/reviews`, { version: 1, flagKey: FLAG, action: 'accept' }, token);
      expect(res.statusCode).toBe(403);
      expect(code(res)).toBe('not-reviewer');
    }
    for (const path of ['reviews', 'review-state']) {
      const res = await get(`${RETURNS}/${id}/${path}`, otherReporter);
      expect(res.statusCode).toBe(403);
      expect(code(res)).toBe('other-unit');
    }
    const noToken = await send({ method: 'GET', url: `${RETURNS}/${id}/reviews` });
    expect(noToken.statusCode).toBe(401);
    expect(await store.reviewsOf(id)).toEqual([]);
  });

  it('a query or a send-back without a comment, a flag action without a flag, a bad action: 400', async () => {
    const id = await submitted();
    const cases = [
      { version: 1, flagKey: FLAG, action: 'query' },
      { version: 1, flagKey: FLAG, action: 'query', comment: '   ' },
      { version: 1, action: 'sendBack' },
      { version: 1, action: 'accept' },
      { version: 1, flagKey: FLAG, action: 'acceptReturn' },
      { version: 1, flagKey: FLAG, action: 'delete' },
      { version: 0, action: 'acceptReturn' },
      { version: 1, action: 'acceptReturn', extra: 1 },
    ];
    for (const body of cases) {
      const res = await post(`${RETURNS}/${id}/reviews`, body, reviewer);
      expect([res.statusCode, code(res)]).toEqual([400, 'invalid-review']);
    }
    const res = await post(`${RETURNS}/${id}/reviews`, { version: 1, flagKey: FLAG, action: 'query' }, reviewer);
    expect(ApiError.parse(res.json()).issues?.[0]?.path).toBe('comment');
    expect(await store.reviewsOf(id)).toEqual([]);
  });

  it('a flag the version does not have: 422', async () => {
    const id = await submitted();
    const res = await post(`${RETURNS}/${id}/reviews`, { version: 1, flagKey: 'figure.jump:CT_9_9_Q1', action: 'accept' }, reviewer);
    expect([res.statusCode, code(res)]).toEqual([422, 'no-such-flag']);
    expect(await store.reviewsOf(id)).toEqual([]);
  });

  it('an unknown version or return: 404', async () => {
    const id = await submitted();
    const version = await post(`${RETURNS}/${id}/reviews`, { version: 2, action: 'acceptReturn' }, reviewer);
    expect([version.statusCode, code(version)]).toEqual([404, 'no-such-version']);
    const missing = `${DEFAULT_UNIT}.${DEFAULT_YEAR - 1}.q1`;
    const ret = await post(`${RETURNS}/${missing}/reviews`, { version: 1, action: 'acceptReturn' }, reviewer);
    expect([ret.statusCode, code(ret)]).toEqual([404, 'no-such-return']);
    expect((await get(`${RETURNS}/${missing}/reviews`, reviewer)).statusCode).toBe(404);
    expect((await get(`${RETURNS}/${missing}/review-state`, reporter)).statusCode).toBe(404);
  });

  it('a flag’s state is its latest entry; a resubmission shows what changed; accepting the return closes it', async () => {
    const id = await submitted(50);
    const [, year, q] = id.split('.');
    const period = { year: Number(year), quarter: Number(q!.slice(1)) };
    await post(`${RETURNS}/${id}/reviews`, { version: 1, flagKey: FLAG, action: 'query', comment: 'Kiểm tra lại số liệu.' }, reviewer);
    await post(`${RETURNS}/${id}/reviews`, { version: 1, flagKey: OTHER, action: 'accept' }, reviewer);
    let state = ReviewState.parse((await get(`${RETURNS}/${id}/review-state`, reporter)).json());
    expect(state.openQueries.map((q) => q.flagKey)).toEqual([FLAG]);

    expect((await post(RETURNS, validPayload(period, { percent: 55 }), reporter)).statusCode).toBe(201);
    state = ReviewState.parse((await get(`${RETURNS}/${id}/review-state`, reviewer)).json());
    expect(state.status).toBe('resubmitted');
    expect(state.latestVersion).toBe(2);
    expect(state.changesSinceQueried?.fromVersion).toBe(1);
    expect(state.changesSinceQueried?.toVersion).toBe(2);
    expect(state.changesSinceQueried?.changes.some((c) => c.kind === 'figure')).toBe(true);

    // The query answered on the flag: accepted on version 2.
    await post(`${RETURNS}/${id}/reviews`, { version: 2, flagKey: FLAG, action: 'accept' }, reviewer);
    state = ReviewState.parse((await get(`${RETURNS}/${id}/review-state`, reviewer)).json());
    expect(state).toMatchObject({ status: 'inReview', openQueries: [], changesSinceQueried: null });

    await post(`${RETURNS}/${id}/reviews`, { version: 2, action: 'sendBack', comment: 'Bổ sung nguồn số liệu.' }, reviewer);
    state = ReviewState.parse((await get(`${RETURNS}/${id}/review-state`, reporter)).json());
    expect(state.status).toBe('sentBack');
    expect(state.openQueries).toMatchObject([{ flagKey: null, action: 'sendBack', comment: 'Bổ sung nguồn số liệu.' }]);

    await post(`${RETURNS}/${id}/reviews`, { version: 2, action: 'acceptReturn' }, reviewer);
    state = ReviewState.parse((await get(`${RETURNS}/${id}/review-state`, reporter)).json());
    expect(state).toMatchObject({ status: 'accepted', openQueries: [] });
    const list = ReviewList.parse((await get(`${RETURNS}/${id}/reviews`, aggregator)).json());
    expect(list.reviews.map((r) => r.action)).toEqual(['query', 'accept', 'accept', 'sendBack', 'acceptReturn']);
  });

  it('the versions carry the server’s flags, for the reviewer to go through', async () => {
    const id = await submitted();
    const list = VersionList.parse((await get(`${RETURNS}/${id}/versions`, reviewer)).json());
    const stored = JSON.parse((await store.versionsOf(id))[0]!.flagsJson) as { key: string }[];
    expect(list.versions[0]!.flags?.map((f) => f.key)).toEqual(stored.map((f) => f.key));
  });

  it('the OpenAPI document describes the review routes', async () => {
    const doc = (await send({ method: 'GET', url: `${API_PREFIX}/openapi.json` })).json();
    expect(doc.paths[`${API_PREFIX}/returns/{id}/reviews`].post).toBeDefined();
    expect(doc.paths[`${API_PREFIX}/returns/{id}/review-state`].get).toBeDefined();
    for (const name of ['ReviewRequest', 'ReviewEntry', 'ReviewList', 'ReviewState']) expect(doc.components.schemas[name]).toBeDefined();
  });
});
