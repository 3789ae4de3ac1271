/**
 * Filled return files, many and fast, for `npm run bench:merge` and the merge tests: one template
 * per unit from the real writer, filled with ExcelJS as a person's Excel would store the values
 * (numbers in percent cells, text where text was typed), then copied with small changes made in
 * the zip directly (a figure's stored value), so a thousand files take seconds, not minutes.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillsForYear, loadUnits, unitsForYear } from '../../src/catalogue/load';
import type { ReportingUnit } from '../../src/catalogue/schema';
import { HEADER_NAMES, NARRATIVE_NAMES, tableCellName, type TableColumn } from '../../src/domain/cellContract';
import { readDefinedNames } from '../../src/workbook/xlsx/definedNames';
import { writeReturnFile } from '../../src/workbook/xlsx/returnFile';

export interface FilledReturnOptions {
  year: number;
  quarter: number;
  /** A number from which the figures are derived (the same seed gives the same file). */
  seed?: number;
  /** Extra cells by contract name (stored values, as ExcelJS takes them); override the defaults. */
  cells?: Record<string, ExcelJS.CellValue>;
  /** Number formats to set by contract name (e.g. a provisional mark). */
  formats?: Record<string, string>;
}

const INTL: Record<number, TableColumn> = { 1: 'Q1_INTL', 2: 'Q2_INTL', 3: 'Q3_INTL', 4: 'TY_INTL' };

/** The cells a complete return of `unit` holds for quarters 1..quarter: every figure it must give, with its comparison. */
export function defaultCells(unit: ReportingUnit, year: number, quarter: number, seed = 0): Record<string, ExcelJS.CellValue> {
  const cells: Record<string, ExcelJS.CellValue> = {
    [HEADER_NAMES.quarter]: quarter,
    [HEADER_NAMES.contactName]: 'Nguyễn Thị Bình',
    [HEADER_NAMES.contactTitle]: 'Chuyên viên',
    [HEADER_NAMES.contactOrg]: `Văn phòng ${unit.name.vi}`,
    [HEADER_NAMES.contactPhone]: '0243 846 2131',
    [HEADER_NAMES.contactEmail]: 'binh@example.gov.vn',
    [NARRATIVE_NAMES.trend]: `Xu hướng tăng đều (${unit.id}).`,
    [NARRATIVE_NAMES.international]: 'So sánh với ASEAN: ở mức trung bình.',
    [NARRATIVE_NAMES.difficulties]: 'Thiếu số liệu điều tra.',
    [NARRATIVE_NAMES.proposals]: `Đề nghị bổ sung kinh phí điều tra (${unit.id}).`,
  };
  const rows = fillsForYear(unit, year);
  rows.forEach((row, r) => {
    for (let q = 1; q <= quarter; q++) {
      // 40–60 %, rising by the quarter, different for each unit and row.
      const base = 0.4 + (((seed * 7 + r * 13 + unit.id.length * 3) % 20) / 100);
      cells[tableCellName(row, `Q${q}` as TableColumn)] = Math.round((base + q * 0.01) * 10000) / 10000;
      cells[tableCellName(row, INTL[q]!)] = 'Eurostat 2023: 52%';
    }
  });
  return cells;
}

export async function filledReturn(unitId: string, options: FilledReturnOptions): Promise<Buffer> {
  const units = loadUnits();
  const unit = units.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`no unit ${unitId}`);
  const template = await writeReturnFile({ unitId, year: options.year, lang: 'vi' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const names = readDefinedNames(wb);
  const fill = { ...defaultCells(unit, options.year, options.quarter, options.seed ?? 0), ...(options.cells ?? {}) };
  for (const [name, value] of Object.entries(fill)) {
    const at = names.get(name);
    if (!at) throw new Error(`no name ${name}`);
    wb.getWorksheet(at.sheetName)!.getCell(at.address).value = value;
  }
  for (const [name, format] of Object.entries(options.formats ?? {})) {
    const at = names.get(name)!;
    const cell = wb.getWorksheet(at.sheetName)!.getCell(at.address);
    // A loaded workbook's cells share style objects: setting numFmt in place would mark every figure of that style.
    cell.style = { ...cell.style, numFmt: format };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The units reporting in `year` that have figures to give (the ones a summary is made of). */
export function reportingUnits(year: number): ReportingUnit[] {
  return unitsForYear(loadUnits(), year).filter((u) => fillsForYear(u, year).length > 0);
}

/**
 * A copy of a filled return with every stored number of its return sheet nudged by `delta`
 * (percentage points / 100) where it is a fraction: another version of the same return, made
 * in the zip (milliseconds) rather than through ExcelJS.
 */
export function nudgedCopy(bytes: Uint8Array, delta: number): Uint8Array {
  const files = unzipSync(bytes);
  const sheet = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(files[sheet]!);
  files[sheet] = strToU8(
    xml.replace(/(<c r="[A-Z]+\d+"(?: s="\d+")?>)<v>(0\.\d+)<\/v>/g, (_, open: string, v: string) => `${open}<v>${Math.round((Number(v) + delta) * 10000) / 10000}</v>`),
  );
  return zipSync(files, { level: 6 });
}
