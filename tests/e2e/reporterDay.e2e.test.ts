/**
 * The reporter's day (issue 12), in Debian's chromium against the production build of the preview
 * page and a real `chitieu serve`, with the task pane 350 px wide: find the unit, create the
 * return, fill it (a "no data" typed the way the product says, and once the way Excel turns into
 * #NAME?), check, go to a flag, acknowledge warnings across tabs, test the connection with a wrong
 * token, send, send again unchanged, the server goes down, correct while a submission waits,
 * reload the page, switch to English. Screenshots of each step in both languages go to
 * test-output/e2e/reporter-day-*.png; every control's accessible name is checked at each step.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { RECEIPT_NAMES, tableCellName } from '../../src/domain/cellContract';
import type { FakeExcelHost } from '../fakes/fakeExcel';
import { createToken, startServerProcess, tempDbFile, type ServerProcess } from '../support/serverProcess';
import { controlsOf, misnamed } from './a11y';
import { launchChromium } from './browser';
import { ROOT, buildProduction } from './build';
import { previewGrid, RETURN_SHEET } from './previewGrid';
import { serveDirectory, type StaticServer } from './staticServer';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const PANE_WIDTH = 350;
const Q1_28 = tableCellName('2.8', 'Q1');
const Q1_29 = tableCellName('2.9', 'Q1');

jest.setTimeout(150_000);

let staticServer: StaticServer;
let api: ServerProcess;
let token: string;
let otherUnitToken: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const build = buildProduction(path.join(OUT, 'dist-reporter-day'));
  staticServer = await serveDirectory(build.outputPath);
  const db = tempDbFile();
  token = await createToken(db, 'bo-y-te', 'reporter', 'e2e');
  otherUnitToken = await createToken(db, 'bo-tai-chinh', 'reporter', 'e2e');
  api = await startServerProcess({ db, args: ['--cors-origin', staticServer.url] });
  page = await browser.newPage({ viewport: { width: 1100, height: 860 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The task pane at the width Excel gives it on a small screen, on every load of the page.
  await page.addInitScript((width: number) => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = `.pane { width: ${width}px !important; }`;
      document.head.appendChild(style);
    });
  }, PANE_WIDTH);
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

const { cell, namedAddress, typeInto, createReturn, typeFocalPoint } = previewGrid(() => page);
const pane = () => page.locator('aside.pane');
const checkPanel = () => page.getByTestId('check-panel');
const submitPanel = () => page.getByTestId('submit-panel');
const flagFor = (key: string): Locator => checkPanel().locator(`[data-testid="flag"][data-flag-key="${key}"]`);

async function shot(name: string, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  await pane().screenshot({ path: path.join(OUT, `reporter-day-${lang}-${name}.png`) });
}

/** Every control in the pane named, in the pane's language. */
async function expectNamedControls(lang: 'vi' | 'en'): Promise<void> {
  const controls = await controlsOf(pane());
  expect(controls.length).toBeGreaterThan(3);
  expect(misnamed(controls, lang)).toEqual([]);
}

async function runCheck(): Promise<void> {
  await checkPanel().getByTestId('check-return').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="check-results"][aria-busy="true"]'));
  await checkPanel().getByTestId('check-results').waitFor();
  await expect(checkPanel().getByTestId('check-return').isEnabled()).resolves.toBe(true);
}

async function namedValue(name: string): Promise<unknown> {
  return page.evaluate((n) => {
    const host = (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost;
    const at = host.snapshot().names[n]!;
    return host.getCell(at.sheet!, at.address!).value;
  }, name);
}

async function latestOnServer(): Promise<{ version: number; value: number | null }> {
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${api.url}/api/v1/returns`, { headers })).json()) as { returns: { returnId: string }[] };
  const id = list.returns[0]!.returnId;
  const versions = (await (await fetch(`${api.url}/api/v1/returns/${id}/versions`, { headers })).json()) as {
    versions: { version: number; payload: { figures: { row: string; quarter: number; value: number | null }[] } }[];
  };
  const last = versions.versions[versions.versions.length - 1]!;
  return { version: last.version, value: last.payload.figures.find((f) => f.row === '2.9' && f.quarter === 1)?.value ?? null };
}

/** Reads the return again in Gửi and ticks any warning still open, until sending is allowed. */
async function readyToSend(): Promise<void> {
  await submitPanel().getByTestId('submit-reread').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="submit-progress"]'));
  for (const box of await submitPanel().getByTestId('submit-warnings').getByRole('checkbox').all()) if (!(await box.isChecked())) await box.check();
  await expect(submitPanel().getByTestId('submit-readiness').getAttribute('data-can-submit')).resolves.toBe('true');
}

/** Whether `inner` lies wholly inside `outer`'s box on screen. */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  return a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
}

test('the unit by part of its name, the return created; the role’s tabs fit 350 px', async () => {
  await expectNamedControls('vi');
  const tabs = pane().locator('[role="tablist"] [role="tab"]');
  await expect(tabs.allInnerTexts()).resolves.toEqual(['Tạo biểu', 'Kiểm tra', 'Gửi']);
  for (const tab of await tabs.all()) expect(await inside(tab, pane())).toBe(true);
  await shot('01-start');
  await createReturn('y te', 'Bộ Y tế', 2025);
  await shot('02-created');
});

test('“no data” typed as the prompt says is read; typed with a leading “-” the check says why the cell shows #NAME?', async () => {
  await typeInto('CT_QUARTER', '1');
  await typeFocalPoint({ name: 'Nguyễn Thị Bình', title: 'Chuyên viên', org: 'Cục Công nghệ thông tin', phone: "'0243 846 2131", email: 'binh@moh.gov.vn' });
  for (const row of ['1.2.OTHER', '2.9']) {
    await typeInto(tableCellName(row, 'Q1'), '45%');
    await typeInto(tableCellName(row, 'Q1_INTL'), 'Eurostat 2023: 52%');
  }
  // What a reporter typed before: Excel (and the fake host) makes a formula of it.
  await typeInto(Q1_28, '- chưa điều tra');
  await expect(cell(await namedAddress(Q1_28)).innerText()).resolves.toBe('#NAME?');

  await pane().getByRole('tab', { name: 'Kiểm tra' }).click();
  await runCheck();
  const flag = flagFor(`figure.excelError:${Q1_28}`);
  const text = await flag.innerText();
  expect(text).toContain('#NAME?');
  expect(text).toContain('bắt đầu bằng dấu “-”');
  expect(text).toContain('chưa có số liệu (chưa điều tra)');
  expect(text).not.toMatch(/Sửa công thức/);
  // The sheet's numbering, not the row id.
  expect(text).toMatch(/^2,8/);
  await shot('03-check-name-error');
  await expectNamedControls('vi');

  // A flag takes the grid to its cell, scrolled into view, from the keyboard too.
  await page.locator('[data-grid-sheet] ').first().evaluate((grid) => grid.scrollTo(0, 0));
  await flag.getByTestId('flag-target').focus();
  await page.keyboard.press('Enter');
  const address = await namedAddress(Q1_28);
  await page.waitForFunction((a) => document.querySelector('[data-testid="name-box"]')?.textContent === a, address);
  await page.waitForFunction((a) => {
    const td = document.querySelector(`[data-grid-sheet] td[data-address="${a}"]`)!.getBoundingClientRect();
    const grid = document.querySelector('[data-grid-sheet]')!.getBoundingClientRect();
    return td.top >= grid.top && td.bottom <= grid.bottom && td.left >= grid.left && td.right <= grid.right;
  }, address);

  await typeInto(Q1_28, 'chưa có số liệu (chưa điều tra)');
  await runCheck();
  await expect(flagFor(`figure.excelError:${Q1_28}`).count()).resolves.toBe(0);
  await expect(flagFor(`figure.noData:${Q1_28}`).count()).resolves.toBe(1);
  await expect(checkPanel().getByTestId('count-error').getAttribute('data-count')).resolves.toBe('0');
  await shot('04-check-clean');
});

test('a warning ticked in Kiểm tra is ticked in Gửi at once, and the other way round, without a new check', async () => {
  const warnings = checkPanel().locator('[data-testid="flag"][data-severity="warning"]');
  const first = (await warnings.first().getAttribute('data-flag-key'))!;
  await flagFor(first).getByRole('checkbox').check();
  await pane().getByRole('tab', { name: 'Gửi' }).click();
  const inSubmit = (key: string) => submitPanel().locator(`[data-testid="submit-warning"][data-flag-key="${key}"]`).getByRole('checkbox');
  await expect(inSubmit(first).isChecked()).resolves.toBe(true);
  for (const box of await submitPanel().getByTestId('submit-warnings').getByRole('checkbox').all()) if (!(await box.isChecked())) await box.check();
  await expect(submitPanel().getByTestId('submit-readiness').getAttribute('data-can-submit')).resolves.toBe('true');
  const keys = await submitPanel().getByTestId('submit-warning').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag-key')!));
  await pane().getByRole('tab', { name: 'Kiểm tra' }).click();
  for (const key of keys) await expect(flagFor(key).getByRole('checkbox').isChecked()).resolves.toBe(true);
});

test('Gửi: the action first; the connection test names a wrong token; a saved connection folds', async () => {
  await pane().getByRole('tab', { name: 'Gửi' }).click();
  const button = submitPanel().getByTestId('submit-button');
  await expect(button.innerText()).resolves.toBe('Xuất file để gửi e-mail');
  const form = submitPanel().getByTestId('connection-form');
  await form.getByTestId('connection-url').fill(api.url);
  await form.getByTestId('connection-token').fill('ct_not-the-token');
  await form.getByTestId('connection-test').click();
  await expect(form.getByTestId('connection-message').getAttribute('data-kind')).resolves.toBe('tokenRefused');
  await expect(form.getByTestId('connection-message').innerText()).resolves.toContain('không nhận mã truy cập');
  await form.getByTestId('connection-token').fill(otherUnitToken);
  await form.getByTestId('connection-test').click();
  await form.getByTestId('connection-message').and(page.locator('[data-kind="tokenForbidden"]')).waitFor();
  await expect(form.getByTestId('connection-message').innerText()).resolves.toContain('bo-tai-chinh');
  await form.getByTestId('connection-token').fill(token);
  await form.getByTestId('connection-save').click();
  await form.getByTestId('connection-summary').waitFor();
  await expect(form.getByTestId('connection-url').count()).resolves.toBe(0);
  await form.getByTestId('connection-test').click();
  await form.getByTestId('connection-message').and(page.locator('[data-kind="ok"]')).waitFor();

  // The Gửi button is on screen without scrolling the pane.
  await pane().evaluate((p) => p.scrollTo(0, 0));
  expect(await inside(button, pane())).toBe(true);
  await expect(button.innerText()).resolves.toBe('Gửi');
  await shot('05-ready');
  await expectNamedControls('vi');

  await button.click();
  const receipt = submitPanel().getByTestId('submit-receipt');
  await receipt.waitFor({ timeout: 30_000 });
  await expect(receipt.getByTestId('receipt-number').innerText()).resolves.toBe('CT-2025-Q1-bo-y-te-v1');
  await shot('06-sent');
});

test('Gửi again with nothing changed: “Đã gửi, không có gì thay đổi”, no new version', async () => {
  await submitPanel().getByTestId('submit-button').click();
  const unchanged = submitPanel().getByTestId('submit-unchanged');
  await unchanged.waitFor();
  await expect(unchanged.innerText()).resolves.toContain('Đã gửi, không có gì thay đổi');
  await expect(unchanged.getByTestId('receipt-number').innerText()).resolves.toBe('CT-2025-Q1-bo-y-te-v1');
  expect((await latestOnServer()).version).toBe(1);
  await shot('07-unchanged');
});

test('server down: the pane says so in words; a correction while one waits is asked about, retries paused, never sent unasked', async () => {
  await api.stop();
  await page.locator(`[role="tablist"][aria-label="Sheets"] [data-sheet="${RETURN_SHEET}"]`).click();
  await typeInto(Q1_29, '46%');
  await readyToSend();
  await submitPanel().getByTestId('submit-button').click();
  const pending = submitPanel().getByTestId('submit-pending');
  await pending.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="submit-pending"]')?.getAttribute('data-attempts')) >= 1);
  const said = await pending.innerText();
  expect(said).toContain('máy chủ không trả lời');
  expect(said).not.toMatch(/Failed to fetch|HTTP \d|[0-9a-f]{8}-[0-9a-f]{4}-/);
  await shot('08-server-down');

  // Corrected again while the first correction waits: the person is asked, and nothing retries meanwhile.
  await typeInto(Q1_29, '47%');
  await readyToSend();
  await submitPanel().getByTestId('submit-button').click();
  const differs = submitPanel().getByTestId('submit-differs');
  await differs.waitFor();
  await expect(pending.innerText()).resolves.not.toContain('Tự động thử lại');
  await shot('09-asked');

  await api.restart();
  await differs.getByTestId('submit-replace-pending').click();
  const receipt = submitPanel().getByTestId('submit-receipt');
  await receipt.waitFor({ timeout: 30_000 });
  await expect(receipt.getByTestId('receipt-number').innerText()).resolves.toBe('CT-2025-Q1-bo-y-te-v2');
  // The 46% that waited was never sent: version 2 is the 47% the person chose.
  expect(await latestOnServer()).toEqual({ version: 2, value: 47 });
});

test('a reload keeps the workbook: the return, its figures and its receipt', async () => {
  await page.reload();
  await page.getByTestId('workbook-summary').getByText(/biểu của Bộ Y tế, năm 2025/).waitFor();
  expect(await namedValue(Q1_29)).toBe(0.47);
  expect(await namedValue(RECEIPT_NAMES.number)).toBe('CT-2025-Q1-bo-y-te-v2');
  await pane().getByRole('tab', { name: 'Gửi' }).click();
  await submitPanel().getByTestId('submit-last-receipt').getByText(/CT-2025-Q1-bo-y-te-v2/).waitFor();
});

test('in English: every step’s words, the saved-connection notice included; every control named in English', async () => {
  await submitPanel().getByTestId('connection-edit').click();
  await submitPanel().getByTestId('connection-save').click();
  await expect(submitPanel().getByTestId('connection-message').innerText()).resolves.toBe('Đã lưu.');
  await page.getByRole('button', { name: 'Switch the task pane to English' }).click();
  await expect(submitPanel().getByTestId('connection-message').innerText()).resolves.toBe('Saved.');
  await shot('05-ready', 'en');
  await expectNamedControls('en');

  await pane().getByRole('tab', { name: 'Create' }).click();
  await shot('02-created', 'en');
  await expectNamedControls('en');
  await pane().getByRole('tab', { name: 'Check' }).click();
  await checkPanel().getByTestId('check-return').click();
  await checkPanel().getByTestId('check-results').and(page.locator('[aria-busy="false"]')).waitFor();
  const texts = await checkPanel().getByTestId('flag').allInnerTexts();
  expect(texts.join('\n')).not.toMatch(/1\.2\.OTHER|CT_\d/);
  await shot('04-check-clean', 'en');
  await expectNamedControls('en');
  await page.getByRole('button', { name: 'Chuyển ngôn ngữ sang tiếng Việt' }).click();
});
