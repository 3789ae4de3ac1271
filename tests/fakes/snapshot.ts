/**
 * The workbook as plain, JSON-friendly data, read directly (no load/sync): for test assertions and
 * for the preview page's grid. Addresses are A1 without $ or sheet; colours "#RRGGBB".
 */
import { cellName, columnLetters, formatRect, type Rect } from './address';
import { cellText } from './cellOps';
import { cellResult } from './formula';
import { formatAt, mergeAt, type BorderState, type ConditionalFormatEntry, type FormatState, type NameState, type SheetState, type ValidationEntry, type WorkbookState } from './model';
import { conditionalFormatApplies } from './rules';
import { nameFormula } from './workbookOps';

export interface BorderSnapshot {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormatSnapshot {
  fill: string | null;
  font: { name: string; size: number; bold: boolean; italic: boolean; underline: string; strikethrough: boolean; color: string };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  textOrientation: number;
  borders: { top: BorderSnapshot | null; bottom: BorderSnapshot | null; left: BorderSnapshot | null; right: BorderSnapshot | null };
  locked: boolean;
}

export interface CellSnapshot {
  address: string;
  /** The value (a formula's result); '' when empty. */
  value: string | number | boolean;
  valueType: 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';
  formula: string | null;
  numberFormat: string;
  /** What the cell displays. */
  text: string;
  format: CellFormatSnapshot;
  /** The merged area the cell belongs to, if any. */
  mergedArea: string | null;
}

export interface ValidationSnapshot {
  ranges: string[];
  /** 'Decimal', 'WholeNumber', 'List', 'TextLength', 'Custom', … or 'None' (a prompt only). */
  type: string;
  rule: Record<string, unknown> | null;
  ignoreBlanks: boolean;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
}

export interface ConditionalFormatSnapshot {
  id: string;
  type: string;
  ranges: string[];
  priority: number;
  stopIfTrue: boolean;
  /** Custom: the rule's formula. CellValue: formula1. */
  formula: string | null;
  formula2: string | null;
  operator: string | null;
  format: { fill: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null; numberFormat: string | null };
  /** DataBar / IconSet settings as given. */
  settings: Record<string, unknown>;
}

export interface NameSnapshot {
  name: string;
  /** Sheet and A1 address (no $) of a range name; null for a formula or #REF!. */
  sheet: string | null;
  address: string | null;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface PageLayoutSnapshot {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  /** Points. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** "$20:$21" */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  /** "A1:O92" (several areas comma-separated) */
  printArea: string | null;
  printGridlines: boolean;
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  protection: { protected: boolean; hasPassword: boolean; options: Record<string, boolean | string> };
  pageLayout: PageLayoutSnapshot;
  freezePanes: { rows: number; columns: number };
  /** Points, for columns (by letter) and rows (by number) set explicitly; others use the standard size. */
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  standardWidth: number;
  standardHeight: number;
  /** Cells that hold something or carry their own format, by address. */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  validations: ValidationSnapshot[];
  /** Highest priority first. */
  conditionalFormats: ConditionalFormatSnapshot[];
  /** Sheet-scoped names. */
  names: Record<string, NameSnapshot>;
  comments: Record<string, string>;
  usedRange: string | null;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  /** Workbook-scoped names. */
  names: Record<string, NameSnapshot>;
  customProperties: Record<string, string | number | boolean | Date>;
  settings: Record<string, unknown>;
  documentProperties: { title: string; subject: string; author: string; keywords: string; comments: string; category: string; company: string; manager: string };
}

const border = (b: BorderState | null): BorderSnapshot | null => (b ? { ...b } : null);

export function formatSnapshot(f: FormatState): CellFormatSnapshot {
  return {
    fill: f.fill,
    font: { ...f.font },
    horizontalAlignment: f.horizontalAlignment,
    verticalAlignment: f.verticalAlignment,
    wrapText: f.wrapText,
    indentLevel: f.indentLevel,
    textOrientation: f.textOrientation,
    borders: { top: border(f.borders.top), bottom: border(f.borders.bottom), left: border(f.borders.left), right: border(f.borders.right) },
    locked: f.locked,
  };
}

export function cellSnapshot(wb: WorkbookState, sheet: SheetState, row: number, col: number): CellSnapshot {
  const r = cellResult(wb, sheet, row, col);
  const f = formatAt(sheet, row, col);
  const cell = sheet.cells.get(`${row}:${col}`);
  const merge = mergeAt(sheet, row, col);
  const valueType = r.isError ? 'Error' : typeof r.value === 'number' ? 'Double' : typeof r.value === 'boolean' ? 'Boolean' : r.value === '' ? 'Empty' : 'String';
  return {
    address: cellName(row, col),
    value: r.value,
    valueType,
    formula: cell?.formula ?? null,
    numberFormat: f.numberFormat,
    text: cellText(wb, sheet, row, col),
    format: formatSnapshot(f),
    mergedArea: merge ? formatRect(merge) : null,
  };
}

const ranges = (rects: Rect[]) => rects.map((r) => formatRect(r));

export function validationSnapshot(v: ValidationEntry): ValidationSnapshot {
  return {
    ranges: ranges(v.rects),
    type: v.rule?.type ?? 'None',
    rule: v.rule ? (JSON.parse(JSON.stringify(v.rule.rule)) as Record<string, unknown>) : null,
    ignoreBlanks: v.ignoreBlanks,
    prompt: { ...v.prompt },
    errorAlert: { ...v.errorAlert },
  };
}

export function conditionalFormatSnapshot(sheet: SheetState, e: ConditionalFormatEntry): ConditionalFormatSnapshot {
  return {
    id: e.id,
    type: e.type,
    ranges: ranges(e.rects),
    priority: sheet.conditionalFormats.indexOf(e),
    stopIfTrue: e.stopIfTrue,
    formula: e.formula ?? null,
    formula2: e.formula2 ?? null,
    operator: e.operator ?? null,
    format: { fill: e.style.fill ?? null, fontColor: e.style.fontColor ?? null, bold: e.style.bold ?? null, italic: e.style.italic ?? null, numberFormat: e.style.numberFormat ?? null },
    settings: JSON.parse(JSON.stringify(e.settings)) as Record<string, unknown>,
  };
}

export function nameSnapshot(n: NameState): NameSnapshot {
  const range = n.target.kind === 'range' ? n.target : null;
  return {
    name: n.name,
    sheet: range ? range.sheet.name : null,
    address: range ? range.rects.map((r) => formatRect(r)).join(',') : null,
    formula: nameFormula(n),
    comment: n.comment,
    visible: n.visible,
  };
}

/** Conditional formats whose condition holds at a cell (Custom and CellValue are judged). */
export function conditionalFormatsAt(wb: WorkbookState, sheet: SheetState, row: number, col: number): ConditionalFormatSnapshot[] {
  const out: ConditionalFormatSnapshot[] = [];
  for (const e of sheet.conditionalFormats) {
    if (!e.rects.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)) continue;
    if (!conditionalFormatApplies(e, wb, sheet, row, col)) continue;
    out.push(conditionalFormatSnapshot(sheet, e));
    if (e.stopIfTrue) break;
  }
  return out;
}

export function sheetSnapshot(wb: WorkbookState, sheet: SheetState, usedRange: Rect | null): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const sorted = [...sheet.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of sorted) cells[cellName(c.row, c.col)] = cellSnapshot(wb, sheet, c.row, c.col);
  const pl = sheet.pageLayout;
  return {
    name: sheet.name,
    position: wb.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    protection: { protected: sheet.protection.protected, hasPassword: sheet.protection.password !== null, options: { ...sheet.protection.options } },
    pageLayout: {
      orientation: pl.orientation,
      paperSize: pl.paperSize,
      centerHorizontally: pl.centerHorizontally,
      centerVertically: pl.centerVertically,
      margins: { ...pl.margins },
      zoom: { ...pl.zoom },
      printTitleRows: pl.printTitleRows ? formatRect(pl.printTitleRows, true) : null,
      printTitleColumns: pl.printTitleColumns ? formatRect(pl.printTitleColumns, true) : null,
      printArea: pl.printArea ? pl.printArea.map((r) => formatRect(r)).join(',') : null,
      printGridlines: pl.printGridlines,
    },
    freezePanes: { ...sheet.freeze },
    columnWidths: Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])),
    rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r), h])),
    standardWidth: sheet.standardWidth,
    standardHeight: sheet.standardHeight,
    cells,
    merges: sheet.merges.map((m) => formatRect(m)).sort(),
    validations: sheet.validations.map(validationSnapshot),
    conditionalFormats: sheet.conditionalFormats.map((e) => conditionalFormatSnapshot(sheet, e)),
    names: Object.fromEntries(wb.names.filter((n) => n.scope === sheet).map((n) => [n.name, nameSnapshot(n)])),
    comments: Object.fromEntries(wb.comments.filter((c) => c.sheet === sheet).map((c) => [cellName(c.row, c.col), c.content])),
    usedRange: usedRange ? formatRect(usedRange) : null,
  };
}
