/**
 * The Gửi (Submit) side of the add-in on the fake Excel host: what stops a submission, the
 * pending submission kept in the workbook (and reused, same id, across a reopened workbook),
 * sending with a fake network (down, accepted, refused), the receipt sheet, exporting for
 * e-mail, and the syncs each step takes.
 */
import { RECEIPT_NAMES, tableCellName } from '../../../src/domain/cellContract';
import { receiptNumberOf, returnIdOf, type ApiError, type Receipt } from '../../../src/domain/payload/api';
import { SubmissionPayload } from '../../../src/domain/payload/schema';
import { createExcelReturnSubmitter } from '../../../src/workbook/excel/submit/returnSubmitter';
import { ACKNOWLEDGED_SETTING, FINAL_SETTING, LAST_RECEIPT_SETTING, PENDING_SETTING, type StoredPending } from '../../../src/workbook/excel/submit/settings';
import type { PrepareOutcome, ReturnSubmitter } from '../../../src/workbook/port';
import type { FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, CLEAN, FILLED, fakeReturn, nameAt, typeFilled, typeInto } from '../check/fixtures';

const CONFIG = { url: 'https://chitieu.example.gov.vn/', token: 'secret-token-123' };
const NOW = new Date('2025-04-02T09:05:00.000Z');

function ids(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

function submitter(host: FakeExcelHost, newId = ids()): ReturnSubmitter {
  return createExcelReturnSubmitter(host, { source: bundled, now: () => NOW, newId });
}

/** A clean Q1 return of Bộ Y tế: no errors; the warnings it has come back from review(). */
async function cleanReturn(): Promise<{ host: FakeExcelHost; warnings: string[] }> {
  const host = await fakeReturn();
  typeFilled(host, CLEAN);
  const reviewed = await submitter(host).review({});
  if (reviewed.status !== 'reviewed') throw new Error('fixture: the clean return is unreadable');
  expect(reviewed.errors).toEqual([]);
  host.resetCounters();
  return { host, warnings: reviewed.openWarnings.map((f) => f.key) };
}

const cellOf = (host: FakeExcelHost, name: string) => {
  const { sheet, address } = nameAt(host, name);
  return host.getCell(sheet, address);
};
const settings = (host: FakeExcelHost) => host.snapshot().settings;
const storedPending = (host: FakeExcelHost) => settings(host)[PENDING_SETTING] as StoredPending | undefined;

function ready(outcome: PrepareOutcome) {
  if (outcome.status !== 'ready') throw new Error(`expected ready, got ${outcome.status}`);
  return outcome;
}

interface FakeCall {
  url: string;
  init: RequestInit;
}

/** A network that answers with `answer` (or throws it), recording every call. */
function network(answer: (payload: SubmissionPayload, call: number) => Response | Error) {
  const calls: FakeCall[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const a = answer(JSON.parse(String(init.body)) as SubmissionPayload, calls.length);
    if (a instanceof Error) throw a;
    return a;
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

function receiptFor(p: SubmissionPayload, version = 1, created = true): Receipt {
  return {
    receiptNumber: receiptNumberOf(p.year, p.quarter, p.unitId, version),
    returnId: returnIdOf(p.unitId, p.year, p.quarter),
    submissionId: p.submissionId,
    unitId: p.unitId,
    year: p.year,
    quarter: p.quarter,
    version,
    receivedAt: '2025-04-02T09:05:07.000Z',
    created,
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('what stops a submission', () => {
  it('refuses a return with errors, in one sync, and stores nothing', async () => {
    const host = await fakeReturn();
    typeFilled(host, FILLED);
    const outcome = await submitter(host).prepare({ acknowledged: [] });
    expect(outcome.status).toBe('blocked');
    if (outcome.status !== 'blocked') return;
    expect(outcome.errors.length).toBeGreaterThan(0);
    expect(outcome.errors.every((f) => f.severity === 'error')).toBe(true);
    expect(host.syncCount).toBe(1);
    expect(storedPending(host)).toBeUndefined();
    expect(host.sheetNames()).not.toContain('Biên nhận');
  });

  it('refuses a warning neither justified nor acknowledged', async () => {
    const { host, warnings } = await cleanReturn();
    expect(warnings.length).toBeGreaterThan(0);
    const outcome = await submitter(host).prepare({ acknowledged: warnings.slice(1) });
    expect(outcome.status).toBe('blocked');
    if (outcome.status !== 'blocked') return;
    expect(outcome.errors).toEqual([]);
    expect(outcome.openWarnings.map((f) => f.key)).toEqual([warnings[0]]);
  });

  it('a workbook without a return is unreadable, not an exception', async () => {
    const { createFakeExcel } = await import('../../fakes/fakeExcel');
    const outcome = await submitter(createFakeExcel()).prepare({ acknowledged: [] });
    expect(outcome.status).toBe('unreadable');
  });
});

describe('the pending submission', () => {
  it('is stored in the workbook with the acknowledgements, in two syncs, with the receipt sheet saying it waits', async () => {
    const { host, warnings } = await cleanReturn();
    const outcome = ready(await submitter(host).prepare({ acknowledged: warnings }));
    expect(outcome.syncs).toBe(2);
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect(outcome.reused).toBe(false);
    expect(outcome.pending).toMatchObject({ submissionId: '00000000-0000-4000-8000-000000000001', unitId: 'bo-y-te', year: 2025, quarter: 1, attempts: 0 });

    const stored = storedPending(host)!;
    expect(SubmissionPayload.safeParse(stored.payload).success).toBe(true);
    expect(stored.payload.submissionId).toBe(outcome.pending.submissionId);
    expect(JSON.stringify(settings(host))).not.toContain(CONFIG.token);
    expect(settings(host)[ACKNOWLEDGED_SETTING]).toEqual(warnings);

    expect(host.sheetNames()).toContain('Biên nhận');
    expect(cellOf(host, RECEIPT_NAMES.status).value).toBe('Đang chờ gửi');
    expect(cellOf(host, RECEIPT_NAMES.submissionId).value).toBe(outcome.pending.submissionId);
    expect(cellOf(host, RECEIPT_NAMES.returnId).value).toBe('bo-y-te.2025.q1');
    expect(cellOf(host, RECEIPT_NAMES.number).value).toBe('');
    expect(host.snapshot().sheets.find((s) => s.name === 'Biên nhận')!.protection.protected).toBe(true);
  });

  it('survives the workbook being closed and reopened, and is reused with the same submission id', async () => {
    const { host, warnings } = await cleanReturn();
    const first = ready(await submitter(host).prepare({ acknowledged: warnings }));
    // "Reopened": a new submitter (new pane, new ids) on the same workbook.
    const reopened = submitter(host, () => '11111111-1111-4111-8111-111111111111');
    const state = await reopened.pending();
    expect(state.pending?.submissionId).toBe(first.pending.submissionId);
    expect(state.acknowledged).toEqual(warnings);
    const again = ready(await reopened.prepare({ acknowledged: state.acknowledged }));
    expect(again.reused).toBe(true);
    expect(again.pending.submissionId).toBe(first.pending.submissionId);
    expect(host.sheetNames().filter((n) => n.startsWith('Biên nhận'))).toEqual(['Biên nhận']);
  });

  it('changed content while one is pending: refused until the person replaces it, then a new id', async () => {
    const { host, warnings } = await cleanReturn();
    const first = ready(await submitter(host).prepare({ acknowledged: warnings }));
    typeInto(host, { [tableCellName('2.8', 'Q1')]: '46%' });
    const s = submitter(host, () => '22222222-2222-4222-8222-222222222222');
    const differs = await s.prepare({ acknowledged: warnings });
    expect(differs).toEqual({ status: 'pendingDiffers', pending: expect.objectContaining({ submissionId: first.pending.submissionId }) });
    expect(storedPending(host)!.payload.submissionId).toBe(first.pending.submissionId);
    const replaced = ready(await s.prepare({ acknowledged: warnings, replacePending: true }));
    expect(replaced.pending.submissionId).toBe('22222222-2222-4222-8222-222222222222');
    expect(storedPending(host)!.payload.figures.find((f) => f.row === '2.8' && f.quarter === 1)!.value).toBe(46);
  });
});

describe('sending', () => {
  it('network down: still pending, the attempt and the reason recorded; one sync before the network, one after', async () => {
    const { host, warnings } = await cleanReturn();
    const s = submitter(host);
    ready(await s.prepare({ acknowledged: warnings }));
    host.resetCounters();
    const net = network(() => new TypeError('Failed to fetch'));
    const outcome = await s.send(CONFIG, { fetch: net.fetch });
    expect(outcome).toMatchObject({ status: 'unreachable', reason: 'Failed to fetch', pending: { attempts: 1, lastError: 'Failed to fetch' } });
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect(net.calls).toHaveLength(1);
    expect(net.calls[0]!.url).toBe('https://chitieu.example.gov.vn/api/v1/returns');
    expect((net.calls[0]!.init.headers as Record<string, string>).authorization).toBe(`Bearer ${CONFIG.token}`);
    const stored = storedPending(host)!;
    expect(stored).toMatchObject({ attempts: 1, lastError: 'Failed to fetch', endpoint: 'https://chitieu.example.gov.vn' });
    expect(cellOf(host, RECEIPT_NAMES.status).value).toBe('Đang chờ gửi');

    // A 503 is the same: send again later.
    const busy = await s.send(CONFIG, { fetch: network(() => json(503, {})).fetch });
    expect(busy).toMatchObject({ status: 'unreachable', httpStatus: 503, pending: { attempts: 2 } });
  });

  it('accepted: the receipt sheet, the last receipt stored, pending cleared; sending again does nothing', async () => {
    const { host, warnings } = await cleanReturn();
    const s = submitter(host);
    const prepared = ready(await s.prepare({ acknowledged: warnings }));
    await s.send(CONFIG, { fetch: network(() => new TypeError('Failed to fetch')).fetch });
    host.resetCounters();
    const sent: string[] = [];
    const net = network((p) => {
      sent.push(p.submissionId);
      return json(201, receiptFor(p));
    });
    const outcome = await s.send(CONFIG, { fetch: net.fetch, show: true });
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect(outcome.status).toBe('accepted');
    // The retry carried the same submission id as the first attempt.
    expect(sent).toEqual([prepared.pending.submissionId]);
    expect(storedPending(host)).toBeUndefined();
    expect(settings(host)[LAST_RECEIPT_SETTING]).toMatchObject({ receiptNumber: 'CT-2025-Q1-bo-y-te-v1', version: 1 });

    expect(cellOf(host, RECEIPT_NAMES.status).value).toBe('Đã gửi, máy chủ đã nhận');
    expect(cellOf(host, RECEIPT_NAMES.number).value).toBe('CT-2025-Q1-bo-y-te-v1');
    expect(cellOf(host, RECEIPT_NAMES.version).value).toBe(1);
    expect(cellOf(host, RECEIPT_NAMES.receivedAt).value).toBe('2025-04-02T09:05:07.000Z');
    const sheet = host.snapshot().sheets.find((x) => x.name === 'Biên nhận')!;
    expect(Object.values(sheet.cells).map((c) => c.value)).toContain('02/04/2025 16:05');
    expect(host.snapshot().activeSheet).toBe('Biên nhận');

    host.resetCounters();
    const again = network((p) => json(201, receiptFor(p)));
    await expect(s.send(CONFIG, { fetch: again.fetch })).resolves.toEqual({ status: 'nothing', syncs: 1 });
    expect(again.calls).toHaveLength(0);
    expect(host.syncCount).toBe(1);
    expect((await s.pending()).lastReceipt?.receiptNumber).toBe('CT-2025-Q1-bo-y-te-v1');
  });

  it('a correction sent after acceptance is a new submission (the server makes it version 2)', async () => {
    const { host, warnings } = await cleanReturn();
    const s = submitter(host);
    const first = ready(await s.prepare({ acknowledged: warnings }));
    await s.send(CONFIG, { fetch: network((p) => json(201, receiptFor(p))).fetch });
    typeInto(host, { [tableCellName('2.9', 'Q1')]: '47%' });
    const second = ready(await s.prepare({ acknowledged: warnings }));
    expect(second.pending.submissionId).not.toBe(first.pending.submissionId);
    await s.send(CONFIG, { fetch: network((p) => json(201, receiptFor(p, 2))).fetch });
    expect(cellOf(host, RECEIPT_NAMES.version).value).toBe(2);
    expect(host.sheetNames().filter((n) => n.startsWith('Biên nhận'))).toEqual(['Biên nhận']);
  });

  it('refused with the server’s flags (422): pending cleared, the receipt sheet says refused with the server’s message', async () => {
    const { host, warnings } = await cleanReturn();
    const s = submitter(host);
    ready(await s.prepare({ acknowledged: warnings }));
    const error: ApiError = {
      error: 'return-has-errors',
      message: { vi: 'Máy chủ tìm thấy 1 lỗi trong biểu.', en: 'The server found 1 error in the return.' },
      flags: [{ rule: 'figure.missing', severity: 'error', cellName: 'CT_2_8_Q1', key: 'figure.missing:CT_2_8_Q1', message: { vi: 'Thiếu số liệu', en: 'Missing figure' } }],
    };
    const outcome = await s.send(CONFIG, { fetch: network(() => json(422, error)).fetch, lang: 'en' });
    expect(outcome).toMatchObject({ status: 'refused', httpStatus: 422, keptPending: false, error });
    expect(storedPending(host)).toBeUndefined();
    // One sheet name whatever the pane's language (as the Kiểm tra sheet): the English pane names it too.
    expect(host.sheetNames()).toContain('Biên nhận');
    expect(host.sheetNames()).not.toContain('Receipt');
    expect(cellOf(host, RECEIPT_NAMES.status).value).toBe('Refused by the server: correct and send again');
  });

  it('a refused token (401) keeps the payload pending for when the settings are fixed', async () => {
    const { host, warnings } = await cleanReturn();
    const s = submitter(host);
    const prepared = ready(await s.prepare({ acknowledged: warnings }));
    const error: ApiError = { error: 'unauthorized', message: { vi: 'Mã truy cập không hợp lệ.', en: 'The token is not valid.' } };
    const outcome = await s.send(CONFIG, { fetch: network(() => json(401, error)).fetch });
    expect(outcome).toMatchObject({ status: 'refused', httpStatus: 401, keptPending: true });
    expect(storedPending(host)!.payload.submissionId).toBe(prepared.pending.submissionId);
    expect(storedPending(host)!.lastError).toContain('HTTP 401');
  });
});

describe('exporting for e-mail', () => {
  it('gives JSON that parses as a submission and a CSV, writes the receipt sheet as exported and marks the workbook final', async () => {
    const { host, warnings } = await cleanReturn();
    const outcome = await submitter(host).exportForEmail({ acknowledged: warnings });
    expect(outcome.status).toBe('exported');
    if (outcome.status !== 'exported') return;
    expect(host.syncCount).toBeLessThanOrEqual(2);
    const payload = SubmissionPayload.parse(JSON.parse(outcome.json));
    expect(payload.submissionId).toBe(outcome.submissionId);
    expect(outcome.csv.split(/\r?\n/).length).toBeGreaterThan(2);
    expect(outcome.names.json).toMatch(/\.json$/);
    expect(outcome.names.csv).toMatch(/\.csv$/);
    expect(settings(host)[FINAL_SETTING]).toEqual({ at: NOW.toISOString(), submissionId: outcome.submissionId });
    expect(cellOf(host, RECEIPT_NAMES.status).value).toBe('Đã xuất file để gửi e-mail (bản chốt)');
    expect((await submitter(host).pending()).final?.submissionId).toBe(outcome.submissionId);
  });

  it('is refused while errors remain', async () => {
    const host = await fakeReturn();
    typeFilled(host, FILLED);
    await expect(submitter(host).exportForEmail({ acknowledged: [] })).resolves.toMatchObject({ status: 'blocked' });
    expect(settings(host)[FINAL_SETTING]).toBeUndefined();
  });
});
