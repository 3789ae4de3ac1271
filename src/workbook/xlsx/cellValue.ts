import type ExcelJS from 'exceljs';

export type PlainValue = string | number | boolean | null;

/**
 * What a person sees in a cell, as a plain value: rich text joined, a formula's cached result,
 * a hyperlink's text, an error's code, a date as its ISO day. Returns from the field arrive
 * edited in every spreadsheet program, so every shape ExcelJS can produce is handled.
 */
export function plainValue(value: ExcelJS.CellValue): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return null;
    return plainValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJS.CellValue);
  return null;
}
