/**
 * The flow a reporter clicks through, in Debian's chromium against the production build of the
 * preview page (the real task pane beside the fake Excel host): choose a unit by typing, choose a
 * year, create the return, type a figure, then create again and replace, keeping a backup sheet.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { loadCatalogue, loadUnits, allRows, findUnit } from '../../src/catalogue/load';
import { tableCellName } from '../../src/domain/cellContract';
import { label } from '../../src/layout/labels';
import { targetText } from '../../src/layout/targetDisplay';
import type { FakeExcelHost } from '../fakes/fakeExcel';
import { ROOT, buildProduction, initialJsSize, type BuildSummary } from './build';
import { launchChromium } from './browser';
import { serveDirectory, type StaticServer } from './staticServer';
import { sttOf } from '../../src/layout/rowLabel';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const SHEET = label('sheetName', 'vi');
const BACKUP = `${SHEET} (${label('backupSuffix', 'vi')})`;
const YEAR = 2023;
const UNIT_ID = 'bo-y-te';

jest.setTimeout(60_000);

let server: StaticServer;
let browser: Browser;
let page: Page;
let build: BuildSummary;

beforeAll(async () => {
  // Chromium first: when it is missing the test fails at once with the fix, before a build.
  browser = await launchChromium();
  build = buildProduction(path.join(OUT, 'dist'));
  server = await serveDirectory(build.outputPath);
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/preview.html`);
  await page.getByTestId('workbook-summary').getByText('Sổ tính chưa có biểu Phụ lục 01.').waitFor();
  expect(problems).toEqual([]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Reads the fake workbook through the page, by defined name: where the product put a value. */
async function namedAddress(name: string): Promise<string> {
  return page.evaluate((n) => {
    const host = (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost;
    return host.snapshot().names[n]!.address!;
  }, name);
}

const cell = (address: string) => page.locator(`[data-grid-sheet="${SHEET}"] td[data-address="${address}"]`);
const gridText = (text: string) => page.locator(`[data-grid-sheet="${SHEET}"] td`, { hasText: text });
/** The fake host is en-US: "15.5%"; the catalogue prints Vietnamese "15,5%". Either reads as right. */
const sameFigure = (a: string, b: string) => a.replace(',', '.').trim() === b.replace(',', '.').trim();

test('a reporter picks a unit by typing, picks the year and creates the return', async () => {
  const catalogue = loadCatalogue();
  const unit = findUnit(loadUnits(), UNIT_ID)!;

  const unitBox = page.getByRole('combobox', { name: /Đơn vị báo cáo/ });
  await unitBox.click();
  await unitBox.pressSequentially('Y tế');
  await page.getByRole('option', { name: unit.name.vi, exact: true }).click();
  await expect(unitBox.inputValue()).resolves.toBe(unit.name.vi);

  await page.getByRole('combobox', { name: /Năm báo cáo/ }).click();
  await page.getByRole('option', { name: String(YEAR), exact: true }).click();

  await page.getByRole('button', { name: 'Tạo biểu mẫu' }).click();
  await expect(page.getByTestId('flow-success').innerText()).resolves.toContain(`“${SHEET}”`);

  // The sheet as the form prints it.
  await expect(page.locator(`[data-sheet="${SHEET}"]`).getAttribute('aria-selected')).resolves.toBe('true');
  await gridText('PHỤ LỤC 01').first().waitFor();
  await gridText(`Năm ${YEAR}`).first().waitFor();
  await gridText(`Mục tiêu ${catalogue.horizonYear}`).first().waitFor();

  // 1.1's targets, as the catalogue gives them.
  const row11 = allRows(catalogue).find((r) => r.id === '1.1')!;
  for (const [column, year] of [['TY', YEAR], ['T2025', catalogue.horizonYear]] as const) {
    const targets = row11.targets[String(year)]!;
    const expected = targetText(targets.variants[targets.applied]!, 'vi');
    const shown = await cell(await namedAddress(tableCellName('1.1', column))).innerText();
    expect(sameFigure(shown, expected)).toBe(true);
  }

  // Every row the unit must report has editable figure cells; typing one goes into the workbook.
  for (const rowId of unit.fills) {
    await expect(cell(await namedAddress(tableCellName(rowId, 'Q1'))).getAttribute('data-locked')).resolves.toBe('false');
  }
  await expect(page.getByTestId('sync-count').getAttribute('data-count')).resolves.not.toBe('0');
  await page.locator(`[data-grid-sheet="${SHEET}"]`).evaluate((el) => el.scrollTo(0, 0));
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'preview-created.png') });

  // A locked cell on the protected sheet refuses, visibly.
  await cell('A1').dblclick();
  await page.getByTestId('refusal').waitFor();

  const target = await namedAddress(tableCellName(unit.fills[0]!, 'Q1'));
  await cell(target).scrollIntoViewIfNeeded();
  await cell(target).click();
  await page.getByTestId('input-prompt').waitFor();
  // The prompt names the row by the sheet's STT ("1,2"), not its id.
  await expect(page.getByTestId('input-prompt').innerText()).resolves.toContain(sttOf(unit.fills[0]!.split('.').slice(0, 2).join('.'), 'vi'));
  await page.locator('input.editor').fill('12.5');
  await page.keyboard.press('Enter');
  await expect(cell(target).innerText()).resolves.toMatch(/^12[.,]50?%$/);
  await expect(page.getByTestId('edit-error').count()).resolves.toBe(0);
  await cell(target).click();
  await page.screenshot({ path: path.join(OUT, 'preview-input.png') });
  await page.keyboard.press('Escape');
});

test('creating again asks first; cancel changes nothing, replace keeps the old sheet as a backup', async () => {
  const unit = findUnit(loadUnits(), UNIT_ID)!;
  const create = page.getByRole('button', { name: 'Tạo biểu mẫu' });

  await create.click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  const text = await dialog.innerText();
  expect(text).toContain(unit.name.vi);
  expect(text).toContain(String(YEAR));
  expect(text).toContain('1 ô nhập liệu');
  expect(text).toContain('sao lưu');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await page.getByTestId('flow-cancelled').waitFor();
  await expect(page.locator('[data-sheet]').count()).resolves.toBe(2);

  await create.click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Thay thế' }).click();
  await expect(page.getByTestId('flow-success').innerText()).resolves.toContain(`“${BACKUP}”`);
  await page.locator(`[data-sheet="${BACKUP}"]`).waitFor();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  await page.screenshot({ path: path.join(OUT, 'preview-replaced.png') });

  // The backup still holds what was typed.
  const typed = await page.evaluate(
    ([backup]) => {
      const host = (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost;
      const snapshot = host.snapshot().sheets.find((s) => s.name === backup)!;
      return Object.values(snapshot.cells).filter((c) => c.value === 0.125).length;
    },
    [BACKUP],
  );
  expect(typed).toBe(1);
});

test('the pane switches to English and back', async () => {
  await page.getByRole('button', { name: 'Switch the task pane to English' }).click();
  await page.getByRole('button', { name: 'Create return' }).waitFor();
  await page.getByRole('combobox', { name: /Reporting unit/ }).waitFor();
  await page.getByRole('button', { name: 'Chuyển ngôn ngữ sang tiếng Việt' }).click();
  await page.getByRole('button', { name: 'Tạo biểu mẫu' }).waitFor();
});

test('the task pane loads no ExcelJS up front (dynamic import only)', () => {
  expect(initialJsSize(build, 'taskpane').excelJsModules).toEqual([]);
});
