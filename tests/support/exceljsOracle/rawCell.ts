import type ExcelJS from 'exceljs';
import type { RawCell } from '../../../src/domain/returnData';

/**
 * An ExcelJS cell as the domain reads it, the same shape the Office.js reader gives: a formula's
 * cached result, rich text joined, an error as its code ('#N/A'), a hyperlink's text; a Date
 * stays a Date. Empty is null, as an empty string would be.
 */
export function rawCell(cell: ExcelJS.Cell): RawCell {
  return { value: rawValue(cell.value), text: cellText(cell), numberFormat: cell.numFmt || 'General' };
}

export function rawValue(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('') || null;
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return rawValue((value as { result?: ExcelJS.CellValue }).result);
  if ('hyperlink' in value) return rawValue(value.text as ExcelJS.CellValue);
  return null;
}

/** ExcelJS's own text (it does not apply number formats, unlike Excel's). */
function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

/** What Range.formulas gives in Excel: "=…" for a formula, the constant otherwise. */
export function formulaOrValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') return `=${v.formula}`;
  return rawValue(v);
}
