/**
 * The review part of the ReturnStore contract (reviews table, migration 2), on both backends:
 * SQLite on a temp file and PostgreSQL on a fresh database. Append-only, ordered, refused for a
 * version that does not exist, and the triggers refuse UPDATE and DELETE.
 */
import { returnIdOf } from '../../../../src/domain/payload/api';
import { openStore } from '../../../../src/server/store/openStore';
import type { NewReview, NewVersion, ReturnStore } from '../../../../src/server/store/port';
import { postgresBackend, sqliteBackend } from '../../../support/storeBackends';

const sqlite = sqliteBackend;
const postgres = postgresBackend('reviews_contract');

const UNIT = 'bo-tai-chinh';
const RETURN_ID = returnIdOf(UNIT, 2025, 3);

function newVersion(submissionId: string): NewVersion {
  return {
    submissionId,
    unitId: UNIT,
    year: 2025,
    quarter: 3,
    payloadJson: '{}',
    flagsJson: '[]',
    warnings: 0,
    infos: 0,
    tokenId: 'tok_rep',
    receivedAt: '2025-10-05T08:00:00.000Z',
  };
}

function review(overrides: Partial<NewReview> = {}): NewReview {
  return {
    returnId: RETURN_ID,
    version: 1,
    flagKey: 'target.behindPath:CT_2_8_Q2',
    action: 'query',
    comment: 'Vì sao số quý 2 thấp hơn quý 1?',
    tokenId: 'tok_rev',
    reviewerLabel: 'Anh Minh, Vụ KTS',
    createdAt: '2025-10-06T09:00:00.000Z',
    ...overrides,
  };
}

describe.each([sqlite, postgres])('reviews in the $name store', (backend) => {
  let db: string;
  let store: ReturnStore;

  beforeEach(async () => {
    db = await backend.create();
    store = openStore(db, {});
    await store.migrate();
    await store.insertVersion(newVersion('s-1'));
  });

  afterEach(async () => {
    await store.close();
    await backend.remove(db);
  });

  it('stores an entry as given, with an increasing id, and reads them back in order', async () => {
    const first = await store.insertReview(review());
    expect(first).toEqual({ ...review(), id: expect.any(Number) });
    await store.insertVersion(newVersion('s-2'));
    const second = await store.insertReview(review({ version: 2, action: 'accept', comment: null, createdAt: '2025-10-07T09:00:00.000Z' }));
    const third = await store.insertReview(review({ version: 2, flagKey: null, action: 'acceptReturn', comment: null, reviewerLabel: null }));
    expect(second!.id).toBeGreaterThan(first!.id);
    expect(third!.id).toBeGreaterThan(second!.id);
    const all = await store.reviewsOf(RETURN_ID);
    expect(all).toEqual([first, second, third]);
    expect(all[2]).toMatchObject({ flagKey: null, action: 'acceptReturn', comment: null, reviewerLabel: null });
    expect(typeof all[0]!.id).toBe('number');
    expect(typeof all[0]!.version).toBe('number');
  });

  it('refuses (null, nothing written) a version or a return that does not exist', async () => {
    expect(await store.insertReview(review({ version: 2 }))).toBeNull();
    expect(await store.insertReview(review({ returnId: returnIdOf('bo-y-te', 2025, 3) }))).toBeNull();
    expect(await store.reviewsOf(RETURN_ID)).toEqual([]);
    expect(await store.reviewsOf(returnIdOf('bo-y-te', 2025, 3))).toEqual([]);
  });

  it('keeps each return’s entries apart', async () => {
    await store.insertVersion({ ...newVersion('s-other'), unitId: 'bo-y-te' });
    const other = returnIdOf('bo-y-te', 2025, 3);
    await store.insertReview(review());
    await store.insertReview(review({ returnId: other, action: 'sendBack', flagKey: null }));
    expect((await store.reviewsOf(RETURN_ID)).map((r) => r.action)).toEqual(['query']);
    expect((await store.reviewsOf(other)).map((r) => r.action)).toEqual(['sendBack']);
  });

  it('is append-only: the database refuses UPDATE and DELETE, and an unknown action', async () => {
    await store.insertReview(review());
    await expect(backend.rawExec(db, "UPDATE reviews SET comment = 'khác'")).rejects.toHaveProperty('message', expect.stringMatching(/append-only/));
    await expect(backend.rawExec(db, 'DELETE FROM reviews')).rejects.toHaveProperty('message', expect.stringMatching(/append-only/));
    await expect(store.insertReview(review({ action: 'delete' as never }))).rejects.toHaveProperty('message', expect.stringMatching(/check/i));
    expect(await store.reviewsOf(RETURN_ID)).toHaveLength(1);
  });

  it('survives reopening (migrations run again without harm)', async () => {
    const stored = await store.insertReview(review());
    await store.close();
    store = openStore(db, {});
    await store.migrate();
    expect(await store.reviewsOf(RETURN_ID)).toEqual([stored]);
  });
});
