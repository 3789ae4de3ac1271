/**
 * Changes to cells and their formats, with Excel's checks: 2-D shapes, sheet protection, merged
 * areas, limits. Shared by the queued Office.js operations and the host's direct helpers.
 */
import { cellKey, cellsOfRect, contains, intersect, isEntireColumns, isEntireRows, rectCellCount, rectColumns, rectRows, type Rect } from './address';
import { FakeRichApiError, fail, PROTECTED_SHEET_MESSAGE } from './errors';
import { cellResult } from './formula';
import {
  applyPatch,
  defaultFormat,
  ensureCell,
  existingCellsIn,
  formatAt,
  formatsIn,
  hasContent,
  layeredFormat,
  mergePatches,
  type CellState,
  type Edge,
  type FormatPatch,
  type FormatState,
  type SheetState,
  type WorkbookState,
} from './model';
import { displayText, isValidNumberFormat } from './numberFormat';
import { parseInput, type CellContent } from './typedInput';

/** One or more rectangles on one sheet: what a Range (one) or RangeAreas (several) stands for. */
export interface Areas {
  sheet: SheetState;
  rects: Rect[];
}

/** Larger reads are refused, as Excel refuses responses over its payload limit. */
export const MAX_READ_CELLS = 5_000_000;
const MAX_TEXT_LENGTH = 32767;
/** 255 characters of Calibri 11 (7 px each, plus 5 px padding) in points; rows stop at 409 pt. */
export const MAX_COLUMN_WIDTH = ((255 * 7 + 5) * 3) / 4;
export const MAX_ROW_HEIGHT = 409;

const SHAPE_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export function denyProtected(sheet: SheetState, detail: string): never {
  throw new FakeRichApiError('AccessDenied', { message: PROTECTED_SHEET_MESSAGE, detail: `${sheet.name} is protected: ${detail}` });
}

export function isLockedAt(sheet: SheetState, row: number, col: number): boolean {
  return formatAt(sheet, row, col).locked;
}

/** Writing contents to locked cells of a protected sheet is refused; unlocked cells are open. */
export function assertContentsEditable(sheet: SheetState, rects: readonly Rect[]): void {
  if (!sheet.protection.protected) return;
  for (const rect of rects) {
    if (formatsIn(sheet, rect).some((f) => f.locked)) denyProtected(sheet, `a cell in ${rectLabel(rect)} is locked`);
  }
}

export type FormatScope = 'cells' | 'columns' | 'rows';

export function assertFormattable(sheet: SheetState, scope: FormatScope): void {
  if (!sheet.protection.protected) return;
  const o = sheet.protection.options;
  const allowed = scope === 'cells' ? o.allowFormatCells : scope === 'columns' ? o.allowFormatColumns : o.allowFormatRows;
  if (!allowed) denyProtected(sheet, `formatting ${scope} is not allowed by its protection options`);
}

export function assertUnprotected(sheet: SheetState, what: string): void {
  if (sheet.protection.protected) denyProtected(sheet, `${what} is not possible on a protected sheet`);
}

function rectLabel(r: Rect): string {
  return `R${r.top}C${r.left}:R${r.bottom}C${r.right}`;
}

/** A scalar fills the range; an array must be rows × columns exactly. */
export function toMatrix(input: unknown, rect: Rect): unknown[][] {
  const rows = rectRows(rect);
  const cols = rectColumns(rect);
  if (!Array.isArray(input)) {
    if (rows * cols > MAX_READ_CELLS) fail('InvalidArgument', 'range too large to fill');
    return Array.from({ length: rows }, () => Array<unknown>(cols).fill(input));
  }
  const bad = input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols);
  if (bad) {
    const shape = `${input.length}×${Array.isArray(input[0]) ? input[0].length : 'non-array'}`;
    throw new FakeRichApiError('InvalidArgument', { message: SHAPE_MESSAGE, detail: `got ${shape}, range is ${rows}×${cols}` });
  }
  return input as unknown[][];
}

function checkCellInput(v: unknown): void {
  if (v === null || v === undefined || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail('InvalidArgument', `${v} cannot be stored in a cell`);
    return;
  }
  if (typeof v === 'string') {
    if (v.length > MAX_TEXT_LENGTH) fail('InvalidArgument', `text of ${v.length} characters exceeds Excel's ${MAX_TEXT_LENGTH}`);
    return;
  }
  fail('InvalidArgument', `a cell cannot hold ${Object.prototype.toString.call(v)}`);
}

export function setContent(cell: CellState, content: CellContent): void {
  if (content.kind === 'formula') {
    cell.formula = content.formula;
    cell.value = '';
    cell.isError = false;
    return;
  }
  cell.formula = null;
  cell.value = content.value;
  cell.isError = content.isError;
  if (content.numberFormat) cell.format.numberFormat = content.numberFormat;
}

/** What Office.js makes of one element written to `values` or `formulas`. */
export function apiContent(v: string | number | boolean, cellFormat: string): CellContent {
  if (typeof v === 'string') return parseInput(v, cellFormat, { percentEntry: false });
  return { kind: 'value', value: Object.is(v, -0) ? 0 : v, isError: false };
}

export type MatrixKind = 'values' | 'formulas' | 'numberFormat';

/** `Range.values` / `formulas` / `numberFormat` assignment; null elements leave a cell as it is. */
export function writeMatrix(sheet: SheetState, rect: Rect, kind: MatrixKind, input: unknown): void {
  // One format for whole columns or rows is a layer, as Excel keeps it, not a million cells.
  if (kind === 'numberFormat' && typeof input === 'string' && (isEntireColumns(rect) || isEntireRows(rect))) {
    if (!isValidNumberFormat(input)) fail('InvalidArgument', `invalid number format ${JSON.stringify(input)}`);
    assertFormattable(sheet, 'cells');
    patchRects(sheet, [rect], { numberFormat: input });
    return;
  }
  const matrix = toMatrix(input, rect);
  const touched: Rect[] = [];
  matrix.forEach((row, i) =>
    row.forEach((v, j) => {
      if (kind === 'numberFormat') {
        if (v !== null && v !== undefined && (typeof v !== 'string' || !isValidNumberFormat(v))) fail('InvalidArgument', `invalid number format ${JSON.stringify(v)}`);
      } else checkCellInput(v);
      if (v !== null && v !== undefined) touched.push({ top: rect.top + i, bottom: rect.top + i, left: rect.left + j, right: rect.left + j });
    }),
  );
  if (kind === 'numberFormat') {
    if (touched.length) assertFormattable(sheet, 'cells');
  } else assertContentsEditable(sheet, touched.length === rectCellCount(rect) ? [rect] : touched);
  matrix.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ensureCell(sheet, rect.top + i, rect.left + j);
      if (kind === 'numberFormat') cell.format.numberFormat = v as string;
      else setContent(cell, apiContent(v as string | number | boolean, cell.format.numberFormat));
    }),
  );
}

export type ReadKind = 'values' | 'text' | 'formulas' | 'numberFormat' | 'valueTypes';

function valueType(cell: CellState | undefined, wb: WorkbookState, sheet: SheetState): string {
  if (!cell) return 'Empty';
  const r = cellResult(wb, sheet, cell.row, cell.col);
  if (r.isError) return 'Error';
  if (typeof r.value === 'number') return 'Double';
  if (typeof r.value === 'boolean') return 'Boolean';
  return r.value === '' ? 'Empty' : 'String';
}

export function readMatrix(wb: WorkbookState, sheet: SheetState, rect: Rect, kind: ReadKind): unknown[][] {
  if (rectCellCount(rect) > MAX_READ_CELLS) fail('ResponsePayloadSizeLimitExceeded', `reading ${kind} of ${rectCellCount(rect)} cells`);
  const layered = sheet.layers.columns.size > 0 || sheet.layers.rows.size > 0 || Object.keys(sheet.layers.sheet).length > 0;
  const blank = kind === 'numberFormat' ? 'General' : kind === 'valueTypes' ? 'Empty' : '';
  const out = Array.from({ length: rectRows(rect) }, () => Array<unknown>(rectColumns(rect)).fill(blank));
  if (kind === 'numberFormat' && layered) {
    for (const [row, col] of cellsOfRect(rect)) out[row - rect.top]![col - rect.left] = layeredFormat(sheet, row, col).numberFormat;
  }
  for (const cell of existingCellsIn(sheet, rect)) {
    const i = cell.row - rect.top;
    const j = cell.col - rect.left;
    if (kind === 'numberFormat') out[i]![j] = cell.format.numberFormat;
    else if (kind === 'valueTypes') out[i]![j] = valueType(cell, wb, sheet);
    else if (kind === 'formulas') out[i]![j] = cell.formula ?? cell.value;
    else {
      const r = cellResult(wb, sheet, cell.row, cell.col);
      out[i]![j] = kind === 'values' ? r.value : displayText(r.value, r.isError, cell.format.numberFormat);
    }
  }
  return out;
}

export function cellText(wb: WorkbookState, sheet: SheetState, row: number, col: number): string {
  const r = cellResult(wb, sheet, row, col);
  return displayText(r.value, r.isError, formatAt(sheet, row, col).numberFormat);
}

/**
 * Applies a format change to rectangles. Whole columns, rows or the whole sheet change a layer
 * (plus the records inside); where a row layer crosses a changed column (or the reverse) the
 * crossing cells get records first, so the latest change wins there as it does in Excel.
 */
export function patchRects(sheet: SheetState, rects: readonly Rect[], patch: FormatPatch): void {
  for (const rect of rects) {
    const cols = isEntireColumns(rect);
    const rows = isEntireRows(rect);
    if (cols && rows) {
      sheet.layers.sheet = mergePatches(sheet.layers.sheet, patch);
      for (const [c, p] of sheet.layers.columns) sheet.layers.columns.set(c, mergePatches(p, patch));
      for (const [r, p] of sheet.layers.rows) sheet.layers.rows.set(r, mergePatches(p, patch));
      for (const cell of sheet.cells.values()) applyPatch(cell.format, patch);
    } else if (cols) {
      for (const r of sheet.layers.rows.keys()) for (let c = rect.left; c <= rect.right; c++) ensureCell(sheet, r, c);
      for (let c = rect.left; c <= rect.right; c++) sheet.layers.columns.set(c, mergePatches(sheet.layers.columns.get(c) ?? {}, patch));
      for (const cell of existingCellsIn(sheet, rect)) applyPatch(cell.format, patch);
    } else if (rows) {
      for (const c of sheet.layers.columns.keys()) for (let r = rect.top; r <= rect.bottom; r++) ensureCell(sheet, r, c);
      for (let r = rect.top; r <= rect.bottom; r++) sheet.layers.rows.set(r, mergePatches(sheet.layers.rows.get(r) ?? {}, patch));
      for (const cell of existingCellsIn(sheet, rect)) applyPatch(cell.format, patch);
    } else {
      for (const [row, col] of cellsOfRect(rect)) applyPatch(ensureCell(sheet, row, col).format, patch);
    }
  }
}

export function applyFormat(sheet: SheetState, rects: readonly Rect[], patch: FormatPatch): void {
  assertFormattable(sheet, 'cells');
  patchRects(sheet, rects, patch);
}

/** A format property over rectangles: the common value, or null when cells differ (as Excel reports). */
export function commonFormat<T>(sheet: SheetState, rects: readonly Rect[], pick: (f: FormatState) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (const rect of rects) {
    for (const f of formatsIn(sheet, rect)) {
      const v = pick(f);
      if (first) {
        value = v;
        first = false;
      } else if (JSON.stringify(v) !== JSON.stringify(value)) return null;
    }
  }
  return value;
}

export type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical' | 'DiagonalDown' | 'DiagonalUp';
export const BORDER_INDEXES: readonly BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

/** The cell edges one of Excel's border indexes stands for, as (sub-rectangle, edge) pairs. */
export function borderTargets(rect: Rect, index: BorderIndex): [Rect, Edge][] {
  const { top, bottom, left, right } = rect;
  switch (index) {
    case 'EdgeTop':
      return [[{ top, bottom: top, left, right }, 'top']];
    case 'EdgeBottom':
      return [[{ top: bottom, bottom, left, right }, 'bottom']];
    case 'EdgeLeft':
      return [[{ top, bottom, left, right: left }, 'left']];
    case 'EdgeRight':
      return [[{ top, bottom, left: right, right }, 'right']];
    case 'InsideHorizontal':
      return top === bottom ? [] : [[{ top, bottom: bottom - 1, left, right }, 'bottom'], [{ top: top + 1, bottom, left, right }, 'top']];
    case 'InsideVertical':
      return left === right ? [] : [[{ top, bottom, left, right: right - 1 }, 'right'], [{ top, bottom, left: left + 1, right }, 'left']];
    case 'DiagonalDown':
      return [[rect, 'diagonalDown']];
    case 'DiagonalUp':
      return [[rect, 'diagonalUp']];
  }
}

export function applyBorder(sheet: SheetState, rects: readonly Rect[], index: BorderIndex, change: { style?: string; weight?: string; color?: string }): void {
  assertFormattable(sheet, 'cells');
  for (const rect of rects) {
    for (const [sub, edge] of borderTargets(rect, index)) {
      patchRects(sheet, [sub], { borders: { [edge]: change.style === 'None' ? null : change } } as FormatPatch);
    }
  }
}

export function readBorder(sheet: SheetState, rects: readonly Rect[], index: BorderIndex): { style: string | null; weight: string | null; color: string | null } {
  const states: ({ style: string; weight: string; color: string } | null)[] = [];
  for (const rect of rects) {
    for (const [sub, edge] of borderTargets(rect, index)) for (const f of formatsIn(sheet, sub)) states.push(f.borders[edge]);
  }
  const pick = (k: 'style' | 'weight' | 'color', none: string | null) => {
    const vals = new Set(states.map((s) => (s ? s[k] : none)));
    return vals.size === 1 ? [...vals][0]! : null;
  };
  return { style: pick('style', 'None'), weight: pick('weight', 'Thin'), color: pick('color', '#000000') };
}

export function setColumnWidth(sheet: SheetState, rects: readonly Rect[], width: unknown): void {
  if (typeof width !== 'number' || !Number.isFinite(width) || width < 0 || width > MAX_COLUMN_WIDTH) fail('InvalidArgument', `column width ${String(width)} is outside 0–${MAX_COLUMN_WIDTH} points`);
  assertFormattable(sheet, 'columns');
  for (const rect of rects) {
    if (isEntireRows(rect)) {
      sheet.standardWidth = width;
      sheet.columnWidths.clear();
    } else for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, width);
  }
}

export function setRowHeight(sheet: SheetState, rects: readonly Rect[], height: unknown): void {
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > MAX_ROW_HEIGHT) fail('InvalidArgument', `row height ${String(height)} is outside 0–${MAX_ROW_HEIGHT} points`);
  assertFormattable(sheet, 'rows');
  for (const rect of rects) {
    if (isEntireColumns(rect)) {
      sheet.standardHeight = height;
      sheet.rowHeights.clear();
    } else for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, height);
  }
}

export function columnWidthOf(sheet: SheetState, col: number): number {
  return sheet.columnWidths.get(col) ?? sheet.standardWidth;
}

export function rowHeightOf(sheet: SheetState, row: number): number {
  return sheet.rowHeights.get(row) ?? sheet.standardHeight;
}

/** One size for every column (row) of the rectangles, or null when they differ. */
export function commonSize(rects: readonly Rect[], axis: 'columns' | 'rows', explicit: Map<number, number>, standard: number): number | null {
  const sizes = new Set<number>();
  for (const r of rects) {
    const [from, to] = axis === 'columns' ? [r.left, r.right] : [r.top, r.bottom];
    let listed = 0;
    for (const [i, size] of explicit) {
      if (i < from || i > to) continue;
      sizes.add(size);
      listed++;
    }
    if (listed < to - from + 1) sizes.add(standard);
  }
  return sizes.size === 1 ? [...sizes][0]! : null;
}

/**
 * Autofit by the longest displayed text (Calibri-like 7 px per character at 11 pt, 5 px padding).
 * An approximation: enough for "is the label visible", not for pixel comparisons.
 */
export function autofitColumns(wb: WorkbookState, sheet: SheetState, rects: readonly Rect[]): void {
  assertFormattable(sheet, 'columns');
  for (const rect of rects) {
    const longest = new Map<number, number>();
    for (const cell of existingCellsIn(sheet, rect)) {
      if (!hasContent(cell) || cell.format.wrapText || sheet.merges.some((m) => m.left !== m.right && contains(m, { top: cell.row, bottom: cell.row, left: cell.col, right: cell.col }))) continue;
      const px = cellText(wb, sheet, cell.row, cell.col).length * 7 * (cell.format.font.size / 11) + 5;
      longest.set(cell.col, Math.max(longest.get(cell.col) ?? 0, px));
    }
    for (const [col, px] of longest) sheet.columnWidths.set(col, Math.min(MAX_COLUMN_WIDTH, Math.round(px * 0.75 * 100) / 100));
  }
}

export function autofitRows(wb: WorkbookState, sheet: SheetState, rects: readonly Rect[]): void {
  assertFormattable(sheet, 'rows');
  for (const rect of rects) {
    const tallest = new Map<number, number>();
    for (const cell of existingCellsIn(sheet, rect)) {
      const lineHeight = (cell.format.font.size / 11) * 15;
      let lines = 1;
      if (cell.format.wrapText && hasContent(cell)) {
        const chars = Math.max(1, Math.floor((columnWidthOf(sheet, cell.col) / 0.75 - 5) / 7));
        lines = cellText(wb, sheet, cell.row, cell.col)
          .split('\n')
          .reduce((n, para) => n + Math.max(1, Math.ceil(para.length / chars)), 0);
      }
      tallest.set(cell.row, Math.max(tallest.get(cell.row) ?? 0, Math.min(MAX_ROW_HEIGHT, lines * lineHeight)));
    }
    for (const [row, h] of tallest) sheet.rowHeights.set(row, h);
  }
}

/**
 * Merging keeps the upper-left value and clears the rest (Excel's documented behaviour). A merge
 * that cuts through an existing merged area is refused; one that covers it absorbs it.
 */
export function mergeRects(sheet: SheetState, rects: readonly Rect[], across: boolean): void {
  assertUnprotected(sheet, 'merging cells');
  for (const rect of rects) {
    const pieces = across ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
    for (const piece of pieces) {
      if (rectCellCount(piece) === 1) continue;
      const cut = sheet.merges.find((m) => intersect(m, piece) && !contains(piece, m));
      if (cut) throw new FakeRichApiError('MergedRangeConflict', { detail: `merging ${rectLabel(piece)} would cut merged area ${rectLabel(cut)}` });
      sheet.merges = sheet.merges.filter((m) => !contains(piece, m));
      for (const cell of existingCellsIn(sheet, piece)) {
        if (cell.row === piece.top && cell.col === piece.left) continue;
        cell.value = '';
        cell.formula = null;
        cell.isError = false;
      }
      sheet.merges.push(piece);
    }
  }
}

export function unmergeRects(sheet: SheetState, rects: readonly Rect[]): void {
  assertUnprotected(sheet, 'unmerging cells');
  sheet.merges = sheet.merges.filter((m) => !rects.some((r) => intersect(m, r)));
}

export type ClearApplyTo = 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents';

/** Contents: values and formulas. Formats: cell formats back to Normal, and merges undone. */
export function clearRects(sheet: SheetState, rects: readonly Rect[], applyTo: ClearApplyTo): void {
  const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  if (contents) assertContentsEditable(sheet, rects);
  if (formats) assertFormattable(sheet, 'cells');
  for (const rect of rects) {
    if (contents) {
      for (const cell of existingCellsIn(sheet, rect)) {
        cell.value = '';
        cell.formula = null;
        cell.isError = false;
      }
    }
    if (formats) {
      if (isEntireColumns(rect) && isEntireRows(rect)) {
        sheet.layers = { sheet: {}, columns: new Map(), rows: new Map() };
      } else if (isEntireColumns(rect)) {
        for (let c = rect.left; c <= rect.right; c++) sheet.layers.columns.delete(c);
      } else if (isEntireRows(rect)) {
        for (let r = rect.top; r <= rect.bottom; r++) sheet.layers.rows.delete(r);
      }
      for (const cell of existingCellsIn(sheet, rect)) cell.format = defaultFormat();
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    }
    for (const cell of [...existingCellsIn(sheet, rect)]) {
      if (!hasContent(cell) && JSON.stringify(cell.format) === JSON.stringify(layeredFormat(sheet, cell.row, cell.col))) sheet.cells.delete(cellKey(cell.row, cell.col));
    }
  }
}

/** Used range: the bounding box of cells with contents (valuesOnly) or with any record. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const cell of sheet.cells.values()) {
    if (valuesOnly && !hasContent(cell)) continue;
    if (!valuesOnly && !hasContent(cell) && JSON.stringify(cell.format) === JSON.stringify(layeredFormat(sheet, cell.row, cell.col))) continue;
    r = r
      ? { top: Math.min(r.top, cell.row), left: Math.min(r.left, cell.col), bottom: Math.max(r.bottom, cell.row), right: Math.max(r.right, cell.col) }
      : { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
  }
  return r;
}
