import type { SheetPlan } from '../../layout/plan';
import { columnLetters, parseCell } from './a1';
import { excelInput } from './cellInput';
import { renderConditionalFormats, renderDataBars, renderIconSets, renderValidations } from './renderRules';
import { renderColumnWidths, renderRowHeights, renderStyles, renderUnlockedInputs } from './renderStyles';

export interface RenderOptions {
  /** Cell comments need ExcelApi 1.10; without them the plan's notes stay as printed footnotes. */
  comments: boolean;
}

export interface RenderSummary {
  /** The rectangle written as values and number formats, e.g. "A1:P92". */
  bounds: string;
  commentsAdded: number;
}

/**
 * Queues the whole plan onto `sheet`; never syncs, so the caller decides how it batches.
 * Order matters in two places: values go in before merging (a merge keeps the top-left value),
 * and protection comes last (validation and comments cannot be added to a protected sheet).
 */
export function renderPlan(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan, options: RenderOptions): RenderSummary {
  const bounds = renderValuesAndFormats(sheet, plan);
  renderStyles(sheet, plan);
  renderColumnWidths(sheet, plan);
  renderRowHeights(sheet, plan);
  for (const merge of plan.merges) sheet.getRange(merge).merge(false);
  renderUnlockedInputs(sheet, plan);
  renderValidations(sheet, plan);
  renderConditionalFormats(sheet, plan);
  renderDataBars(sheet, plan);
  renderIconSets(sheet, plan);
  for (const n of plan.names) context.workbook.names.add(n.name, sheet.getRange(n.address), n.comment);
  const commentsAdded = options.comments ? renderComments(context, sheet, plan) : 0;
  renderPageLayout(sheet, plan);
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  if (plan.tabColor) sheet.tabColor = plan.tabColor;
  for (const [key, value] of Object.entries(plan.properties)) context.workbook.properties.custom.add(key, value);
  if (plan.protect) sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true, selectionMode: 'Normal' });
  return { bounds, commentsAdded };
}

/**
 * Values and number formats as one 2-D array each over the plan's bounding rectangle: two
 * operations whatever the number of indicators, and a payload proportional to the sheet
 * (tens of kilobytes for the return, far under Excel on the web's 5 MB request limit).
 */
function renderValuesAndFormats(sheet: Excel.Worksheet, plan: SheetPlan): string {
  const at = plan.cells.map((c) => ({ cell: c, ...parseCell(c.address) }));
  const rows = Math.max(1, ...at.map((c) => c.row));
  const cols = Math.max(1, ...at.map((c) => c.col));
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  for (const { cell, row, col } of at) {
    values[row - 1]![col - 1] = excelInput(cell.value);
    if (cell.numberFormat) formats[row - 1]![col - 1] = cell.numberFormat;
  }
  const bounds = `A1:${columnLetters(cols)}${rows}`;
  const range = sheet.getRange(bounds);
  // Formats before values, so no format Excel infers from a value can outlast the plan's.
  range.numberFormat = formats;
  range.values = values;
  return bounds;
}

function renderComments(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan): number {
  for (const note of plan.notes) context.workbook.comments.add(sheet.getRange(note.address), note.text);
  return plan.notes.length;
}

function renderPageLayout(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const { print } = plan;
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = print.paper;
  // "Fit all columns on one page": so many pages wide, 0 = as many pages tall as needed.
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  layout.centerHorizontally = print.centerHorizontally;
  layout.setPrintMargins('Inches', { ...print.margins });
  layout.setPrintArea(print.printArea);
  const [first, last = first] = print.titleRows.split(':');
  layout.setPrintTitleRows(`$${first}:$${last}`);
}
