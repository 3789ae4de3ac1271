/**
 * What Excel (en-US) makes of a string, whether a person types it or Office.js writes it to
 * `Range.values`: numbers, percentages, currency, dates, times, logicals, errors and formulas
 * are recognised; a leading apostrophe or a Text (@) cell keeps the string as typed. Recognised
 * input in a General cell also gets the matching built-in number format, as in Excel
 * ("15.5%" → 0.155 shown as 15.50%; "1,234" → #,##0).
 */
import { isPercentFormat, isTextFormat, partsToSerial } from './numberFormat';
import type { CellScalar } from './model';

export type CellContent =
  | { kind: 'value'; value: CellScalar; isError: boolean; numberFormat?: string }
  | { kind: 'formula'; formula: string };

export interface InputOptions {
  /**
   * Excel's "automatic percent entry", which applies to typing only: in a percent-formatted cell
   * 15.5 means 15.5% and 0.85 means 85%.
   */
  percentEntry: boolean;
  /** The year a date typed without one falls in (Excel uses the current year). */
  currentYear?: number;
}

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const text = (value: string): CellContent => ({ kind: 'value', value, isError: false });

export function parseInput(raw: string, cellFormat: string, options: InputOptions): CellContent {
  const general = /^general$/i.test(cellFormat.trim());
  if (isTextFormat(cellFormat)) return text(raw);
  if (raw.startsWith("'")) return text(raw.slice(1));
  const s = raw.trim();
  if (s === '') return text('');
  if (s.startsWith('=') && s.length > 1) return { kind: 'formula', formula: s };
  const upper = s.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE', isError: false };
  if (ERRORS.includes(upper)) return { kind: 'value', value: upper, isError: true };

  const number = parseNumber(s);
  if (number) {
    let value = number.value;
    let format = number.format;
    if (options.percentEntry && !number.percent && !number.currency && isPercentFormat(cellFormat) && Math.abs(value) >= 1) {
      value = Number((value / 100).toPrecision(15));
      format = undefined;
    }
    return { kind: 'value', value, isError: false, ...(general && format ? { numberFormat: format } : {}) };
  }
  const date = parseDate(s, options.currentYear ?? new Date().getFullYear()) ?? parseTime(s);
  if (date) return { kind: 'value', value: date.value, isError: false, ...(general ? { numberFormat: date.format } : {}) };
  // Excel reads "+x" and "-x" as formulas, which is why "- Trước ngày…" needs an apostrophe.
  if ((s.startsWith('+') || s.startsWith('-')) && s.length > 1) return { kind: 'formula', formula: `=${s}` };
  return text(raw);
}

interface ParsedNumber {
  value: number;
  format?: string;
  percent: boolean;
  currency: boolean;
}

function parseNumber(s: string): ParsedNumber | null {
  let body = s;
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  const sign = () => {
    if (body.startsWith('-')) {
      negative = !negative;
      body = body.slice(1).trim();
    } else if (body.startsWith('+')) body = body.slice(1).trim();
  };
  sign();
  let currency = false;
  if (body.startsWith('$')) {
    currency = true;
    body = body.slice(1).trim();
    sign();
  }
  let percent = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(body);
  if (!m || (m[1] === '' && !m[2])) return null;
  if (percent && currency) return null;
  const grouped = m[1]!.includes(',');
  const decimals = m[2] ? m[2].length > 0 : false;
  let value = Number(`${m[1]!.replace(/,/g, '') || '0'}.${m[2] ?? ''}${m[3] !== undefined ? `e${m[3]}` : ''}`.replace(/\.(e|$)/, '$1'));
  if (!Number.isFinite(value)) return null;
  if (negative) value = -value;
  if (percent) value = Number((value / 100).toPrecision(15));
  let format: string | undefined;
  if (percent) format = decimals ? '0.00%' : '0%';
  else if (currency) format = decimals ? '$#,##0.00' : '$#,##0';
  else if (m[3] !== undefined) format = '0.00E+00';
  else if (grouped) format = decimals ? '#,##0.00' : '#,##0';
  return { value: value === 0 ? 0 : value, format, percent, currency };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function parseDate(s: string, currentYear: number): { value: number; format: string } | null {
  let m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const y = m[3] ? fullYear(m[3]) : currentYear;
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (!validDate(y, month, day)) return null;
    return { value: partsToSerial(y, month, day), format: m[3] ? 'm/d/yyyy' : 'd-mmm' };
  }
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(s);
  if (m) {
    const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, month, day) ? { value: partsToSerial(y, month, day), format: 'm/d/yyyy' } : null;
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ](\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const y = m[3] ? fullYear(m[3]) : currentYear;
    const day = Number(m[1]);
    if (month === 0 || !validDate(y, month, day)) return null;
    return { value: partsToSerial(y, month, day), format: m[3] ? 'd-mmm-yy' : 'd-mmm' };
  }
  return null;
}

function parseTime(s: string): { value: number; format: string } | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm]?)?$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  const ampm = m[4]?.toUpperCase();
  if (min > 59 || sec > 59 || (ampm ? h < 1 || h > 12 : h > 23)) return null;
  if (ampm?.startsWith('P') && h < 12) h += 12;
  if (ampm?.startsWith('A') && h === 12) h = 0;
  const format = ampm ? (m[3] ? 'h:mm:ss AM/PM' : 'h:mm AM/PM') : m[3] ? 'h:mm:ss' : 'h:mm';
  return { value: (h * 3600 + min * 60 + sec) / 86400, format };
}
