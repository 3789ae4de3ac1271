/**
 * Tổng hợp (Aggregate) as the department uses it, in Debian's chromium against the production
 * build of the preview page: three returned .xlsx files (written by the real ExcelJS writer and
 * filled as Excel stores values) and one stray file in a folder, picked in the tab, read one by
 * one in the browser (progress shown), summarised and written into the fake workbook; the
 * "Tổng hợp" sheet appears in the grid with Bộ Tài chính's 1.1 figure as the national one.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { tableCellName } from '../../src/domain/cellContract';
import { filledReturn } from '../../scripts/lib/filledReturns';
import type { FakeExcelHost } from '../fakes/fakeExcel';
import { ROOT, buildProduction } from './build';
import { launchChromium } from './browser';
import { serveDirectory, type StaticServer } from './staticServer';
import { chooseRole } from './previewGrid';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const SUMMARY = 'Tổng hợp';

jest.setTimeout(120_000);

let server: StaticServer;
let browser: Browser;
let page: Page;
let dir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-aggregate-'));
  const files: [string, Buffer][] = await Promise.all([
    filledReturn('bo-tai-chinh', { year: 2025, quarter: 2, cells: { [tableCellName('1.1', 'Q1')]: 0.18, [tableCellName('1.1', 'Q2')]: 0.195 } }).then((b) => ['bo-tai-chinh-q2.xlsx', b] as [string, Buffer]),
    filledReturn('bo-y-te', { year: 2025, quarter: 2, seed: 1 }).then((b) => ['bo-y-te-q2.xlsx', b] as [string, Buffer]),
    filledReturn('bo-cong-thuong', { year: 2025, quarter: 2, seed: 2 }).then((b) => ['bo-cong-thuong-q2.xlsx', b] as [string, Buffer]),
  ]);
  for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
  fs.writeFileSync(path.join(dir, 'bang-tinh-khac.xlsx'), Buffer.from('PK not really a workbook'));
  const build = buildProduction(path.join(OUT, 'dist-aggregate'));
  server = await serveDirectory(build.outputPath);
  page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/preview.html`);
  await page.getByTestId('workbook-summary').waitFor();
  fs.mkdirSync(OUT, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => expect(pageErrors).toEqual([]));

const panel = () => page.getByTestId('aggregate-panel');

test('the department aggregates four picked files: three returns used, one listed with its reason', async () => {
  await chooseRole(page, 'Cơ quan tổng hợp');
  await page.getByRole('tab', { name: 'Tổng hợp' }).click();
  await panel().waitFor();
  await panel().getByRole('combobox', { name: 'Năm' }).click();
  await page.getByRole('option', { name: '2025', exact: true }).click();
  await panel().getByRole('combobox', { name: 'Quý' }).click();
  await page.getByRole('option', { name: 'Quý 2', exact: true }).click();

  const names = fs.readdirSync(dir).sort();
  await panel().getByTestId('aggregate-files').setInputFiles(names.map((n) => path.join(dir, n)));
  await panel().getByText('Đã chọn 4 tệp.').waitFor();

  // Record every progress line the bar shows while the files are read.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="aggregate-panel"]')?.textContent ?? '';
      const m = /Đang đọc \d+\/\d+: [^\s]+\.xlsx/.exec(text);
      if (m && seen[seen.length - 1] !== m[0]) seen.push(m[0]);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await panel().getByTestId('aggregate-run').click();
  const result = panel().getByTestId('aggregate-result');
  await result.waitFor({ timeout: 60_000 });

  const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(progress).toEqual(names.map((n, i) => `Đang đọc ${i + 1}/4: ${n}`));
  await expect(result.getAttribute('data-used')).resolves.toBe('3');
  await expect(result.getAttribute('data-skipped')).resolves.toBe('1');
  expect(Number(await result.getAttribute('data-syncs'))).toBeLessThanOrEqual(3);
  await expect(panel().getByTestId('aggregate-skipped-list').innerText()).resolves.toContain('bang-tinh-khac.xlsx: Không đọc được');
  await page.screenshot({ path: path.join(OUT, 'aggregate-result.png') });
  await page.locator('aside.pane').screenshot({ path: path.join(OUT, 'aggregate-result-pane.png') });
});

test('the summary sheet is shown in the grid with the national 1.1 figure and its progress', async () => {
  const grid = page.locator(`[data-grid-sheet="${SUMMARY}"]`);
  await grid.waitFor();
  const nameCell = grid.locator('td', { hasText: '1.1. Tỷ trọng kinh tế số trên GDP' }).first();
  const address = (await nameCell.getAttribute('data-address'))!;
  const row = /\d+$/.exec(address)![0];
  await expect(grid.locator(`td[data-address="C${row}"]`).innerText()).resolves.toBe('18.00%');
  await expect(grid.locator(`td[data-address="D${row}"]`).innerText()).resolves.toBe('19.50%');
  // Progress toward the 2025 target of 20%: 19.5 / 20.
  await expect(grid.locator(`td[data-address="G${row}"]`).innerText()).resolves.toBe('98%');
  await expect(grid.locator(`td[data-address="K${row}"]`).innerText()).resolves.toBe('Bộ Tài chính');

  // The fake workbook holds the three sheets, the progress data bars and the chart.
  const state = await page.evaluate(() => {
    const fake = (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost;
    const sheet = fake.model.sheets.find((s) => s.name === 'Tổng hợp')!;
    return {
      sheets: fake.snapshot().sheets.map((s) => s.name),
      bars: sheet.conditionalFormats.filter((c) => c.type === 'DataBar').length,
      charts: sheet.charts.map((c) => c.type),
    };
  });
  expect(state.sheets).toEqual(expect.arrayContaining(['Tổng hợp', 'Đầy đủ, đúng hạn', 'Nội dung']));
  expect(state.bars).toBe(1);
  expect(state.charts).toEqual(['ColumnClustered']);
  await nameCell.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'aggregate-summary.png') });
});

test('a whole folder can be picked instead, and building again replaces the summary', async () => {
  await panel().getByRole('combobox', { name: 'Lấy báo cáo từ' }).click();
  await page.getByRole('option', { name: 'Một thư mục', exact: true }).click();
  await panel().getByTestId('aggregate-folder').setInputFiles(dir);
  await panel().getByText('Đã chọn 4 tệp.').waitFor();
  await panel().getByTestId('aggregate-run').click();
  const result = panel().getByTestId('aggregate-result');
  await result.waitFor({ timeout: 60_000 });
  await expect(result.getAttribute('data-used')).resolves.toBe('3');
  const sheets = await page.evaluate(() => (window as unknown as { __chitieuHost: FakeExcelHost }).__chitieuHost.snapshot().sheets.map((s) => s.name));
  expect(sheets.filter((s) => s === 'Tổng hợp')).toHaveLength(1);
  expect(sheets.some((s) => s.startsWith('~chitieu'))).toBe(false);
});
