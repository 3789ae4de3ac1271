/**
 * What the preview grid draws: a sheet as plain data, independent of how the fake host stores
 * it (fromFakeHost.ts converts). Sizes are in points, as Excel reports them.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type HAlign = 'left' | 'center' | 'right' | 'general';
export type VAlign = 'top' | 'center' | 'bottom';

export interface CellLook {
  /** What Excel would display (number format applied). */
  text: string;
  /** Numbers align right under "General", text left, as in Excel. */
  isNumber: boolean;
  bold: boolean;
  italic: boolean;
  /** Points. */
  fontSize: number;
  fontColor: string;
  fill: string | null;
  hAlign: HAlign;
  vAlign: VAlign;
  wrap: boolean;
  indent: number;
  locked: boolean;
  borders: { top: boolean; bottom: boolean; left: boolean; right: boolean };
}

export interface InputPrompt {
  title: string;
  message: string;
}

export interface SheetView {
  name: string;
  tabColor: string;
  protected: boolean;
  /** Rows and columns worth drawing: the used range plus a margin. */
  rowCount: number;
  colCount: number;
  columnWidths: number[];
  rowHeights: number[];
  /** Indexed [row - 1][col - 1]; undefined where the cell has nothing to show. */
  cells: (CellLook | undefined)[][];
  merges: Rect[];
  promptAt(row: number, col: number): InputPrompt | null;
}

export interface SheetTab {
  name: string;
  tabColor: string;
}

export interface WorkbookView {
  /** Visible sheets in tab order. */
  sheets: SheetTab[];
  /** Drawn on demand: only the sheet on screen costs anything. */
  sheet(name: string): SheetView | null;
  activeSheet: string | null;
  selection: { sheet: string; row: number; col: number } | null;
  syncCount: number;
}

/** Where a cell sits in the drawn table: the top-left of a merge spans it, the rest are skipped. */
export type SpanSlot = { kind: 'cell'; rowSpan: number; colSpan: number } | { kind: 'covered' };

/** rows × cols slots; merges clipped to the drawn area. */
export function spanSlots(merges: readonly Rect[], rows: number, cols: number): SpanSlot[][] {
  const slots: SpanSlot[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ({ kind: 'cell', rowSpan: 1, colSpan: 1 }) as SpanSlot));
  for (const m of merges) {
    if (m.top > rows || m.left > cols) continue;
    const bottom = Math.min(m.bottom, rows);
    const right = Math.min(m.right, cols);
    for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) slots[r - 1]![c - 1] = { kind: 'covered' };
    slots[m.top - 1]![m.left - 1] = { kind: 'cell', rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 };
  }
  return slots;
}

/** The merge's top-left when (row, col) lies inside a merge, so clicks land where Excel puts them. */
export function anchorOf(merges: readonly Rect[], row: number, col: number): { row: number; col: number } {
  const m = merges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  return m ? { row: m.top, col: m.left } : { row, col };
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const addressOf = (row: number, col: number) => `${columnLetters(col)}${row}`;

/** Points to CSS pixels (96 dpi), as Excel on the web draws them. */
export const px = (points: number) => Math.round((points * 4) / 3);
