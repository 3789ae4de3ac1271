/**
 * Duyệt (Review) as the reviewer uses it, in Debian's chromium against the production build of the
 * preview page and a real `chitieu serve` on SQLite. Bộ Y tế's 2025 Q2 return is on the server
 * (sent by the reporter's token, a warning justified); the reviewer enters the endpoint and a
 * reviewer's token in the Duyệt tab, lists the period, opens the return, reads its flags and the
 * justification, queries the flag with a comment (stored on the server). The unit sends a
 * corrected version 2; the reviewer sees what changed since the queried version and accepts the
 * return (accepted on the server). Then the reporter's pane, opened on a workbook that sent the
 * return, shows the reviewer's queries while one is open.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { Receipt, ReviewState, VersionList } from '../../src/domain/payload/api';
import type { SubmissionPayload } from '../../src/domain/payload/schema';
import { submitPayload } from '../../src/submit/client';
import { CONNECTION_KEY } from '../../src/taskpane/submit/connection';
import { LAST_RECEIPT_SETTING } from '../../src/workbook/excel/submit/settings';
import { DEFAULT_QUARTER, DEFAULT_UNIT, DEFAULT_YEAR, validPayload } from '../support/payloads';
import { createToken, createTokenWithId, startServerProcess, tempDbFile, type ServerProcess } from '../support/serverProcess';
import { ROOT, buildProduction } from './build';
import { launchChromium } from './browser';
import { chooseRole, saveConnection } from './previewGrid';
import { openSeededPreview } from './seededWorkbook';
import { serveDirectory, type StaticServer } from './staticServer';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const RETURN_ID = `${DEFAULT_UNIT}.${DEFAULT_YEAR}.q${DEFAULT_QUARTER}`;
const REVIEWER = 'Anh Minh, Vụ KTS';
const JUSTIFICATION = 'Quý 2 tăng do đưa hệ thống hồ sơ sức khỏe điện tử vào vận hành.';
const QUERY = 'Số quý 2 cao bất thường, đề nghị kiểm tra lại.';

jest.setTimeout(120_000);

let staticServer: StaticServer;
let api: ServerProcess;
let reporterToken: string;
let reviewerToken: string;
let browser: Browser;
let page: Page;
/** The warning the unit justified (a server flag of version 1). */
let flagKey: string;
let lastReceipt: Receipt;
const pageErrors: string[] = [];

/** The flag the server raises on 2.8's Q2 figure when it jumps from Q1's 50%, as the unit justifies it. */
const JUMP_KEY = 'figure.jump:CT_2_8_Q2';

/** The unit's return: every figure 50% except 2.8's Q2 figure, and the unit's justification of the jump. */
function unitReturn(q2Figure: number): SubmissionPayload {
  const payload = validPayload({}, { percent: 50 });
  const figure = payload.figures.find((f) => f.row === '2.8' && f.quarter === DEFAULT_QUARTER);
  if (!figure || figure.value === null) throw new Error(`the test payload has no 2.8 Q${DEFAULT_QUARTER} figure: ${JSON.stringify(payload.figures)}`);
  const before = String(figure.value);
  figure.typed = figure.typed.replace(before, String(q2Figure));
  figure.value = q2Figure;
  return { ...payload, justifications: { ...payload.justifications, [JUMP_KEY]: JUSTIFICATION } };
}

/** Sends the unit's return with the reporter's token, as the add-in does; the receipt is kept. */
async function send(q2Figure: number): Promise<number> {
  const outcome = await submitPayload({ url: api.url, token: reporterToken }, unitReturn(q2Figure));
  if (outcome.status !== 'accepted') throw new Error(`the server refused the return: ${JSON.stringify(outcome)}`);
  lastReceipt = outcome.receipt;
  return outcome.receipt.version;
}

/**
 * The reporter's pane, opened (in its own browser context) on the workbook that sent the last
 * version: the workbook keeps the receipt, this computer the reporter's endpoint and token.
 */
async function openReporterPane(): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1100 } });
  const reporter = await openSeededPreview(context, `${staticServer.url}/preview.html`, {
    settings: { [LAST_RECEIPT_SETTING]: JSON.stringify(lastReceipt) },
    localStorage: { [CONNECTION_KEY]: JSON.stringify({ url: api.url, token: reporterToken }) },
  });
  reporter.setDefaultTimeout(15_000);
  reporter.on('pageerror', (error) => pageErrors.push(`reporter: ${error.message}`));
  await reporter.getByTestId('workbook-summary').waitFor();
  await reporter.locator('#tab-check').click();
  return { page: reporter, close: () => context.close() };
}

async function apiGet<T>(pathname: string, token = reviewerToken): Promise<T> {
  const response = await fetch(`${api.url}/api/v1${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const reviewState = () => apiGet<ReviewState>(`/returns/${RETURN_ID}/review-state`);

beforeAll(async () => {
  browser = await launchChromium();
  const build = buildProduction(path.join(OUT, 'dist-review'));
  staticServer = await serveDirectory(build.outputPath);
  const db = tempDbFile();
  reporterToken = await createToken(db, DEFAULT_UNIT, 'reporter', 'Chị Hoa');
  reviewerToken = (await createTokenWithId(db, '*', 'reviewer', REVIEWER)).token;
  api = await startServerProcess({ db, args: ['--cors-origin', staticServer.url, '--rate-limit', '0'] });
  expect(await send(75)).toBe(1);
  // The justified warning is one of the server's own flags of version 1.
  const { versions } = await apiGet<VersionList>(`/returns/${RETURN_ID}/versions`);
  expect(versions[0]!.flags!.filter((f) => f.key === JUMP_KEY).map((f) => f.severity)).toEqual(['warning']);
  flagKey = JUMP_KEY;

  page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${staticServer.url}/preview.html`);
  await page.getByTestId('workbook-summary').waitFor();
  fs.mkdirSync(OUT, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await staticServer?.close();
  await api?.stop();
});

afterEach(() => expect(pageErrors).toEqual([]));

const panel = () => page.getByTestId('review-panel');
const flag = () => panel().locator(`[data-testid="review-flag"][data-key="${flagKey}"]`);

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `review-${name}.png`) });
  await page.locator('aside.pane').screenshot({ path: path.join(OUT, `review-${name}-pane.png`) });
}

/** Lists the period's returns and opens the unit's. */
async function listAndOpen(): Promise<void> {
  await panel().getByTestId('review-list').click();
  const open = panel().locator(`[data-testid="review-open"][data-return="${RETURN_ID}"]`);
  await open.click();
  await panel().getByTestId('return-review').waitFor();
}

test('Duyệt: the reviewer enters a reviewer’s token, picks the period and opens the return with its flags and justification', async () => {
  // A role's tabs, none cut off: the reporting unit's three, then the reviewer's one.
  const pane = (await page.locator('aside.pane').boundingBox())!;
  const tabs = page.locator('aside.pane [role="tablist"] [role="tab"]');
  await expect(tabs.allInnerTexts()).resolves.toEqual(['Tạo biểu', 'Kiểm tra', 'Gửi']);
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
  }

  await chooseRole(page, 'Người duyệt');
  await expect(tabs.allInnerTexts()).resolves.toEqual(['Duyệt']);
  await page.getByRole('tab', { name: 'Duyệt' }).click();
  await panel().waitFor();
  await expect(panel().getByTestId('review-list').isDisabled()).resolves.toBe(true);
  await saveConnection(panel(), api.url, reviewerToken);
  // The reviewer's own key in this browser; the reporter's connection (Gửi) is left alone.
  const stored = await page.evaluate(() => [window.localStorage.getItem('chitieu.reviewConnection'), window.localStorage.getItem('chitieu.connection')]);
  expect(JSON.parse(stored[0]!)).toEqual({ url: api.url, token: reviewerToken });
  expect(stored[1]).toBeNull();

  await panel().getByRole('combobox', { name: 'Năm' }).click();
  await page.getByRole('option', { name: String(DEFAULT_YEAR), exact: true }).click();
  await panel().getByRole('combobox', { name: 'Quý' }).click();
  await page.getByRole('option', { name: `Quý ${DEFAULT_QUARTER}`, exact: true }).click();
  await panel().getByTestId('review-list').click();
  const rows = panel().getByTestId('review-returns').locator('li');
  await rows.first().waitFor();
  await expect(rows.count()).resolves.toBe(1);
  await expect(rows.first().innerText()).resolves.toMatch(new RegExp(`^${DEFAULT_UNIT} – phiên bản 1, nhận \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}; [1-9]\\d* cảnh báo`));

  await panel().locator(`[data-testid="review-open"][data-return="${RETURN_ID}"]`).click();
  const review = panel().getByTestId('return-review');
  await review.waitFor();
  await expect(review.getByRole('heading', { name: `Báo cáo ${RETURN_ID}, phiên bản 1` }).count()).resolves.toBe(1);
  await expect(review.getByTestId('review-status').getAttribute('data-status')).resolves.toBe('new');
  await expect(review.getByTestId('review-status').innerText()).resolves.toBe('Chưa duyệt');
  await expect(review.getByTestId('review-flag').count()).resolves.toBeGreaterThan(0);
  await expect(flag().getByTestId('review-flag-severity').getAttribute('data-severity')).resolves.toBe('warning');
  await expect(flag().getByTestId('review-flag-severity').innerText()).resolves.toBe('Cảnh báo');
  const text = await flag().innerText();
  // The flag's cell as the sheet names it, not its contract name.
  expect(text).toContain('2,8 · Quý II');
  expect(text).not.toContain(flagKey.slice(flagKey.lastIndexOf(':') + 1));
  expect(text).toContain(`Giải trình: ${JUSTIFICATION}`);
  // Only the justified flag says so.
  await expect(review.getByText(`Giải trình: ${JUSTIFICATION}`).count()).resolves.toBe(1);
  await expect(review.getByTestId('review-history').innerText()).resolves.toContain('Chưa có ý kiến nào.');
  await shot('opened');
});

test('the reviewer queries the flag with a comment: the server stores the open query with the comment', async () => {
  // A query needs a comment.
  await flag().getByTestId('review-query-open').click();
  await flag().getByTestId('review-query-send').click();
  await flag().getByText('Hỏi lại hoặc trả lại cần có ý kiến.').waitFor();
  expect((await reviewState()).openQueries).toEqual([]);

  await flag().getByTestId('review-query-comment').fill(QUERY);
  await flag().getByTestId('review-query-send').click();
  await flag().getByTestId('review-flag-state').getByText('Đang hỏi lại').waitFor();
  await expect(flag().innerText()).resolves.toContain(`“${QUERY}” — ${REVIEWER}`);
  await expect(panel().getByTestId('review-status').getAttribute('data-status')).resolves.toBe('queried');
  // The flag's cell as the sheet names it (JUMP_KEY is 2.8's Q2 figure), not its key.
  await expect(panel().getByTestId('review-history').innerText()).resolves.toContain(`${REVIEWER}: hỏi lại (phiên bản 1, 2,8 · Quý II): “${QUERY}”`);

  const state = await reviewState();
  expect(state.status).toBe('queried');
  expect(state.openQueries).toHaveLength(1);
  expect(state.openQueries[0]).toMatchObject({ version: 1, flagKey, action: 'query', comment: QUERY, reviewer: { label: REVIEWER } });
  await shot('queried');
});

test('the reporter’s pane, opened on the workbook that sent version 1, shows the reviewer’s query', async () => {
  const reporter = await openReporterPane();
  try {
    const queries = reporter.page.getByTestId('open-queries');
    await queries.waitFor();
    await expect(queries.innerText()).resolves.toContain('Câu hỏi của người duyệt');
    await expect(queries.innerText()).resolves.toContain('Người duyệt hỏi lại 1 điểm về biểu đã gửi (phiên bản 1).');
    const items = queries.getByTestId('open-query');
    await expect(items.count()).resolves.toBe(1);
    await expect(items.first().getAttribute('data-key')).resolves.toBe(flagKey);
    await expect(items.first().innerText()).resolves.toMatch(new RegExp(`^2,8 · Quý II: “${QUERY}” — ${REVIEWER}, \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}$`));
    await reporter.page.locator('aside.pane').screenshot({ path: path.join(OUT, 'review-reporter-queries-pane.png') });
  } finally {
    await reporter.close();
  }
});

test('after the unit sends version 2, the reviewer sees what changed since the queried version and accepts the return', async () => {
  expect(await send(52)).toBe(2);
  await panel().getByTestId('review-back').click();
  await listAndOpen();
  const review = panel().getByTestId('return-review');
  await expect(review.getByRole('heading', { name: `Báo cáo ${RETURN_ID}, phiên bản 2` }).count()).resolves.toBe(1);
  await expect(review.getByTestId('review-status').getAttribute('data-status')).resolves.toBe('resubmitted');
  await expect(review.getByTestId('review-status').innerText()).resolves.toBe('Đơn vị đã nộp lại');

  const changes = review.getByTestId('review-changes');
  await expect(changes.getByRole('heading').innerText()).resolves.toBe('Thay đổi từ phiên bản 1 đến 2');
  const lines = await changes.locator('li').allInnerTexts();
  const server = (await reviewState()).changesSinceQueried!;
  expect(server).toMatchObject({ fromVersion: 1, toVersion: 2 });
  const figure = server.changes.find((c) => c.kind === 'figure' && c.path === '2.8 Q2')!;
  expect(figure.before).not.toEqual(figure.after);
  // Placed in the sheet's words: the STT and the quarter, not the diff's path "2.8 Q2".
  expect(lines).toContain(`2,8 · Quý II: ${figure.before ?? '—'} → ${figure.after ?? '—'}`);
  expect(lines).toHaveLength(server.changes.length);
  await shot('changes');

  await review.getByTestId('review-accept-return').click();
  await review.getByTestId('review-status').and(page.locator('[data-status="accepted"]')).waitFor();
  await expect(review.getByTestId('review-status').innerText()).resolves.toBe('Đã chấp nhận');
  await expect(review.getByTestId('review-history').innerText()).resolves.toContain(`${REVIEWER}: chấp nhận báo cáo (phiên bản 2)`);

  const state = await reviewState();
  expect(state).toMatchObject({ status: 'accepted', latestVersion: 2 });
  const reporterView = await apiGet<ReviewState>(`/returns/${RETURN_ID}/review-state`, reporterToken);
  expect(reporterView.status).toBe('accepted');
  await shot('accepted');

  // The reporter's pane, opened on the workbook that sent version 2, says the return is accepted.
  const reporter = await openReporterPane();
  try {
    await reporter.page.getByTestId('open-queries-accepted').getByText('Người duyệt đã chấp nhận báo cáo.').waitFor();
    await expect(reporter.page.getByTestId('open-queries').count()).resolves.toBe(0);
  } finally {
    await reporter.close();
  }
});

test('the pane speaks English too: the Duyệt tab and the opened return', async () => {
  await page.getByRole('button', { name: 'Switch the task pane to English' }).click();
  await page.getByRole('tab', { name: 'Review' }).waitFor();
  const review = panel().getByTestId('return-review');
  await expect(review.getByTestId('review-status').innerText()).resolves.toBe('Accepted');
  await expect(review.getByRole('heading', { name: `Return ${RETURN_ID}, version 2` }).count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'Chuyển ngôn ngữ sang tiếng Việt' }).click();
  await page.getByRole('tab', { name: 'Duyệt' }).waitFor();
});
