/**
 * The Kiểm tra (Check) panel as a reporter uses it, in Debian's chromium against the production
 * build of the preview page: check an empty workbook, create Bộ Y tế's 2023 return, type bad
 * figures into the grid, check, go to a flagged cell from its flag, fix it, check again, justify
 * a warning, then clear every error and acknowledge the remaining warnings until the return may
 * be sent. The fake host is en-US, so a percent is typed "12.5%" ("12,5%" stays text there).
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { tableCellName } from '../../src/domain/cellContract';
import type { FakeExcelHost } from '../fakes/fakeExcel';
import { ROOT, buildProduction } from './build';
import { launchChromium } from './browser';
import { RETURN_SHEET, previewGrid } from './previewGrid';
import { serveDirectory, type StaticServer } from './staticServer';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const SHEET = RETURN_SHEET;
const CHECK_SHEET = 'Kiểm tra';
const Q1_28 = tableCellName('2.8', 'Q1');
const Q1_29 = tableCellName('2.9', 'Q1');
const Q3_28 = tableCellName('2.8', 'Q3');
const Q1_OTHER = tableCellName('1.2.OTHER', 'Q1');
const INTL_28 = tableCellName('2.8', 'Q1_INTL');

jest.setTimeout(90_000);

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // Chromium first: when it is missing the test fails at once with the fix, before a build.
  browser = await launchChromium();
  const build = buildProduction(path.join(OUT, 'dist-check'));
  server = await serveDirectory(build.outputPath);
  page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/preview.html`);
  await page.getByTestId('workbook-summary').getByText('Sổ tính chưa có biểu Phụ lục 01.').waitFor();
  fs.mkdirSync(OUT, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => expect(pageErrors).toEqual([]));

const { cell, namedAddress, typeInto, createReturn, typeFocalPoint } = previewGrid(() => page);
const panel = () => page.getByTestId('check-panel');
const checkButton = () => panel().getByTestId('check-return');
const flagFor = (key: string): Locator => panel().locator(`[data-testid="flag"][data-flag-key="${key}"]`);
const count = async (severity: string) => Number(await panel().getByTestId(`count-${severity}`).getAttribute('data-count'));
/** The preview's name box shows the selected cell, as Excel's does. */
const selectedCell = (address: string) =>
  page.waitForFunction((a) => document.querySelector('[data-testid="name-box"]')?.textContent === a, address);

/** Presses Kiểm tra and waits for the check to finish. */
async function runCheck(): Promise<void> {
  await checkButton().click();
  await panel().getByText('Đang kiểm tra biểu…').waitFor({ state: 'detached' });
  await expect(checkButton().isEnabled()).resolves.toBe(true);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `check-${name}.png`) });
  await page.locator('aside.pane').screenshot({ path: path.join(OUT, `check-${name}-pane.png`) });
}

test('checking a workbook without a return says it cannot be read, as an error', async () => {
  await page.getByRole('tab', { name: 'Kiểm tra' }).click();
  await panel().getByText('Sổ tính chưa có biểu: hãy tạo biểu trước.').waitFor();
  await expect(checkButton().innerText()).resolves.toBe('Kiểm tra');
  await runCheck();
  const unreadable = panel().getByTestId('check-unreadable');
  await unreadable.waitFor();
  await expect(checkButton().innerText()).resolves.toBe('Kiểm tra lại');
  await expect(unreadable.innerText()).resolves.toContain('Không đọc được biểu');
  await page.getByRole('tab', { name: 'Tạo biểu' }).click();
});

test('a reporter creates the return and types a quarter, the focal point and some bad figures', async () => {
  await createReturn('Y tế', 'Bộ Y tế', 2023);
  await typeInto('CT_QUARTER', '1');
  await typeFocalPoint({ name: 'Nguyễn Thị Lan', title: 'Chuyên viên', org: 'Cục Công nghệ thông tin, Bộ Y tế', phone: '024 6273 2273', email: 'lan.nt@moh.gov.vn' });
  await typeInto(Q1_28, 'abc');
  // The figure cells' validation warns but accepts, as Excel's "Warning" alert does.
  await page.getByTestId('edit-error').waitFor();
  await typeInto(Q1_29, '150');
  await typeInto(Q3_28, '20%');
  await expect(cell(await namedAddress(Q1_29)).innerText()).resolves.toBe('150.00%');
});

test('Kiểm tra lists the errors with their counts, and sending is blocked', async () => {
  await page.getByRole('tab', { name: 'Kiểm tra' }).click();
  await runCheck();
  await panel().getByTestId('check-results').waitFor();

  expect(await count('error')).toBe(4);
  expect(await count('warning')).toBe(0);
  await expect(panel().getByTestId('submit-status').innerText()).resolves.toContain('Còn 4 lỗi: chưa thể gửi');
  await expect(panel().getByTestId('submit-status').getAttribute('data-can-submit')).resolves.toBe('false');
  await expect(panel().getByTestId('flags-error').locator('h3').innerText()).resolves.toBe('Lỗi (4)');

  for (const key of [`figure.notANumber:${Q1_28}`, `figure.outOfRange:${Q1_29}`, `figure.laterQuarter:${Q3_28}`, `figure.missing:${Q1_OTHER}`]) {
    await expect(flagFor(key).getAttribute('data-severity')).resolves.toBe('error');
  }
  const notANumber = await flagFor(`figure.notANumber:${Q1_28}`).innerText();
  // The sheet's STT, not the row id.
  expect(notANumber).toContain('2,8');
  expect(notANumber).toContain('“abc”');
  expect(notANumber).toContain('Cách xử lý:');
  // The 2025 outlook, with the plan's wording.
  await expect(panel().getByTestId('assessment').locator('tr[data-indicator="2.8"]').innerText()).resolves.toContain('Thách thức');
  await shot('errors');
});

test('a flag takes the person to its cell, by click and by keyboard', async () => {
  const address = await namedAddress(Q1_28);
  await flagFor(`figure.notANumber:${Q1_28}`).getByTestId('flag-target').click();
  await selectedCell(address);

  const other = await namedAddress(Q3_28);
  await flagFor(`figure.laterQuarter:${Q3_28}`).getByTestId('flag-target').focus();
  await page.keyboard.press('Enter');
  await selectedCell(other);
});

test('fixing the figure and checking again removes its flag', async () => {
  await typeInto(Q1_28, '12.5%');
  await expect(cell(await namedAddress(Q1_28)).innerText()).resolves.toBe('12.50%');
  await runCheck();
  await expect(flagFor(`figure.notANumber:${Q1_28}`).count()).resolves.toBe(0);
  expect(await count('error')).toBe(3);
  // A figure without its international comparison is a warning the unit may justify.
  await expect(flagFor(`intl.missing:${INTL_28}`).getAttribute('data-severity')).resolves.toBe('warning');
});

test('a justified warning shows its justification, is kept in the workbook and survives a re-check', async () => {
  const warning = flagFor(`intl.missing:${INTL_28}`);
  const text = 'Chưa có chuỗi số liệu quốc tế tương đương cho năm 2023; sẽ bổ sung khi Eurostat công bố.';
  await warning.getByRole('button', { name: 'Giải trình', exact: true }).click();
  await warning.getByRole('textbox').fill(text);
  await warning.getByRole('button', { name: 'Lưu giải trình' }).click();
  await warning.getByTestId('justified-badge').waitFor();
  await expect(warning.getByTestId('justification').innerText()).resolves.toBe(text);

  const stored = await page.evaluate((sheet) => {
    const fake = (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost;
    return Object.values(fake.snapshot().sheets.find((s) => s.name === sheet)!.cells).map((c) => c.value);
  }, CHECK_SHEET);
  expect(stored).toContain(text);

  await runCheck();
  await expect(flagFor(`intl.missing:${INTL_28}`).getByTestId('justification').innerText()).resolves.toBe(text);
  await expect(flagFor(`intl.missing:${INTL_28}`).getByText('đã giải trình').count()).resolves.toBe(1);
  await flagFor(`intl.missing:${INTL_28}`).scrollIntoViewIfNeeded();
  await shot('justified');
});

test('with every error fixed and every warning justified or acknowledged, the return may be sent', async () => {
  await typeInto(Q1_29, '15.5%');
  await typeInto(Q1_OTHER, '4%');
  // Removing the later quarter's figure: select the cell and press Delete, as in Excel.
  const later = cell(await namedAddress(Q3_28));
  await later.click();
  await page.locator('input.editor').press('Escape');
  await page.keyboard.press('Delete');
  await expect(later.innerText()).resolves.toBe('');

  await runCheck();
  expect(await count('error')).toBe(0);
  await expect(panel().getByTestId('submit-status').innerText()).resolves.toMatch(/^Còn \d+ cảnh báo chưa giải trình hoặc xác nhận\.$/);
  await expect(panel().getByTestId('submit-status').getAttribute('data-can-submit')).resolves.toBe('false');

  const open = panel().locator('[data-testid="flag"][data-severity="warning"]').filter({ hasNot: page.getByTestId('justified-badge') });
  for (const checkbox of await open.getByRole('checkbox', { name: 'Đã xem xét, không cần giải trình' }).all()) await checkbox.check();
  await expect(panel().getByTestId('submit-status').innerText()).resolves.toBe('Không còn lỗi: biểu có thể gửi.');
  await expect(panel().getByTestId('submit-status').getAttribute('data-can-submit')).resolves.toBe('true');
  await panel().getByTestId('check-counts').scrollIntoViewIfNeeded();
  await shot('ready');
});

test('the panel reads in English', async () => {
  await page.getByRole('button', { name: 'Switch the task pane to English' }).click();
  await panel().getByTestId('check-counts').getByText('Warnings').waitFor();
  await expect(panel().getByTestId('submit-status').innerText()).resolves.toBe('No errors left: the return can be sent.');
  await expect(panel().getByTestId('check-return').innerText()).resolves.toBe('Check again');
  await panel().getByTestId('assessment').getByRole('columnheader', { name: '2025 target' }).waitFor();
  await shot('english');
  await panel().getByTestId('assessment').scrollIntoViewIfNeeded();
  await page.locator('aside.pane').screenshot({ path: path.join(OUT, 'check-assessment-pane.png') });
  await page.getByRole('button', { name: 'Chuyển ngôn ngữ sang tiếng Việt' }).click();
});

test('another quarter can be checked instead of the return’s own', async () => {
  const quarter = panel().getByRole('combobox', { name: 'Quý kiểm tra' });
  await expect(quarter.innerText()).resolves.toBe('Theo biểu (quý 1)');
  await quarter.click();
  await page.getByRole('option', { name: 'Quý 2', exact: true }).click();
  await runCheck();
  await panel().getByText('Đã kiểm tra quý 2.').waitFor();
  // Nothing is typed for Quý II yet: the rows Bộ Y tế must report are missing it.
  await expect(flagFor(`figure.missing:${tableCellName('2.8', 'Q2')}`).getAttribute('data-severity')).resolves.toBe('error');
  await quarter.click();
  await page.getByRole('option', { name: 'Theo biểu (quý 1)' }).click();
  await runCheck();
  await panel().getByText('Đã kiểm tra quý 1.').waitFor();
});
