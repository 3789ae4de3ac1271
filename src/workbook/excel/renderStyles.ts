import type { CellStyle, SheetPlan } from '../../layout/plan';
import { cellAddress, cellsOf, columnIndex, parseCell, parseRect, type Cell } from './a1';
import { areasFor, groupCells } from './areas';

/**
 * Excel stores a column width in characters of the default font's widest digit, plus padding;
 * Office.js sets it in points. With Calibri 11 (Excel's and ExcelJS's default) a digit is 7 px and
 * a pixel is 0.75 pt, and the xlsx renderer writes the plan's width as the stored width (padding
 * included), so width × 7 px × 0.75 gives the same column in both renderers.
 */
export const POINTS_PER_WIDTH_UNIT = 7 * 0.75;

type Setter = (format: Excel.RangeFormat) => void;

/**
 * One setter per style property and value, so a property shared by many styles (size 11, a thin
 * border) is one operation over all its cells, not one per style. Values equal to Excel's
 * defaults for a new sheet are skipped.
 */
function settersOf(style: CellStyle): [string, Setter][] {
  const out: [string, Setter][] = [];
  const { bold, italic, fontSize, fontColor, fill, hAlign, vAlign, wrap, border, indent } = style;
  if (bold) out.push(['bold', (f) => (f.font.bold = true)]);
  if (italic) out.push(['italic', (f) => (f.font.italic = true)]);
  if (fontSize !== undefined) out.push([`size:${fontSize}`, (f) => (f.font.size = fontSize)]);
  if (fontColor) out.push([`color:${fontColor}`, (f) => (f.font.color = fontColor)]);
  if (fill) out.push([`fill:${fill}`, (f) => (f.fill.color = fill)]);
  if (hAlign) out.push([`h:${hAlign}`, (f) => (f.horizontalAlignment = H_ALIGN[hAlign])]);
  if (vAlign) out.push([`v:${vAlign}`, (f) => (f.verticalAlignment = V_ALIGN[vAlign])]);
  if (wrap) out.push(['wrap', (f) => (f.wrapText = true)]);
  if (indent) out.push([`indent:${indent}`, (f) => (f.indentLevel = indent)]);
  if (border) out.push(['border', thinBorders]);
  return out;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** A thin line on every edge of every cell: the outline of each area and the lines inside it. */
function thinBorders(format: Excel.RangeFormat): void {
  for (const edge of EDGES) {
    const border = format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
  }
}

/**
 * The cells a plan cell's format covers: itself, and where it is the top-left of a merge, the
 * merge's other cells the plan does not list. Excel draws a merged cell's borders from its edge
 * cells and checks every cell of it for protection; ExcelJS copies the top-left's style across
 * the merge, so both renderers give the same merged cell.
 */
export function formatCoverage(plan: SheetPlan): (address: string) => Cell[] {
  const listed = new Set(plan.cells.map((c) => cellAddress(parseCell(c.address))));
  const followers = new Map<string, Cell[]>();
  for (const merge of plan.merges) {
    const r = parseRect(merge);
    const anchor = cellAddress({ row: r.top, col: r.left });
    followers.set(anchor, cellsOf(merge).filter((c) => !listed.has(cellAddress(c))));
  }
  return (address) => {
    const at = parseCell(address);
    return [at, ...(followers.get(cellAddress(at)) ?? [])];
  };
}

export function renderStyles(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const coverage = formatCoverage(plan);
  const entries: [string, Cell][] = [];
  const setters = new Map<string, Setter>();
  for (const cell of plan.cells) {
    const style = cell.style ? plan.styles[cell.style] : undefined;
    if (!style) continue;
    const covered = coverage(cell.address);
    for (const [key, set] of settersOf(style)) {
      setters.set(key, set);
      for (const at of covered) entries.push([key, at]);
    }
  }
  for (const [key, cells] of groupCells(entries)) {
    for (const areas of areasFor(sheet, cells)) setters.get(key)!(areas.format);
  }
}

export function renderUnlockedInputs(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const coverage = formatCoverage(plan);
  const inputs = plan.cells.filter((c) => c.input).flatMap((c) => coverage(c.address));
  for (const areas of areasFor(sheet, inputs)) areas.format.protection.locked = false;
}

export function renderColumnWidths(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const byWidth = groupCells(plan.columns.map((c): [number, Cell] => [c.width, { row: 1, col: columnIndex(c.letter) }]));
  for (const [width, cells] of byWidth) {
    for (const areas of areasFor(sheet, cells)) areas.format.columnWidth = Math.round(width * POINTS_PER_WIDTH_UNIT * 100) / 100;
  }
}

export function renderRowHeights(sheet: Excel.Worksheet, plan: SheetPlan): void {
  // A row listed twice keeps its last height, as it would if each were set in turn.
  const last = new Map(plan.rowHeights.map((r) => [r.row, r.height]));
  const byHeight = groupCells([...last].map(([row, height]): [number, Cell] => [height, { row, col: 1 }]));
  for (const [height, cells] of byHeight) {
    for (const areas of areasFor(sheet, cells)) areas.format.rowHeight = height;
  }
}
