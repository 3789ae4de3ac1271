import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chitieu } from '../../support/runCli';
import ExcelJS from 'exceljs';
import { validateReturn } from '../../../src/domain/validate';
import { readReturnDataFast } from '../../../src/workbook/xlsx/fastReturn';
import { CHECK_SHEET_NAME, layoutCheckSheet } from '../../../src/workbook/excel/check/checkSheet';
import { catalogue, CLEAN, editWorkbook, filledReturnFile, MINISTRY, SHEET, stored, units } from './fixtures';


const NO_STACK = /^\s+at /m;
let dir: string;
let filled: Buffer;
beforeAll(async () => {
  filled = await filledReturnFile();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-validate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (name: string, bytes: Buffer | string) => {
  writeFileSync(path.join(dir, name), bytes);
  return name;
};

describe('chitieu validate', () => {
  it('a return with errors: exit 1, the flags and the assessment as JSON', async () => {
    const run = await chitieu(['validate', put('ret.xlsx', filled), '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { flags: Record<string, unknown>[]; assessment: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['flags', 'assessment']);
    expect(json.flags.length).toBeGreaterThan(0);
    for (const flag of json.flags) {
      expect(Object.keys(flag).filter((k) => k !== 'justification')).toEqual(['rule', 'severity', 'indicator', 'column', 'cell', 'message', 'suggestion']);
      expect(['error', 'warning', 'info']).toContain(flag.severity);
      expect(typeof flag.message).toBe('string');
      expect(typeof flag.suggestion).toBe('string');
    }
    expect(json.flags.some((f) => f.severity === 'error')).toBe(true);
    for (const a of json.assessment) {
      expect(Object.keys(a)).toEqual(['indicator', 'value', 'target', 'status', 'reason']);
      expect(['achieved', 'likely2024', 'likely2025', 'challenging']).toContain(a.status);
      expect(typeof a.reason).toBe('string');
    }
  });

  it('text names rows as the sheet does (“2,8”); JSON keeps the ids', async () => {
    const vi = await chitieu(['validate', put('ret.xlsx', filled)], dir);
    expect(vi.stdout).toMatch(/^ {2}\[2,8 · [A-Z]+\d+\] 2,8, Quý II: /m);
    expect(vi.stdout).not.toMatch(/\[2\.8 /);
    const json = JSON.parse((await chitieu(['validate', 'ret.xlsx', '--format', 'json'], dir)).stdout) as { flags: { indicator: string | null }[] };
    expect(json.flags.map((f) => f.indicator)).toContain('2.8');
  });

  it('text: grouped by severity with counts, then the assessment table; --lang en', async () => {
    const vi = await chitieu(['validate', put('ret.xlsx', filled)], dir);
    expect(vi.code).toBe(1);
    expect(vi.stdout).toMatch(/^ret\.xlsx: Bộ Y tế \(bo-y-te\), năm 2025, quý 2$/m);
    expect(vi.stdout).toMatch(/^Lỗi \(\d+\)$/m);
    expect(vi.stdout).toMatch(/^Kết quả: \d+ lỗi, \d+ cảnh báo, \d+ thông tin\.$/m);
    const en = await chitieu(['validate', 'ret.xlsx', '--lang', 'en'], dir);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/^Errors \(\d+\)$/m);
    expect(en.stdout).toMatch(/^Result: \d+ errors, \d+ warnings, \d+ information\.$/m);
    const json = JSON.parse((await chitieu(['validate', 'ret.xlsx', '--format', 'json', '--lang', 'en'], dir)).stdout) as { flags: { message: string }[] };
    expect(json.flags.every((f) => !/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỷỹđ]/i.test(f.message))).toBe(true);
  });

  it('a complete return: exit 0, even with warnings and information', async () => {
    const run = await chitieu(['validate', put('clean.xlsx', await filledReturnFile(MINISTRY, 2025, stored(CLEAN)))], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Cảnh báo \(1\)$/m);
    expect(run.stdout).not.toMatch(/^Lỗi/m);
    expect(run.stdout).toMatch(/^Kết quả: 0 lỗi, 1 cảnh báo, \d+ thông tin\.$/m);
    const json = JSON.parse((await chitieu(['validate', 'clean.xlsx', '--format', 'json'], dir)).stdout) as { flags: unknown[] };
    expect(json.flags.length).toBeGreaterThan(0);
  });

  it('--quarter checks another quarter than the one in the return', async () => {
    const run = await chitieu(['validate', put('clean.xlsx', await filledReturnFile(MINISTRY, 2025, stored(CLEAN))), '--quarter', '2', '--format', 'json', '--lang', 'en'], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { flags: { rule: string; message: string }[] };
    expect(json.flags.some((f) => /Q2/.test(f.message))).toBe(true);
  });

  it('gives a warning its justification from the file’s Kiểm tra sheet', async () => {
    const read = await readReturnDataFast(filled);
    if (!read.ok) throw new Error('fixture');
    const warning = validateReturn(read.data, { catalogue, units }).flags.find((f) => f.severity === 'warning')!;
    const layout = layoutCheckSheet({
      flags: [warning],
      counts: { error: 0, warning: 1, info: 0 },
      checkedAt: '2025-04-02 09:05',
      lang: 'vi',
      justifications: { [warning.key]: '- số liệu của Sở Y tế' },
      earlier: new Map(),
      locations: read.data.locations,
    });
    const bytes = await editWorkbook(filled, (wb) => {
      const sheet = wb.addWorksheet(CHECK_SHEET_NAME);
      layout.rows.forEach((row, i) => row.forEach((v, j) => (sheet.getCell(i + 1, j + 1).value = v.startsWith('=') ? { formula: v.slice(1) } : v || null)));
    });
    const run = await chitieu(['validate', put('justified.xlsx', bytes), '--format', 'json'], dir);
    const json = JSON.parse(run.stdout) as { flags: { rule: string; cell: string; justification?: string }[] };
    expect(json.flags.find((f) => f.rule === warning.rule && f.cell === warning.cell)!.justification).toBe('- số liệu của Sở Y tế');
    expect(json.flags.filter((f) => f.justification)).toHaveLength(1);
    const text = await chitieu(['validate', 'justified.xlsx'], dir);
    expect(text.stdout).toContain('Giải trình: - số liệu của Sở Y tế');
  });

  it('a file that is no return: exit 2 and the reason, in the chosen language', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'budget';
    const other = put('budget.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const vi = await chitieu(['validate', other], dir);
    expect(vi).toMatchObject({ code: 2, stdout: '' });
    expect(vi.stderr).toContain('Tệp budget.xlsx không đọc được như một báo cáo Phụ lục 01: Sổ tính này không chứa biểu Phụ lục 01');
    expect(vi.stderr).not.toMatch(NO_STACK);
    const en = await chitieu(['validate', other, '--lang', 'en'], dir);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('budget.xlsx cannot be read as an Appendix 01 return: This workbook holds no Appendix 01 return');
  });

  it('a file that is no .xlsx, or no file: exit 2 and the reason', async () => {
    const notXlsx = await chitieu(['validate', put('notes.xlsx', 'just some text'), '--lang', 'en'], dir);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toBe('Error: Cannot read notes.xlsx: Not an Excel .xlsx file (an .xlsx is a zip file; this one is not): save it from Excel as .xlsx.\n');
    expect(notXlsx.stderr).not.toMatch(NO_STACK);
    const missing = await chitieu(['validate', 'nowhere.xlsx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('Lỗi: Không đọc được tệp nowhere.xlsx: không có tệp này.\n');
  });

  it('a damaged return (its sheet deleted): exit 2, saying how to repair it', async () => {
    const bytes = await editWorkbook(filled, (wb) => {
      wb.addWorksheet('Sheet2');
      wb.removeWorksheet(wb.getWorksheet(SHEET)!.id);
    });
    const run = await chitieu(['validate', put('damaged.xlsx', bytes)], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/trỏ tới #REF! — trang chứa biểu đã bị xóa hoặc đổi; hãy tạo lại biểu/);
  });

  it('a wrong option: exit 1 with a sentence, as every command', async () => {
    const run = await chitieu(['validate', put('ret.xlsx', filled), '--quarter', '7'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Quý "7" không hợp lệ');
  });
});
