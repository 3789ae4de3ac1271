import ExcelJS from 'exceljs';
import { UserFacingError } from '../port';
import { plainValue, type PlainValue } from './cellValue';
import { readDefinedNames, type NamedCell } from './definedNames';
import { readPlanProperties } from './properties';

/** A return file as tools read it: through the cell contract's defined names. */
export interface XlsxReturn {
  workbook: ExcelJS.Workbook;
  /** Every single-cell defined name → its sheet and A1 address. */
  names: Map<string, NamedCell>;
  /** The template's key=value properties (see properties.ts); the named cells are authoritative. */
  properties: Record<string, string>;
  /** The value of a named cell; undefined when the name is missing or its sheet is gone. */
  valueOf(name: string): PlainValue | undefined;
}

export async function loadXlsx(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as ArrayBuffer);
  } catch (error) {
    throw new UserFacingError('not-xlsx', {
      vi: `Không đọc được tệp: đây không phải tệp Excel .xlsx hợp lệ (${(error as Error).message}).`,
      en: `Cannot read the file: it is not a valid Excel .xlsx file (${(error as Error).message}).`,
    });
  }
  return workbook;
}

export async function readReturnFile(bytes: Buffer | ArrayBuffer): Promise<XlsxReturn> {
  const workbook = await loadXlsx(bytes);
  const names = readDefinedNames(workbook);
  return {
    workbook,
    names,
    properties: readPlanProperties(workbook),
    valueOf(name) {
      const named = names.get(name);
      if (!named) return undefined;
      const sheet = workbook.getWorksheet(named.sheetName);
      return sheet ? plainValue(sheet.getCell(named.address).value) : undefined;
    },
  };
}
