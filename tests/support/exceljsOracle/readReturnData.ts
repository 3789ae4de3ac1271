/**
 * A return file read as the add-in reads a workbook: every contract name's cell, the problems
 * that stop it being read, and the justifications on its "Kiểm tra" sheet.
 */
import type ExcelJS from 'exceljs';
import { allRows, loadCatalogue } from '../../../src/catalogue/load';
import type { Catalogue } from '../../../src/catalogue/schema';
import { contractNames, interpretReads, type NameRead } from '../../../src/domain/readContract';
import type { ReadResult } from '../../../src/domain/returnData';
import { CHECK_SHEET_NAME, CHECK_WIDTH, justificationsOf, readCheckRows } from '../../../src/workbook/excel/check/checkSheet';
import { loadXlsx } from '../../../src/workbook/xlsx/readReturn';
import { formulaOrValue, rawCell } from './rawCell';

/** "'Phụ lục 01'!$E$30" or "Sheet1!$E$30:$F$31". */
const REFERENCE = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/** Throws UserFacingError when the bytes are not an .xlsx file; a file that is no return is a ReadResult. */
export async function readReturnData(bytes: Buffer | ArrayBuffer, catalogue: Catalogue = loadCatalogue()): Promise<ReadResult> {
  const workbook = await loadXlsx(bytes);
  return readWorkbookReturn(workbook, catalogue);
}

export function readWorkbookReturn(workbook: ExcelJS.Workbook, catalogue: Catalogue = loadCatalogue()): ReadResult {
  const rowIds = allRows(catalogue).map((r) => r.id);
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  const defined = new Map(model.map((d) => [d.name.toLowerCase(), d.ranges]));
  const reads = new Map<string, NameRead>();
  for (const name of contractNames(rowIds).all) reads.set(name, nameRead(workbook, name, defined.get(name.toLowerCase())));
  return interpretReads(reads, rowIds, justificationsOf(readCheckRows(checkSheetRows(workbook))));
}

/** Excel compares sheet names without regard to case; ExcelJS does not. */
function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((s) => s.name.toLowerCase() === lower);
}

function nameRead(workbook: ExcelJS.Workbook, name: string, ranges: string[] | undefined): NameRead {
  // ExcelJS drops a name it cannot parse ("'Sheet'!#REF!"): it reads as missing, as Excel's would be gone.
  if (!ranges) return { name, state: 'missing' };
  if (ranges.length !== 1) return { name, state: 'notRange', formula: ranges.join(',') };
  const m = REFERENCE.exec(ranges[0]!);
  if (!m) return ranges[0]!.includes('#REF') ? { name, state: 'ref' } : { name, state: 'notRange', formula: ranges[0]! };
  const sheetName = (m[1] ?? m[2]!).replace(/''/g, "'");
  // "#REF!$E$30" arrives from ExcelJS as the sheet "#REF".
  const sheet = sheetName.includes('#REF') ? undefined : sheetNamed(workbook, sheetName);
  if (!sheet) return { name, state: 'ref' };
  const first = `${m[3]!.toUpperCase()}${m[4]}`;
  const address = m[5] ? `${first}:${m[5].toUpperCase()}${m[6]}` : first;
  return { name, state: 'ok', sheet: sheet.name, address, cell: rawCell(sheet.getCell(first)) };
}

/** The check sheet's rows from column A, formulas as "=…", as Office.js's Range.formulas gives them. */
function checkSheetRows(workbook: ExcelJS.Workbook): unknown[][] {
  const sheet = sheetNamed(workbook, CHECK_SHEET_NAME);
  if (!sheet) return [];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push(Array.from({ length: CHECK_WIDTH }, (_, c) => formulaOrValue(row.getCell(c + 1))));
  });
  return rows;
}
