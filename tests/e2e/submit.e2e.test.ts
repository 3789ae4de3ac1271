/**
 * Gửi (Submit) as a reporter uses it, in Debian's chromium against the production build of the
 * preview page and a real `chitieu serve` on SQLite: create Bộ Y tế's 2025 return, fill it,
 * check, enter the endpoint and token in the Gửi tab, send, read the receipt in the pane and on
 * the "Biên nhận" sheet; the server holds version 1. Then the server goes down, a correction is
 * sent (kept pending in the workbook), the server comes back and the retry delivers version 2.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { RECEIPT_NAMES, tableCellName } from '../../src/domain/cellContract';
import type { FakeExcelHost } from '../fakes/fakeExcel';
import { createToken, startServerProcess, tempDbFile, type ServerProcess } from '../support/serverProcess';
import { ROOT, buildProduction } from './build';
import { launchChromium } from './browser';
import { RETURN_SHEET, previewGrid } from './previewGrid';
import { serveDirectory, type StaticServer } from './staticServer';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const SHEET = RETURN_SHEET;
const RECEIPT_SHEET = 'Biên nhận';

jest.setTimeout(120_000);

let staticServer: StaticServer;
let api: ServerProcess;
let token: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const build = buildProduction(path.join(OUT, 'dist-submit'));
  staticServer = await serveDirectory(build.outputPath);
  const db = tempDbFile();
  token = await createToken(db, 'bo-y-te', 'reporter', 'e2e');
  api = await startServerProcess({ db, args: ['--cors-origin', staticServer.url] });
  page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${staticServer.url}/preview.html`);
  await page.getByTestId('workbook-summary').getByText('Sổ tính chưa có biểu Phụ lục 01.').waitFor();
  fs.mkdirSync(OUT, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await staticServer?.close();
  await api?.stop();
});

afterEach(() => expect(pageErrors).toEqual([]));


/** The value of a named cell, read from the fake workbook. */
async function namedValue(name: string): Promise<unknown> {
  return page.evaluate((n) => {
    const host = (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost;
    const at = host.snapshot().names[n]!;
    return host.getCell(at.sheet!, at.address!).value;
  }, name);
}

const { cell: gridCell, namedAddress, typeInto, createReturn, typeFocalPoint } = previewGrid(() => page);
const cell = (sheet: string, address: string) => gridCell(address, sheet);
const panel = () => page.getByTestId('submit-panel');

async function showSheet(name: string): Promise<void> {
  await page.locator(`[role="tablist"][aria-label="Sheets"] [data-sheet="${name}"]`).click();
  await page.locator(`[data-grid-sheet="${name}"]`).waitFor();
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `submit-${name}.png`) });
  await page.locator('aside.pane').screenshot({ path: path.join(OUT, `submit-${name}-pane.png`) });
}

async function serverReturns(): Promise<{ returnId: string; latestVersion: number; receiptNumber: string }[]> {
  const response = await fetch(`${api.url}/api/v1/returns`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { returns: { returnId: string; latestVersion: number; receiptNumber: string }[] }).returns;
}

/** Ticks every open warning's acknowledgement in the Gửi panel, until sending is allowed. */
async function acknowledgeWarnings(): Promise<void> {
  await panel().getByTestId('submit-readiness').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="submit-progress"]'));
  for (const box of await panel().getByTestId('submit-warnings').getByRole('checkbox').all()) if (!(await box.isChecked())) await box.check();
  await expect(panel().getByTestId('submit-readiness').getAttribute('data-can-submit')).resolves.toBe('true');
}

test('a reporter creates and fills the return, and the check finds no errors', async () => {
  await createReturn('Y tế', 'Bộ Y tế', 2025);
  await typeInto('CT_QUARTER', '1');
  await typeFocalPoint({ name: 'Nguyễn Thị Bình', title: 'Chuyên viên', org: 'Cục Công nghệ thông tin', phone: "'0243 846 2131", email: 'binh@moh.gov.vn' });
  for (const row of ['1.2.OTHER', '2.8', '2.9']) {
    await typeInto(tableCellName(row, 'Q1'), '45%');
    await typeInto(tableCellName(row, 'Q1_INTL'), 'Eurostat 2023: 52%');
  }

  await page.locator('#tab-check').click();
  await page.getByTestId('check-return').click();
  await page.getByTestId('check-results').waitFor();
  await expect(page.getByTestId('count-error').getAttribute('data-count')).resolves.toBe('0');
});

test('Gửi: without an endpoint the button exports for e-mail; with URL and token it sends and shows the receipt', async () => {
  await page.locator('#tab-submit').click();
  await expect(panel().getByTestId('submit-button').innerText()).resolves.toBe('Xuất file để gửi e-mail');
  await panel().getByTestId('connection-url').fill(api.url);
  await panel().getByTestId('connection-token').fill(token);
  await expect(panel().getByTestId('connection-token').getAttribute('type')).resolves.toBe('password');
  await panel().getByTestId('connection-save').click();
  await expect(panel().getByTestId('submit-button').innerText()).resolves.toBe('Gửi');
  // Stored in this browser, never in the workbook.
  const stored = await page.evaluate(() => window.localStorage.getItem('chitieu.connection'));
  expect(JSON.parse(stored!)).toEqual({ url: api.url, token });
  await panel().getByTestId('connection-test').click();
  await panel().getByTestId('connection-message').getByText('Kết nối được: máy chủ trả lời và nhận mã truy cập.').waitFor();

  await acknowledgeWarnings();
  await shot('ready');
  await panel().getByTestId('submit-button').click();
  const receipt = panel().getByTestId('submit-receipt');
  await receipt.waitFor({ timeout: 30_000 });
  await expect(receipt.getByTestId('receipt-number').innerText()).resolves.toBe('CT-2025-Q1-bo-y-te-v1');
  await expect(receipt.getByTestId('receipt-version').innerText()).resolves.toBe('1');

  // The receipt sheet is shown, with the number in its named cell.
  await page.locator(`[data-grid-sheet="${RECEIPT_SHEET}"]`).waitFor();
  expect(await namedValue(RECEIPT_NAMES.number)).toBe('CT-2025-Q1-bo-y-te-v1');
  expect(await namedValue(RECEIPT_NAMES.status)).toBe('Đã gửi, máy chủ đã nhận');
  await expect(cell(RECEIPT_SHEET, await namedAddress(RECEIPT_NAMES.number)).innerText()).resolves.toBe('CT-2025-Q1-bo-y-te-v1');
  const settings = await page.evaluate(() => (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost.snapshot().settings);
  expect(settings['chitieu.pendingSubmission']).toBeUndefined();
  expect(JSON.stringify(settings)).not.toContain(token);
  await shot('receipt');

  const returns = await serverReturns();
  expect(returns).toHaveLength(1);
  expect(returns[0]).toMatchObject({ returnId: 'bo-y-te.2025.q1', latestVersion: 1, receiptNumber: 'CT-2025-Q1-bo-y-te-v1' });
});

test('server down: a correction waits in the workbook; when the server is back it is sent once, as version 2', async () => {
  await api.stop();
  await showSheet(SHEET);
  await typeInto(tableCellName('2.8', 'Q1'), '46%');
  await page.locator('#tab-check').click();
  await page.locator('#tab-submit').click();
  await acknowledgeWarnings();
  await panel().getByTestId('submit-button').click();

  const pending = panel().getByTestId('submit-pending');
  await pending.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="submit-pending"]')?.getAttribute('data-attempts')) >= 1);
  expect(await namedValue(RECEIPT_NAMES.status)).toBe('Đang chờ gửi');
  const stored = await page.evaluate(() => (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost.snapshot().settings['chitieu.pendingSubmission'] as { payload: { submissionId: string } });
  expect(stored.payload.submissionId).toMatch(/^[0-9a-f-]{36}$/);
  await shot('pending');

  await api.restart();
  const receipt = panel().getByTestId('submit-receipt');
  await receipt.waitFor({ timeout: 60_000 });
  await expect(receipt.getByTestId('receipt-number').innerText()).resolves.toBe('CT-2025-Q1-bo-y-te-v2');
  await expect(pending.count()).resolves.toBe(0);
  expect(await namedValue(RECEIPT_NAMES.version)).toBe(2);
  expect(await namedValue(RECEIPT_NAMES.submissionId)).toBe(stored.payload.submissionId);
  await shot('retried');

  const returns = await serverReturns();
  expect(returns).toHaveLength(1);
  expect(returns[0]).toMatchObject({ latestVersion: 2, receiptNumber: 'CT-2025-Q1-bo-y-te-v2' });
});
