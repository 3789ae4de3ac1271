import { cellsOfRect, parseRect, type Rect } from '../fakes/address';
import type { FakeExcelHost } from '../fakes/fakeExcel';
import type { NormalizedCell, NormalizedSheet } from './normalizedSheet';

const rectOf = (address: string): Rect => {
  const r = parseRect(address);
  if (!r) throw new Error(`snapshotFakeSheet: "${address}" is not an A1 range`);
  return r;
};

const a1 = (row: number, col: number) => {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
};

/**
 * One sheet of the fake Excel host in the form the xlsx reader gives (tests/support/readXlsx.ts):
 * the same cells kept (a value, a non-General format or unlocked; merge followers left out, as
 * they only echo their top-left cell), workbook names on this sheet, and one prompt per cell.
 */
export function snapshotFakeSheet(host: FakeExcelHost, sheetName: string): NormalizedSheet {
  const workbook = host.snapshot();
  const sheet = workbook.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) throw new Error(`snapshotFakeSheet: no sheet "${sheetName}" (sheets: ${workbook.sheets.map((s) => s.name).join(', ')})`);

  const cells: Record<string, NormalizedCell> = {};
  for (const [address, cell] of Object.entries(sheet.cells)) {
    if (cell.mergedArea && !cell.mergedArea.startsWith(`${address}:`)) continue;
    const value = cell.value === '' ? null : cell.value;
    const locked = cell.format.locked;
    if (value !== null || cell.numberFormat !== 'General' || !locked) cells[address] = { value, numberFormat: cell.numberFormat, locked };
  }

  const names: Record<string, string> = {};
  for (const [name, n] of Object.entries(workbook.names)) if (n.sheet === sheet.name && n.address) names[name] = n.address;

  const validationPrompts: Record<string, string> = {};
  for (const v of sheet.validations) {
    if (!v.prompt.showPrompt || !v.prompt.message) continue;
    for (const range of v.ranges) for (const [row, col] of cellsOfRect(rectOf(range))) validationPrompts[a1(row, col)] = v.prompt.message;
  }

  return {
    sheetName: sheet.name,
    cells,
    merges: [...sheet.merges].sort(),
    names,
    protected: sheet.protection.protected,
    validationPrompts,
  };
}
