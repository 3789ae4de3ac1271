import type { CellValue } from '../../layout/plan';

/**
 * Office.js treats a string written to `Range.values` as if a person typed it: "1.1" becomes a
 * number, "05/4" a date, "- Trước ngày…" a formula. ExcelJS stores strings as strings, so the two
 * renderers would disagree. A leading apostrophe makes Excel keep the text as typed (and it is not
 * part of the value read back). Only strings Excel could read as something else get one, so
 * ordinary labels are stored exactly as the xlsx file stores them.
 */
export function excelInput(value: CellValue): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return looksLikeNonText(value) ? `'${value}` : value;
}

const FORMULA_OR_PREFIX = /^[=+\-@'#]/;
/** Numbers, percentages, fractions, dates and times in any locale's separators. */
const NUMERIC_LIKE = /^[\s\d.,:/%()$€₫+\-–eE]*\d[\s\d.,:/%()$€₫+\-–eE]*$/;
const LOGICAL = /^(true|false|đúng|sai)$/i;

function looksLikeNonText(text: string): boolean {
  const t = text.trim();
  return FORMULA_OR_PREFIX.test(t) || NUMERIC_LIKE.test(t) || LOGICAL.test(t);
}
