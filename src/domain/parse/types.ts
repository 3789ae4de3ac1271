/**
 * What a figure cell was read as. Every kind carries enough to explain the reading in a message
 * (describeParse), because a reporter who typed "0,85" must be told we read it as 85%.
 */

/** The comparison a figure was written with ("trên 6%", "≥ 6%", "dưới 5%", "≤ 5%"). */
export type Bound = 'above' | 'atLeast' | 'below' | 'atMost';

/**
 * How the percent was obtained:
 * - percentFormattedFraction: a number in a cell whose format shows it as a percent (0.155 → 15.5%);
 * - percentNumber: a number > 1 (or 0) written without a percent sign, taken as the percent itself;
 * - percentText: text with an explicit percent sign or word ("14,96%", "15,5 phần trăm");
 * - ambiguousFraction: a number in (0, 1] without a percent sign or format: 85% or 0.85%?
 *   `percent` holds the reading chosen (by default the fraction: 85), `alternativePercent` the other.
 */
export type Interpretation = 'percentFormattedFraction' | 'percentNumber' | 'percentText' | 'ambiguousFraction';

/** A readable figure. It may still be outside what a target allows; that is the rules' business. */
export interface ParsedNumber {
  kind: 'number';
  /** 15.5 means 15.5%; always within 0–100 (outside it the cell is 'invalid'/'outOfRange'). */
  percent: number;
  interpretedAs: Interpretation;
  /** Whether the workbook held a number or text. */
  source: 'number' | 'text';
  /** What was read, trimmed: the typed text, or the number as JavaScript prints it. */
  text: string;
  /** "khoảng 6%", "~6%", and every bounded figure. */
  approximate: boolean;
  /** Present when the figure is a bound rather than a value ("trên 6%" → 'above'). */
  bound?: Bound;
  /** A provisional estimate (số liệu tạm ước tính), marked in the text or by the cell's format. */
  provisional: boolean;
  /** The footnote reference stuck to the figure: "14,26%1" → "1", "15,5%*" → "*", "¹" → "1". */
  footnote?: string;
  /** A parenthesised remark after the figure that is no known marker: "15% (năm 2022)" → "năm 2022". */
  note?: string;
  /** Only for 'ambiguousFraction': the reading not chosen (0.85 when `percent` is 85). */
  alternativePercent?: number;
  /** "1,234" / "1.234": one separator before three digits, read as a decimal point because the
   *  thousands reading (1234%) cannot be a percent. */
  separatorAmbiguous?: boolean;
}

/** Nothing in the cell: null, undefined, '' or only spaces. */
export interface ParsedEmpty {
  kind: 'empty';
}

/** A deliberate "no figure": "-", "chưa có số liệu", "N/A", "x", "…", Excel's #N/A. */
export interface ParsedNoData {
  kind: 'noData';
  /** The marker as typed ("-", "Chưa có số liệu", "#N/A"). */
  marker: string;
  /** What follows the marker, without its brackets: "- (chưa điều tra)" → "chưa điều tra". */
  reason?: string;
}

/** A reference to someone's plan instead of a figure: "Theo Kế hoạch của Bộ Y tế". */
export interface ParsedDeferred {
  kind: 'deferred';
  text: string;
}

/** Excel error codes a cell can show; #N/A is read as 'noData' instead. */
export const EXCEL_ERRORS = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#EXTERNAL!', '#PYTHON!',
] as const;
export type ExcelErrorCode = (typeof EXCEL_ERRORS)[number];

/** The cell shows an Excel error (a broken formula, usually). */
export interface ParsedError {
  kind: 'error';
  excelError: Exclude<ExcelErrorCode, '#N/A'>;
}

export type InvalidReason = 'notANumber' | 'outOfRange' | 'multipleNumbers' | 'unreadable';

/** Finer cause, for a precise message. */
export type InvalidDetail =
  | 'negative' // outOfRange, below 0%
  | 'above100' // outOfRange, above 100%
  | 'nonFinite' // NaN, ±Infinity, or a number too large to hold
  | 'boolean' // TRUE / FALSE
  | 'date' // a date (typed "1.5" in a Vietnamese-locale Excel becomes 1 May)
  | 'uncalculated' // a formula with no calculated result in the file (written by a script)
  | 'object' // an object, array or other non-cell value
  | 'range' // "10-12%", "từ 10 đến 12%"
  | 'unknownWords' // words that are no marker we know
  | 'malformedNumber'; // "1.2.3", "1,23,4"

/** Something that is not a usable figure. */
export interface ParsedInvalid {
  kind: 'invalid';
  /** What was in the cell, as text, for the message. */
  text: string;
  reason: InvalidReason;
  detail?: InvalidDetail;
  /** The percent it would have been (outOfRange, when finite): lets a message say "150% is above 100%". */
  percent?: number;
  /** How that percent was obtained (outOfRange only). */
  interpretedAs?: Interpretation;
}

export type ParsedFigure = ParsedNumber | ParsedEmpty | ParsedNoData | ParsedDeferred | ParsedError | ParsedInvalid;
export type ParsedKind = ParsedFigure['kind'];
export const PARSED_KINDS: readonly ParsedKind[] = ['number', 'empty', 'noData', 'deferred', 'error', 'invalid'];

export interface ParseOptions {
  /**
   * Which reading a number in (0, 1] without a percent sign or format gets: 'fraction' (default:
   * 0.85 → 85%, as Excel stores percents) or 'percent' (0.85 → 0.85%). It stays 'ambiguousFraction'.
   */
  ambiguousAs?: 'fraction' | 'percent';
}

export type Lang = 'vi' | 'en';
