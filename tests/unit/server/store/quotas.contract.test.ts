/**
 * Quotas and pages in the ReturnStore contract (issue 11, item 1), on SQLite and PostgreSQL: the
 * versions of one return in 24 hours and the bytes one unit holds are counted inside the insert's
 * transaction (so concurrent submissions, from two stores, cannot pass a quota together); lists
 * read in pages, and a page of versions is sized before any payload is read.
 */
import { returnIdOf } from '../../../../src/domain/payload/api';
import { openStore } from '../../../../src/server/store/openStore';
import { QuotaExceededError, type NewVersion, type Quotas, type ReturnStore } from '../../../../src/server/store/port';
import { postgresBackend, sqliteBackend } from '../../../support/storeBackends';

const UNIT = 'bo-tai-chinh';
const RETURN_ID = returnIdOf(UNIT, 2025, 3);
const T0 = Date.parse('2025-10-05T08:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const HOUR = 3_600_000;

function newVersion(submissionId: string, overrides: Partial<NewVersion> = {}): NewVersion {
  return {
    submissionId,
    unitId: UNIT,
    year: 2025,
    quarter: 3,
    payloadJson: '{"x":"số liệu"}',
    flagsJson: '[]',
    warnings: 0,
    infos: 0,
    tokenId: 'tok_rep',
    receivedAt: at(0),
    ...overrides,
  };
}

/** The refusal an insert threw (its kind and wait), or 'stored'. */
async function attempt(store: ReturnStore, version: NewVersion, quotas: Quotas): Promise<string> {
  try {
    await store.insertVersion(version, quotas);
    return 'stored';
  } catch (error) {
    if (!(error instanceof QuotaExceededError)) throw error;
    return `${error.quota} ${error.retryAfterSeconds}`;
  }
}

describe.each([sqliteBackend, postgresBackend('quotas_contract')])('quotas and pages in the $name store', (backend) => {
  let db: string;
  const opened: ReturnStore[] = [];
  const open = () => {
    const store = openStore(db, {});
    opened.push(store);
    return store;
  };
  let store: ReturnStore;

  beforeEach(async () => {
    db = await backend.create();
    store = open();
    await store.migrate();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await backend.remove(db);
  });

  it('refuses a return’s versions past the day’s quota until the oldest of the window is 24 hours old', async () => {
    const quotas = { versionsPerReturnPerDay: 3, bytesPerUnit: 0 };
    for (const [i, hours] of [0, 1, 2].entries()) expect(await attempt(store, newVersion(`v${i}`, { receivedAt: at(hours * HOUR) }), quotas)).toBe('stored');
    expect(await attempt(store, newVersion('v3', { receivedAt: at(3 * HOUR) }), quotas)).toBe(`versions-per-day ${21 * 3600}`);
    // Another return of the unit has its own window; a stored submission id is still answered.
    expect(await attempt(store, newVersion('q2', { quarter: 2, receivedAt: at(3 * HOUR) }), quotas)).toBe('stored');
    expect((await store.insertVersion(newVersion('v1', { receivedAt: at(3 * HOUR) }), quotas)).created).toBe(false);
    // Version 1 left the window: one more; version 2 is still in it.
    expect(await attempt(store, newVersion('v4', { receivedAt: at(24 * HOUR + 1000) }), quotas)).toBe('stored');
    expect(await attempt(store, newVersion('v5', { receivedAt: at(24 * HOUR + 2000) }), quotas)).toBe(`versions-per-day ${3600 - 2}`);
    expect((await store.versionsOf(RETURN_ID)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
    // The window's start as the route reads it before checking a submission: the 3rd latest.
    expect(await store.windowStartOf(RETURN_ID, 3)).toBe(at(HOUR));
    expect(await store.windowStartOf(RETURN_ID, 5)).toBeNull();
  });

  it('refuses a unit’s version past its bytes, counting UTF-8 bytes of every return of the unit', async () => {
    const size = Buffer.byteLength(newVersion('a').payloadJson);
    const quotas = { versionsPerReturnPerDay: 0, bytesPerUnit: 2 * size + 1 };
    expect(await attempt(store, newVersion('a'), quotas)).toBe('stored');
    expect(await attempt(store, newVersion('b', { quarter: 2 }), quotas)).toBe('stored');
    expect(await attempt(store, newVersion('c', { quarter: 1 }), quotas)).toBe('unit-bytes null');
    expect(await store.unitUsage(UNIT)).toEqual({ bytes: 2 * size, versions: 2 });
    expect(await attempt(store, newVersion('d', { unitId: 'bo-y-te' }), quotas)).toBe('stored');
    expect(await attempt(store, newVersion('big', { unitId: 'bo-noi-vu', payloadJson: `"${'x'.repeat(3 * size)}"` }), quotas)).toBe('unit-bytes null');
    expect(await store.unitUsage('bo-noi-vu')).toEqual({ bytes: 0, versions: 0 });
    // Without quotas every version is counted all the same.
    await store.insertVersion(newVersion('e', { quarter: 4 }));
    expect((await store.unitUsage(UNIT)).versions).toBe(3);
  });

  it('holds both quotas against concurrent submissions from two stores', async () => {
    const other = open();
    const size = Buffer.byteLength(newVersion('a').payloadJson);
    const perDay = { versionsPerReturnPerDay: 5, bytesPerUnit: 0 };
    const sameReturn = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? other : store, newVersion(`r-${i}`), perDay)));
    expect(sameReturn.filter((o) => o === 'stored')).toHaveLength(5);
    const perUnit = { versionsPerReturnPerDay: 0, bytesPerUnit: 9 * size };
    const unitWide = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? other : store, newVersion(`u-${i}`, { quarter: (i % 2) + 1 }), perUnit)),
    );
    // 5 versions were already stored: 4 more fit.
    expect(unitWide.filter((o) => o === 'stored')).toHaveLength(4);
    expect(await store.unitUsage(UNIT)).toEqual({ bytes: 9 * size, versions: 9 });
  });

  it('counts the versions stored before the quotas existed (migration 3)', async () => {
    await store.insertVersion(newVersion('old-1'));
    await store.insertVersion(newVersion('old-2', { unitId: 'bo-y-te', payloadJson: '"ệ"' }));
    await backend.rawExec(db, 'DROP TABLE unit_usage');
    await backend.rawExec(db, 'DELETE FROM schema_migrations WHERE id = 3');
    await store.migrate();
    expect(await store.unitUsage(UNIT)).toEqual({ bytes: Buffer.byteLength(newVersion('a').payloadJson), versions: 1 });
    expect(await store.unitUsage('bo-y-te')).toEqual({ bytes: 5, versions: 1 });
  });

  it('reads versions by page: sizes first, then only the versions asked for', async () => {
    const payloads = ['{"a":1}', '{"b":"ệệ"}', '{"c":3}', '{"d":4}'];
    for (const [i, payloadJson] of payloads.entries()) await store.insertVersion(newVersion(`p${i}`, { payloadJson, flagsJson: '[1]' }));
    expect(await store.versionSizes(RETURN_ID, 0, 3)).toEqual(payloads.slice(0, 3).map((p, i) => ({ version: i + 1, bytes: Buffer.byteLength(p) + 3 })));
    expect(await store.versionSizes(RETURN_ID, 3, 10)).toEqual([{ version: 4, bytes: 10 }]);
    expect(await store.versionSizes('nobody.2025.q1', 0, 10)).toEqual([]);
    expect((await store.versionsBetween(RETURN_ID, 2, 3)).map((v) => v.payloadJson)).toEqual(payloads.slice(1, 3));
    expect((await store.versionOf(RETURN_ID, 2))?.submissionId).toBe('p1');
    expect(await store.versionOf(RETURN_ID, 9)).toBeNull();
    expect(await store.latestVersionNumber(RETURN_ID)).toBe(4);
    expect(await store.latestVersionNumber('nobody.2025.q1')).toBeNull();
  });

  it('lists the latest versions by page after a return, without payloads', async () => {
    const units = ['bo-y-te', 'bo-tai-chinh', 'ubnd-lao-cai'];
    for (const [i, unitId] of units.entries()) for (const quarter of [1, 2]) await store.insertVersion(newVersion(`l-${i}-${quarter}`, { unitId, quarter }));
    const ids = async (page: Parameters<ReturnStore['latestVersions']>[1]) => (await store.latestVersions({}, page)).map((v) => v.returnId);
    const all = await ids({});
    expect(all).toEqual(['bo-tai-chinh.2025.q1', 'bo-y-te.2025.q1', 'ubnd-lao-cai.2025.q1', 'bo-tai-chinh.2025.q2', 'bo-y-te.2025.q2', 'ubnd-lao-cai.2025.q2']);
    expect(await ids({ limit: 2 })).toEqual(all.slice(0, 2));
    expect(await ids({ after: { year: 2025, quarter: 1, unitId: 'bo-y-te' }, limit: 3 })).toEqual(all.slice(2, 5));
    expect(await ids({ after: { year: 2025, quarter: 2, unitId: 'ubnd-lao-cai' } })).toEqual([]);
    const [first] = await store.latestVersions({}, { limit: 1 });
    expect(first).not.toHaveProperty('payloadJson');
    expect(first).not.toHaveProperty('flagsJson');
  });

  it('reads review entries by page', async () => {
    await store.insertVersion(newVersion('r'));
    const entry = { returnId: RETURN_ID, version: 1, flagKey: null, comment: null, tokenId: 'tok_rev', reviewerLabel: null, createdAt: at(0) };
    const stored = [];
    for (let i = 0; i < 5; i++) stored.push(await store.insertReview({ ...entry, action: i % 2 ? 'sendBack' : 'acceptReturn', comment: `c${i}` }));
    const ids = stored.map((r) => r!.id);
    expect((await store.reviewsPage(RETURN_ID, 0, 2)).map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect((await store.reviewsPage(RETURN_ID, ids[1]!, 10)).map((r) => r.id)).toEqual(ids.slice(2));
    expect(await store.reviewsPage(RETURN_ID, ids[4]!, 10)).toEqual([]);
  });
});
