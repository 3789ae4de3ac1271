import type ExcelJS from 'exceljs';
import { plainValue } from '../../src/workbook/xlsx/cellValue';
import { readDefinedNames } from '../../src/workbook/xlsx/definedNames';
import { internals } from '../../src/workbook/xlsx/internals';
import { loadXlsx } from '../../src/workbook/xlsx/readReturn';
import type { NormalizedCell, NormalizedSheet } from './normalizedSheet';

/** The top-left cells of merges are kept; the others only echo them (ExcelJS copies the style in). */
function isMergeFollower(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/**
 * Reads an .xlsx file back with ExcelJS into the form both renderers are compared in. A cell is
 * locked unless its protection says locked: false (the file format's default is locked).
 */
export async function readXlsxSheet(bytes: Buffer, sheetName?: string): Promise<NormalizedSheet> {
  const workbook = await loadXlsx(bytes);
  const worksheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!worksheet) throw new Error(`no sheet ${sheetName ?? '(first)'} in the workbook`);

  const cells: Record<string, NormalizedCell> = {};
  worksheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (isMergeFollower(cell)) return;
      const value = plainValue(cell.value);
      const numberFormat = cell.numFmt || 'General';
      const locked = cell.protection?.locked !== false;
      if (value !== null || numberFormat !== 'General' || !locked) cells[cell.address] = { value, numberFormat, locked };
    }),
  );

  const names: Record<string, string> = {};
  for (const [name, target] of readDefinedNames(workbook)) if (target.sheetName === worksheet.name) names[name] = target.address;

  const validationPrompts: Record<string, string> = {};
  for (const [address, validation] of Object.entries(internals(worksheet).dataValidations.model)) {
    if (validation?.prompt) validationPrompts[address] = validation.prompt;
  }

  return {
    sheetName: worksheet.name,
    cells,
    merges: [...internals(worksheet).model.merges].sort(),
    names,
    protected: internals(worksheet).sheetProtection?.sheet === true,
    validationPrompts,
  };
}
