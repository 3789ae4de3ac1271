/**
 * The review round trip through a real `chitieu serve` process, with the clients the add-in uses:
 * the reporter submits v1 → the reviewer queries a flag with a comment → the reporter's add-in
 * reads the open query → the reporter submits v2 (corrected) → the review state shows what
 * changed since v1 → the reviewer accepts the flag and the return; the history says who and when.
 */
import { getReviewState, getReviews, getVersions, listReturns, postReview, returnIdOfReceipt } from '../../../src/review/client';
import { submitPayload } from '../../../src/submit/client';
import { DEFAULT_QUARTER, DEFAULT_UNIT, DEFAULT_YEAR, validPayload } from '../../support/payloads';
import { dropDatabase, freshDatabaseUrl } from '../../support/postgres';
import { createToken, createTokenWithId, startServerProcess, tempDbFile, type ServerProcess } from '../../support/serverProcess';

jest.setTimeout(120_000);

const running: ServerProcess[] = [];
const databases: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  for (const db of databases) await dropDatabase(db).catch(() => undefined);
});

describe.each(['sqlite', 'postgres'] as const)('review round trip through chitieu serve on %s', (kind) => {
  it('submit v1 → query → reporter sees it → v2 → changes since v1 → accept', async () => {
    const db = kind === 'sqlite' ? tempDbFile() : await freshDatabaseUrl('review_round_trip');
    if (kind === 'postgres') databases.push(db);
    const server = await startServerProcess({ db, args: ['--rate-limit', '0'] });
    running.push(server);
    const reporter = { url: server.url, token: await createToken(db, DEFAULT_UNIT, 'reporter', 'Chị Hoa') };
    const reviewerToken = await createTokenWithId(db, '*', 'reviewer', 'Anh Minh, Vụ KTS');
    const reviewer = { url: server.url, token: reviewerToken.token };
    const otherReporter = { url: server.url, token: await createToken(db, 'bo-tai-chinh', 'reporter') };

    // 1. The reporter submits version 1.
    const v1 = await submitPayload(reporter, validPayload({}, { percent: 50 }));
    if (v1.status !== 'accepted') throw new Error(`v1 not accepted: ${JSON.stringify(v1)}`);
    const returnId = returnIdOfReceipt(v1.receipt);
    expect(returnId).toBe(`${DEFAULT_UNIT}.${DEFAULT_YEAR}.q${DEFAULT_QUARTER}`);

    // 2. The reviewer lists the period's returns, opens this one, picks a flag and queries it.
    const list = await listReturns(reviewer, { year: DEFAULT_YEAR, quarter: DEFAULT_QUARTER });
    expect(list.ok && list.data.returns.map((r) => r.returnId)).toEqual([returnId]);
    const versions = await getVersions(reviewer, returnId);
    if (!versions.ok) throw new Error(JSON.stringify(versions.error));
    const flag = versions.data.versions[0]!.flags!.find((f) => f.cellName === 'CT_2_8_Q2')!;
    expect(flag).toBeDefined();
    const query = await postReview(reviewer, returnId, { version: 1, flagKey: flag.key, action: 'query', comment: 'Số quý 2 cao bất thường, đề nghị kiểm tra lại.' });
    if (!query.ok) throw new Error(JSON.stringify(query.error));
    expect(query.data.reviewer).toEqual({ tokenId: reviewerToken.id, label: 'Anh Minh, Vụ KTS' });

    // A reporter cannot review, nor read another unit's queries.
    const refused = await postReview(reporter, returnId, { version: 1, flagKey: flag.key, action: 'accept' });
    expect(refused).toMatchObject({ ok: false, httpStatus: 403, error: { error: 'not-reviewer' } });
    expect(await getReviewState(otherReporter, returnId)).toMatchObject({ ok: false, httpStatus: 403 });

    // 3. The reporter's add-in, opened on the workbook with the receipt, reads the open query.
    const seen = await getReviewState(reporter, returnId);
    if (!seen.ok) throw new Error(JSON.stringify(seen.error));
    expect(seen.data.status).toBe('queried');
    expect(seen.data.openQueries).toEqual([query.data]);

    // 4. The reporter corrects the return and submits version 2.
    const v2 = await submitPayload(reporter, validPayload({}, { percent: 55 }));
    expect(v2).toMatchObject({ status: 'accepted', receipt: { version: 2, returnId } });

    // 5. The review state shows what changed since the queried version.
    const after = await getReviewState(reviewer, returnId);
    if (!after.ok) throw new Error(JSON.stringify(after.error));
    expect(after.data.status).toBe('resubmitted');
    expect(after.data.changesSinceQueried).toMatchObject({ fromVersion: 1, toVersion: 2 });
    const figure = after.data.changesSinceQueried!.changes.find((c) => c.kind === 'figure' && c.path === '2.8 Q2');
    expect(figure).toBeDefined();
    expect(figure!.before).not.toEqual(figure!.after);

    // 6. The reviewer accepts the flag and the return; nothing is open any more.
    expect((await postReview(reviewer, returnId, { version: 2, flagKey: flag.key, action: 'accept', comment: 'Đã sửa.' })).ok).toBe(true);
    expect((await postReview(reviewer, returnId, { version: 2, action: 'acceptReturn' })).ok).toBe(true);
    const done = await getReviews(reporter, returnId);
    if (!done.ok) throw new Error(JSON.stringify(done.error));
    expect(done.data.state).toMatchObject({ status: 'accepted', openQueries: [], changesSinceQueried: null, latestVersion: 2 });
    expect(done.data.reviews.map((r) => [r.version, r.action, r.reviewer.label])).toEqual([
      [1, 'query', 'Anh Minh, Vụ KTS'],
      [2, 'accept', 'Anh Minh, Vụ KTS'],
      [2, 'acceptReturn', 'Anh Minh, Vụ KTS'],
    ]);
    for (const r of done.data.reviews) expect(Number.isNaN(Date.parse(r.createdAt))).toBe(false);

    // The entries survive a restart of the process (they are in the database, not the process).
    await server.restart();
    const again = await getReviews(reviewer, returnId);
    expect(again.ok && again.data.reviews).toEqual(done.data.reviews);
  });
});
