/**
 * Why a send did not get through, told in the person's language (issue 12, item 4): the pane's
 * waiting box and the receipt sheet say "máy chủ không trả lời…" or "máy chủ đang bận, sẽ thử
 * lại…", never "Failed to fetch" or "HTTP 503"; a busy server (503 + Retry-After) keeps the
 * submission pending and is asked again no sooner than it said.
 */
import { RECEIPT_NAMES } from '../../../src/domain/cellContract';
import { inMemoryConnection } from '../../../src/taskpane/submit/connection';
import { createSubmitController, type SubmitView } from '../../../src/taskpane/submit/submitController';
import { createExcelReturnSubmitter, retryAfterOf } from '../../../src/workbook/excel/submit/returnSubmitter';
import { describeApiFailure, describeSendProblem } from '../../../src/workbook/excel/submit/sendProblem';
import { PENDING_SETTING, type StoredPending } from '../../../src/workbook/excel/submit/settings';
import { bundled, CLEAN, fakeReturn, typeFilled } from '../check/fixtures';

const RAW = /fetch|HTTP \d{3}|NetworkError|Load failed|timeout|ECONN/i;

describe('the reasons, told', () => {
  it.each([
    ['Failed to fetch', /máy chủ không trả lời/, /does not answer/],
    ['NetworkError when attempting to fetch resource.', /máy chủ không trả lời/, /does not answer/],
    ['Load failed', /máy chủ không trả lời/, /does not answer/],
    ['timeout', /không trả lời kịp/, /in time/],
    ['HTTP 503', /^máy chủ đang bận, sẽ thử lại…$/, /busy/],
    ['HTTP 429', /đang bận/, /busy/],
    ['HTTP 502', /sự cố/, /problem/],
    ['unreadable receipt', /không đọc được biên nhận/, /could not be read/],
  ])('%p', (reason, vi, en) => {
    expect(describeSendProblem(reason, 'vi')).toMatch(vi);
    expect(describeSendProblem(reason, 'en')).toMatch(en);
    expect(describeSendProblem(reason, 'vi')).not.toMatch(RAW);
    expect(describeSendProblem(reason, 'en')).not.toMatch(RAW);
  });

  it('a refused token keeps the server’s own sentence', () => {
    expect(describeSendProblem('HTTP 401: Token không hợp lệ hoặc đã bị thu hồi.', 'vi')).toBe('máy chủ không nhận mã truy cập: Token không hợp lệ hoặc đã bị thu hồi.');
  });

  it('an API client’s failure: the browser’s words are replaced, the server’s own message kept', () => {
    const unreachable = { error: 'unreachable', message: { vi: 'Không kết nối được máy chủ: Failed to fetch', en: 'Could not reach the server: Failed to fetch' } };
    expect(describeApiFailure(unreachable, null, 'vi')).not.toMatch(RAW);
    const odd = { error: 'unexpected-answer', message: { vi: 'Máy chủ trả lời HTTP 404.', en: 'The server answered HTTP 404.' } };
    expect(describeApiFailure(odd, 404, 'en')).toMatch(/not the chitieu endpoint/);
    const server = { error: 'bad-token', message: { vi: 'Token không hợp lệ.', en: 'The token is not valid.' } };
    expect(describeApiFailure(server, 401, 'en')).toBe('The token is not valid.');
  });

  it('Retry-After in seconds or as a date', () => {
    const now = new Date('2025-04-02T09:05:00Z');
    expect(retryAfterOf('120', now)).toBe(120_000);
    expect(retryAfterOf('Wed, 02 Apr 2025 09:06:00 GMT', now)).toBe(60_000);
    expect(retryAfterOf('soon', now)).toBeNull();
    expect(retryAfterOf(null, now)).toBeNull();
  });
});

describe('a busy server (503 + Retry-After)', () => {
  it('keeps the submission pending, says so on the receipt sheet, and is asked again no sooner than it said', async () => {
    const host = await fakeReturn();
    typeFilled(host, CLEAN);
    const submitter = createExcelReturnSubmitter(host, { source: bundled, now: () => new Date('2025-04-02T09:05:00Z') });
    const busy = (async () =>
      new Response(JSON.stringify({ error: 'store-busy', message: { vi: 'Máy chủ bận.', en: 'Busy.' } }), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '120' },
      })) as unknown as typeof fetch;
    const delays: number[] = [];
    let view: SubmitView | null = null;
    const controller = createSubmitController(
      submitter,
      inMemoryConnection({ url: 'https://chitieu.example.gov.vn', token: 't' }),
      { lang: () => 'vi', fetch: busy, schedule: (_run, ms) => (delays.push(ms), () => undefined), now: () => 0 },
      (v) => (view = v),
    );
    await controller.start();
    await controller.reread();
    for (const w of view!.review!.warnings) controller.acknowledge(w.key, true);
    await controller.submit();

    expect(view!.state?.pending?.attempts).toBe(1);
    expect((host.snapshot().settings[PENDING_SETTING] as StoredPending).lastError).toBe('HTTP 503');
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(120_000);
    expect(view!.nextRetryAt).toBe(delays[0]);

    const sheet = host.snapshot().sheets.find((s) => s.name === 'Biên nhận')!;
    const texts = Object.values(sheet.cells).map((c) => String(c.value));
    expect(texts).toContain('máy chủ đang bận, sẽ thử lại…');
    expect(texts.join(' ')).not.toMatch(/HTTP 503/);
    const status = host.snapshot().names[RECEIPT_NAMES.status]!;
    expect(host.getCell(status.sheet!, status.address!).value).toBe('Đang chờ gửi');
  });
});
