import type ExcelJS from 'exceljs';
import type { CellStyle } from '../../layout/plan';

/** "#RRGGBB" → ExcelJS's opaque ARGB "FFRRGGBB". */
export function argb(hex: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a "#RRGGBB" colour: ${hex}`);
  return `FF${match[1]!.toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/** The workbook's default font; a cell font without a name falls back differently in each host. */
export const DEFAULT_FONT = { name: 'Calibri', family: 2, size: 11 } as const;

export function fontOf(style: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (!style.bold && !style.italic && !style.fontSize && !style.fontColor) return undefined;
  const font: Partial<ExcelJS.Font> = { ...DEFAULT_FONT };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  return font;
}

export function solidFill(hex: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

export function alignmentOf(style: CellStyle): Partial<ExcelJS.Alignment> | undefined {
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign;
  // ExcelJS (like the file format) calls vertical centring "middle".
  if (style.vAlign) alignment.vertical = style.vAlign === 'center' ? 'middle' : style.vAlign;
  if (style.wrap) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  return Object.keys(alignment).length ? alignment : undefined;
}

export function bordersOf(style: CellStyle): Partial<ExcelJS.Borders> | undefined {
  return style.border ? { top: THIN, left: THIN, bottom: THIN, right: THIN } : undefined;
}

/**
 * Applies a named plan style to a cell. Each part is assigned only when the style sets it, so
 * the workbook's defaults (Calibri 11, no fill) stay untouched elsewhere.
 */
export function applyCellStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const font = fontOf(style);
  if (font) cell.font = font;
  if (style.fill) cell.fill = solidFill(style.fill);
  const alignment = alignmentOf(style);
  if (alignment) cell.alignment = alignment;
  const border = bordersOf(style);
  if (border) cell.border = border;
}
