/**
 * A sheet plan: everything a renderer needs to lay a sheet out, as plain data. Both renderers
 * (Office.js and ExcelJS) read the same plan, so the add-in and the command line cannot drift.
 * Addresses are A1 within the plan's sheet; widths are in Excel character units, heights in points.
 */

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'center' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  fill?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  /** A thin border on every edge. */
  border?: boolean;
  indent?: number;
}

export type CellValue = string | number | null;

export interface PlanCell {
  address: string;
  value: CellValue;
  numberFormat?: string;
  /** A key of SheetPlan.styles. */
  style?: string;
  /** Input cells are unlocked; everything else stays locked under sheet protection. */
  input?: boolean;
}

export type ValidationRule =
  | { type: 'decimal'; min: number; max: number }
  | { type: 'wholeNumber'; min: number; max: number }
  | { type: 'list'; values: string[] }
  | { type: 'textLength'; max: number };

export interface PlanValidation {
  /** A1 range, possibly one cell. */
  address: string;
  rule: ValidationRule;
  /** Excel caps the prompt title at 32 characters and the message at 255. */
  prompt: { title: string; message: string };
  /**
   * "warning" lets a person keep what she typed after a warning: figures arrive as text
   * ("-", "khoảng 6%") that the validation step parses, so a hard stop would lose them.
   */
  errorAlert: { style: 'stop' | 'warning' | 'information'; title: string; message: string };
}

export interface PlanConditionalFormat {
  address: string;
  /** Formula relative to the top-left cell of `address`, as Excel expects, e.g. "=ISBLANK(E23)". */
  formula: string;
  fill?: string;
  fontColor?: string;
}

/**
 * A data bar over a column of numbers, on a fixed scale so bars compare across sheets and files
 * (progress: 0 = nothing yet, 1 = the target met). Both renderers draw it: Office.js as a
 * DataBar conditional format, ExcelJS as a dataBar rule; values beyond the scale fill the cell.
 */
export interface PlanDataBar {
  /** A1 range, usually one column of the table. */
  address: string;
  min: number;
  max: number;
  /** "#RRGGBB"; the bar's colour. */
  color: string;
}

/**
 * Icon sets Excel has, by their file (OOXML) names; the Office.js renderer maps each to its
 * Excel.IconSet name ("3TrafficLights1" → "ThreeTrafficLights1").
 */
export type PlanIconStyle =
  | '3Arrows' | '3ArrowsGray' | '3Flags' | '3TrafficLights1' | '3TrafficLights2' | '3Signs' | '3Symbols' | '3Symbols2'
  | '4Arrows' | '4ArrowsGray' | '4RedToBlack' | '4Rating' | '4TrafficLights';

/**
 * An icon set over a column of numbers (the summary's assessment as a level 1..4). Thresholds are
 * numbers, not percentiles, so an icon means the same level on every sheet: `thresholds[i]` is
 * the lowest value (≥) that gets icon i + 2 counted from the lowest icon; below thresholds[0]
 * gets the lowest. One threshold fewer than the style has icons. Office.js: an IconSet
 * conditional format whose criteria[0] is empty; ExcelJS: an iconSet rule with a cfvo per icon.
 */
export interface PlanIconSet {
  /** A1 range, usually one column of the table. */
  address: string;
  style: PlanIconStyle;
  /** Ascending; length = icons in the style − 1. */
  thresholds: number[];
  /** false: the icon alone (the number is only there for the icon to read). */
  showValue: boolean;
}

export interface PlanName {
  name: string;
  /** One cell of this sheet. */
  address: string;
  comment?: string;
}

export interface PlanNote {
  address: string;
  text: string;
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** Fit all columns to this many pages wide; rows flow onto as many pages as needed. */
  fitToPagesWide: number;
  /** Rows repeated at the top of every printed page, e.g. "20:21". */
  titleRows: string;
  printArea: string;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
}

export interface SheetPlan {
  sheetName: string;
  styles: Record<string, CellStyle>;
  columns: { letter: string; width: number }[];
  rowHeights: { row: number; height: number }[];
  cells: PlanCell[];
  merges: string[];
  names: PlanName[];
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  /** Data bars (the summary's progress column); absent on sheets without them. */
  dataBars?: PlanDataBar[];
  /** Icon sets (the summary's assessment level); absent on sheets without them. */
  iconSets?: PlanIconSet[];
  /** Cell notes (comments). Where a host cannot draw them, the same text is also in the sheet. */
  notes: PlanNote[];
  freezeRows: number;
  print: PrintSetup;
  /** Protected without a password: a guard against slips, not a lock (a workbook travels by e-mail). */
  protect: boolean;
  /** Recorded in the workbook's custom properties where the host has them (the same values are in named cells). */
  properties: Record<string, string>;
  tabColor?: string;
}
