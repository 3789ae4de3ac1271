import ExcelJS from 'exceljs';
import { allRows, loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { tableCellName, type TableColumn } from '../../../src/domain/cellContract';
import { flagKey, type CheckResult, type Flag, type Severity } from '../../../src/domain/flags';
import type { ReturnData } from '../../../src/domain/returnData';
import { createExcelReturnWorkbook, type ReturnSource } from '../../../src/workbook/excel/returnWorkbook';
import { readDefinedNames } from '../../../src/workbook/xlsx/definedNames';
import { writeReturnFile } from '../../../src/workbook/xlsx/returnFile';
import type { Lang } from '../../../src/workbook/port';
import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';

export const catalogue = loadCatalogue();
export const units = loadUnits();
export const bundled = (): ReturnSource => ({ catalogue, units });
export const rowIds = allRows(catalogue).map((r) => r.id);

export const MINISTRY = 'bo-y-te';
export const SHEET = 'Phụ lục 01';
export const CHECK = 'Kiểm tra';
export const FIXED_NOW = new Date(2025, 3, 2, 9, 5);

/** A fake Excel host holding a freshly laid-out return, counters reset. */
export async function fakeReturn(unitId = MINISTRY, year = 2025, lang: Lang = 'vi'): Promise<FakeExcelHost> {
  const host = createFakeExcel();
  const created = await createExcelReturnWorkbook(host, bundled).createReturn({ unitId, year, lang, replace: false });
  if (created.status !== 'created') throw new Error('fixture: the return was not created');
  host.resetCounters();
  return host;
}

/** Where a contract name points in the fake workbook. */
export function nameAt(host: FakeExcelHost, name: string): { sheet: string; address: string } {
  const n = host.snapshot().names[name];
  if (!n?.sheet || !n.address) throw new Error(`fixture: no name ${name}`);
  return { sheet: n.sheet, address: n.address };
}

/** A person typing into named cells (protection and validation apply, as in Excel). */
export function typeInto(host: FakeExcelHost, entries: Record<string, string>): void {
  for (const [name, input] of Object.entries(entries)) {
    const { sheet, address } = nameAt(host, name);
    const result = host.editCell(sheet, address, input);
    if (!result.ok) throw new Error(`typing into ${name}: ${result.code} ${result.message}`);
  }
}

/**
 * One filled return, typed as a person would: the same entries go into the fake workbook
 * (as typed text) and into an ExcelJS file (as the values Excel would store).
 */
export const FILLED: Record<string, { typed: string; stored: ExcelJS.CellValue }> = {
  CT_QUARTER: { typed: '2', stored: 2 },
  CT_CONTACT_NAME: { typed: 'Nguyễn Văn A', stored: 'Nguyễn Văn A' },
  CT_CONTACT_EMAIL: { typed: 'khong-phai-email', stored: 'khong-phai-email' },
  [tableCellName('2.8', 'Q1')]: { typed: '12.5%', stored: 0.125 },
  [tableCellName('2.8', 'Q2')]: { typed: '150%', stored: 1.5 },
  [tableCellName('2.9', 'Q1')]: { typed: "'khoảng 6%", stored: 'khoảng 6%' },
  [tableCellName('2.9', 'Q2')]: { typed: "'abc", stored: 'abc' },
  [tableCellName('1.1', 'Q1')]: { typed: '14.9%', stored: 0.149 },
};

/** The ministry's Q1 return, complete and without errors (a warning and infos remain). */
export const CLEAN: Record<string, { typed: string; stored: ExcelJS.CellValue }> = {
  CT_QUARTER: { typed: '1', stored: 1 },
  CT_CONTACT_NAME: { typed: 'Nguyễn Thị Bình', stored: 'Nguyễn Thị Bình' },
  CT_CONTACT_TITLE: { typed: 'Chuyên viên', stored: 'Chuyên viên' },
  CT_CONTACT_ORG: { typed: 'Cục Công nghệ thông tin', stored: 'Cục Công nghệ thông tin' },
  CT_CONTACT_PHONE: { typed: "'0243 846 2131", stored: '0243 846 2131' },
  CT_CONTACT_EMAIL: { typed: 'binh@moh.gov.vn', stored: 'binh@moh.gov.vn' },
  ...Object.fromEntries(
    ['1.2.OTHER', '2.8', '2.9'].flatMap((id) => [
      [tableCellName(id, 'Q1'), { typed: '45%', stored: 0.45 }],
      [tableCellName(id, 'Q1_INTL'), { typed: 'Eurostat 2023: 52%', stored: 'Eurostat 2023: 52%' }],
    ]),
  ),
};

export type Entries = Record<string, { typed: string; stored: ExcelJS.CellValue }>;

export function typeFilled(host: FakeExcelHost, entries: Entries = FILLED): void {
  typeInto(host, Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.typed])));
}

export const stored = (entries: Entries): Record<string, ExcelJS.CellValue> => Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.stored]));

/** The return file the command line writes, filled with the same entries through ExcelJS. */
export async function filledReturnFile(unitId = MINISTRY, year = 2025, fill: Record<string, ExcelJS.CellValue> = stored(FILLED)): Promise<Buffer> {
  const bytes = await writeReturnFile({ unitId, year, lang: 'vi' });
  return editWorkbook(bytes, (wb) => {
    const names = readDefinedNames(wb);
    for (const [name, value] of Object.entries(fill)) {
      const at = names.get(name)!;
      wb.getWorksheet(at.sheetName)!.getCell(at.address).value = value;
    }
  });
}

export async function editWorkbook(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Flags chosen by the test, `count` of them over the table's cells, for checks whose size matters. */
export function syntheticValidate(count: number) {
  return (data: ReturnData): CheckResult => {
    const cells = rowIds.flatMap((id) => (['Q1', 'Q1_INTL', 'Q2', 'Q2_INTL', 'Q3', 'Q3_INTL', 'Q4', 'TY_INTL', 'T2025_INTL'] as TableColumn[]).map((c) => ({ id, c, name: tableCellName(id, c) })));
    const severities: Severity[] = ['error', 'warning', 'info'];
    const flags: Flag[] = Array.from({ length: count }, (_, i) => {
      const { id, c, name } = cells[i % cells.length]!;
      const rule = `test.rule${Math.floor(i / cells.length)}`;
      const at = data.locations[name];
      return {
        rule,
        severity: severities[i % 3]!,
        indicator: id,
        column: c,
        cellName: name,
        cell: at ? `'${at.sheet}'!${at.address}` : null,
        message: { vi: `Vấn đề ${i}`, en: `Problem ${i}` },
        suggestion: { vi: `Gợi ý ${i}`, en: `Suggestion ${i}` },
        key: flagKey(rule, name),
        // As the domain does: a warning or an info may be explained; an error must be corrected.
        ...(i % 3 !== 0 && data.justifications[flagKey(rule, name)] ? { justification: data.justifications[flagKey(rule, name)] } : {}),
      };
    });
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of flags) counts[f.severity]++;
    return { flags, assessment: [], quarter: 2, counts };
  };
}
