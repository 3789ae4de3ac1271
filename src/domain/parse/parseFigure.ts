/**
 * parseFigureCell: what a reporter put in a figure cell (Quý I–IV), read as a percent or as the
 * reason there is none. Pure and total: it returns a ParsedFigure for any input and never throws,
 * because one odd cell must not stop the check of a whole return.
 *
 * Decision table (percent = the figure in percent units: 15.5 means 15.5%)
 *
 * | cell holds                                      | example                      | result                                              |
 * |-------------------------------------------------|------------------------------|-----------------------------------------------------|
 * | null, undefined, '', spaces only                |                              | empty                                               |
 * | number, format shows % (outside quotes)         | 0.155 in '0.00%'             | number 15.5, percentFormattedFraction               |
 * | number, format unknown but text shows %         | 0.155, text "15.50%"         | number 15.5, percentFormattedFraction               |
 * | number > 1, General/number/text format          | 15.5 in 'General'            | number 15.5, percentNumber                          |
 * | number 0, General                               | 0                            | number 0, percentNumber (not ambiguous)             |
 * | number in (0, 1], General                       | 0.85                         | number 85, ambiguousFraction, alternativePercent .85 |
 * | number outside 0–100% once read                 | 1.5 in '0%', 150, -0.05 in % | invalid outOfRange, percent 150 / 150 / -5          |
 * | NaN, ±Infinity                                  |                              | invalid notANumber (nonFinite)                      |
 * | boolean                                         | TRUE                         | invalid notANumber (boolean)                        |
 * | Date, date as text, number in a date format     | 2023-05-01, "1/5", 45047 d/m | invalid unreadable (date)                           |
 * | object, array, anything else                    | {}, [15]                     | invalid unreadable (object)                         |
 * | '#N/A' (value or ExcelJS {error})               |                              | noData, marker '#N/A'                               |
 * | other Excel error                               | '#DIV/0!', '#SPILL!'         | error                                               |
 * | format literal "(ước)", "(tạm ước tính)", "(p)" | 0.155 in '0.00%" (ước)"'     | number, provisional (also for text in that cell)    |
 * | format literal comparator                       | 0.5 in '"> "0%'              | number 50, bound above, approximate                 |
 * | text with % / "phần trăm" / "(%)"               | "14,96%", "15.5 phần trăm"   | number, percentText                                 |
 * | text without %                                  | "4,36", "0,85", "0"          | as a number in a General cell (4.36; 85 ambiguous; 0)|
 * | decimal comma or point, grouping either way     | "1,5" = "1.5"; "1.234,5"     | 1.5; 1234.5 → invalid outOfRange                    |
 * | one separator then exactly 3 digits             | "1,234"                      | 1.234 (1234% is impossible), separatorAmbiguous     |
 * | footnote after the figure                       | "14,26%1" "[1]" "(4)" "*" "¹"| number, footnote "1" / "1" / "4" / "*" / "1"        |
 * | approximation                                   | "khoảng 6%", "~6%", "gần 6%" | number, approximate                                 |
 * | comparator                                      | "trên 6%", "≥ 6%", "< 5%"    | number, approximate, bound above/atLeast/below/…    |
 * | provisional words                               | "ước 15,5%", "15,5% (p)"     | number, provisional                                 |
 * | remark in brackets                              | "15% (năm 2022)"             | number, note "năm 2022"                             |
 * | range, or two figures                           | "10-12%", "15% và 16%"       | invalid multipleNumbers (detail range for ranges)   |
 * | "-", "–", "chưa có số liệu", "N/A", "x", "…"    | "- (chưa điều tra)"          | noData, reason "chưa điều tra"                      |
 * | "Theo Kế hoạch …", "Kế hoạch của Bộ …"          | "Theo Kế hoạch của Bộ Y tế"  | deferred                                            |
 * | leading + / − / full-width digits / NBSP        | "+15%", "−5%", "１５％"       | read as written (−5% → invalid outOfRange)          |
 * | any other text                                  | "đang cập nhật"              | invalid notANumber (unknownWords)                   |
 *
 * A range is refused rather than averaged: an official figure that is a range must be asked about.
 * Words match whatever the accents, case, spacing, NFC or NFD.
 */
import { readBare, times100, withinRange } from './classify';
import { formatBound, isDateFormat, isPercentFormat, isProvisionalFormat } from './numberFormat';
import { parseFigureText } from './parseText';
import type { ParseOptions, ParsedFigure } from './types';
import type { RawCell } from '../returnData';

export function parseFigureCell(cell: RawCell, options: ParseOptions = {}): ParsedFigure {
  try {
    return parseCell(cell, options);
  } catch {
    // Only a hostile value (a Proxy, a throwing toString) gets here; say so rather than throw.
    return { kind: 'invalid', text: '', reason: 'unreadable', detail: 'object' };
  }
}

function parseCell(cell: RawCell, options: ParseOptions): ParsedFigure {
  const value: unknown = cell?.value;
  const format = typeof cell?.numberFormat === 'string' ? cell.numberFormat : undefined;
  const shown = typeof cell?.text === 'string' ? cell.text : undefined;
  const provisional = isProvisionalFormat(format);

  if (cell?.uncalculated === true) return { kind: 'invalid', text: '', reason: 'unreadable', detail: 'uncalculated' };
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return parseFigureText(value, provisional, options);
  if (typeof value === 'number') return parseNumber(value, format, shown, provisional, options);
  if (typeof value === 'boolean') {
    return { kind: 'invalid', text: value ? 'TRUE' : 'FALSE', reason: 'notANumber', detail: 'boolean' };
  }
  if (value instanceof Date) {
    const time = value.getTime();
    const text = shown || (Number.isNaN(time) ? 'Invalid Date' : value.toISOString().slice(0, 10));
    return { kind: 'invalid', text, reason: 'unreadable', detail: 'date' };
  }
  // ExcelJS gives an error cell as { error: '#N/A' }: unambiguous, so read it as the error.
  if (typeof value === 'object' && !Array.isArray(value) && typeof (value as { error?: unknown }).error === 'string') {
    const parsed = parseFigureText((value as { error: string }).error, false, options);
    if (parsed.kind === 'error' || parsed.kind === 'noData') return parsed;
  }
  return { kind: 'invalid', text: shown ?? '', reason: 'unreadable', detail: 'object' };
}

function parseNumber(
  value: number,
  format: string | undefined,
  shown: string | undefined,
  provisional: boolean,
  options: ParseOptions,
): ParsedFigure {
  const text = String(value);
  if (!Number.isFinite(value)) return { kind: 'invalid', text, reason: 'notANumber', detail: 'nonFinite' };
  const v = value + 0; // -0 is 0
  if (isDateFormat(format, v)) return { kind: 'invalid', text: shown || text, reason: 'unreadable', detail: 'date' };
  // Without a format (some ExcelJS cells) the displayed text is the best witness of a percent format.
  const percentFormat = format !== undefined ? isPercentFormat(format, v) : (shown ?? '').includes('%');
  const reading = percentFormat
    ? { percent: times100(v), interpretedAs: 'percentFormattedFraction' as const }
    : readBare(v, options);
  const bound = formatBound(format, v);
  return withinRange(reading, {
    kind: 'number',
    source: 'number',
    text,
    approximate: bound !== undefined,
    provisional,
    ...(bound ? { bound } : {}),
  });
}
