/**
 * `chitieu merge` as a person runs it (its own process): a folder of good returns with a file that
 * is no return, a truncated workbook, a text file named .xlsx and Excel's lock file → the summary
 * is written, every bad file is listed with its reason, the exit code is 0 (files skipped are
 * reported, they never stop the rest); no overwrite without --force; no .xlsx at all is exit 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SUMMARY_SHEET_NAMES } from '../../../src/layout/summaryPlan';
import { chitieu } from '../../support/runCli';
import { filledReturn } from '../../../scripts/lib/filledReturns';

jest.setTimeout(120_000);

let dir: string;
const UNITS = ['bo-tai-chinh', 'bo-y-te', 'bo-cong-thuong'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-merge-'));
  const returns = path.join(dir, 'returns');
  require('node:fs').mkdirSync(returns);
  for (const [i, unit] of UNITS.entries()) writeFileSync(path.join(returns, `${unit}.xlsx`), await filledReturn(unit, { year: 2025, quarter: 2, seed: i }));
  const good = readFileSync(path.join(returns, `${UNITS[0]}.xlsx`));
  writeFileSync(path.join(returns, 'cut.xlsx'), good.subarray(0, good.length >> 1));
  writeFileSync(path.join(returns, 'notes.xlsx'), 'Ghi chú: đây là tệp văn bản.\n');
  writeFileSync(path.join(returns, '~$bo-y-te.xlsx'), 'lock');
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet('Danh sách').getCell('A1').value = 'không phải biểu';
  writeFileSync(path.join(returns, 'list.xlsx'), Buffer.from(await plain.xlsx.writeBuffer()));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chitieu merge', () => {
  it('writes the summary from the good returns and lists every bad file with its reason (exit 0)', async () => {
    const run = await chitieu(['merge', 'returns', '--year', '2025', '--quarter', '2', '--out', 'summary.xlsx', '--lang', 'en'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote the summary: ${path.join(dir, 'summary.xlsx')}`);
    expect(run.stdout).toContain('Q2 2025: 3 returns used; not used: 3 files could not be read.');
    expect(run.stdout).toMatch(/returns\/cut\.xlsx: Cannot be read: Damaged zip/);
    expect(run.stdout).toMatch(/returns\/notes\.xlsx: Cannot be read: Not an Excel \.xlsx file/);
    expect(run.stdout).toMatch(/returns\/list\.xlsx: Not a readable Appendix 01 return: This workbook holds no Appendix 01 return/);
    expect(run.stdout).not.toContain('~$');
    expect(run.stdout).toMatch(/Indicators with differing figures from several units: \d+\./);
    expect(run.stdout).toMatch(/Units that have not sent their Q2 return: \d+\./);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'summary.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining([SUMMARY_SHEET_NAMES.summary.en]));
  });

  it('reports in JSON, in Vietnamese by default', async () => {
    const run = await chitieu(['merge', 'returns', '--year', '2025', '--quarter', '2', '--out', 'summary-json.xlsx', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { used: number; skipped: { file: string; kind: string; reason: string }[]; conflicts: number; missingUnits: string[] };
    expect(report.used).toBe(3);
    expect(report.skipped.map((s) => s.file).sort()).toEqual(['returns/cut.xlsx', 'returns/list.xlsx', 'returns/notes.xlsx']);
    expect(report.skipped.find((s) => s.file === 'returns/notes.xlsx')!.reason).toMatch(/^Không đọc được: Không phải tệp Excel \.xlsx/);
    expect(report.skipped.every((s) => s.kind === 'failed')).toBe(true);
    expect(report.missingUnits).not.toContain('bo-tai-chinh');
  });

  it('reads the same with worker threads as without', async () => {
    const a = await chitieu(['merge', 'returns', '--year', '2025', '--quarter', '2', '--out', 'a.xlsx', '--format', 'json', '--threads', '0'], dir);
    const b = await chitieu(['merge', 'returns', '--year', '2025', '--quarter', '2', '--out', 'b.xlsx', '--format', 'json', '--threads', '2'], dir);
    expect(b.code).toBe(0);
    const strip = (text: string) => ({ ...JSON.parse(text), out: undefined });
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
  });

  it('never overwrites without --force, and says so (exit 1)', async () => {
    const before = readFileSync(path.join(dir, 'summary.xlsx'));
    const run = await chitieu(['merge', 'returns', '--year', '2025', '--quarter', '2', '--out', 'summary.xlsx', '--lang', 'en'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists');
    expect(readFileSync(path.join(dir, 'summary.xlsx')).equals(before)).toBe(true);
    const forced = await chitieu(['merge', 'returns', '--year', '2025', '--quarter', '2', '--out', 'summary.xlsx', '--force'], dir);
    expect(forced.code).toBe(0);
  });

  it('exit 1 when there is no .xlsx file to read, or a bad quarter', async () => {
    require('node:fs').mkdirSync(path.join(dir, 'empty'));
    const none = await chitieu(['merge', 'empty', '--year', '2025', '--quarter', '2', '--out', 'x.xlsx', '--lang', 'en'], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No .xlsx file was found');
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
    const bad = await chitieu(['merge', 'returns', '--year', '2025', '--quarter', '5', '--out', 'x.xlsx', '--lang', 'en'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a quarter');
  });
});
