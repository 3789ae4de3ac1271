/**
 * The second sync of a check: earlier marks undone, flagged cells marked, the "Kiểm tra" sheet
 * written afresh. Operations grow with the number of distinct fills and areas, never a sync per
 * flag; the payload is one 2-D array for the whole check sheet.
 */
import type { Catalogue } from '../../../catalogue/schema';
import type { CheckResult } from '../../../domain/flags';
import type { ReturnData } from '../../../domain/returnData';
import type { Lang } from '../../port';
import { columnLetters } from '../a1';
import { areasFor } from '../areas';
import { POINTS_PER_WIDTH_UNIT } from '../renderStyles';
import {
  cellInput,
  CHECK_SHEET_NAME,
  CHECK_WIDTH,
  checkTime,
  COLUMN_WIDTHS,
  HEADER_ROW,
  JUSTIFICATION_COLUMN,
  KEY_COLUMN,
  layoutCheckSheet,
} from './checkSheet';
import { MARK_FILL, MARKS_SETTING, planMarks, queueFills } from './marks';
import { DEFAULT_PROTECTION, withoutProtection } from './protection';
import type { ReturnSnapshot, SheetInfo } from './readReturn';

export interface WriteOptions {
  lang: Lang;
  now: Date;
  /** For the Kiểm tra sheet's row names ("2,8", not "2.8"). */
  catalogue?: Catalogue;
}

/**
 * Queues, never syncs: the earlier marks restored (on whichever sheet they were, found by id),
 * the new marks, their record, and the "Kiểm tra" sheet. Each protected sheet is lifted and put
 * back around its own writes, inside this one batch.
 */
export function queueWriteMarks(context: Excel.RequestContext, snapshot: ReturnSnapshot, data: ReturnData, result: CheckResult, { lang, now, catalogue }: WriteOptions): void {
  const sheets = context.workbook.worksheets;
  const target = snapshot.returnSheet;
  if (target) {
    const stored = snapshot.storedMarks;
    const plan = planMarks(result.flags, data.locations, target.id, snapshot.fills, stored);
    const storedSheet = stored ? snapshot.sheets.find((s) => s.id === stored.sheetId) ?? null : null;
    const onSheet = (info: SheetInfo, restore: boolean, mark: boolean) => {
      const sheet = sheets.getItem(info.id);
      withoutProtection(sheet, info.protection, () => {
        if (restore) queueFills(sheet, plan.restore);
        if (mark) queueFills(sheet, plan.mark);
      });
    };
    if (storedSheet && storedSheet.id !== target.id && plan.restore.size) onSheet(storedSheet, true, false);
    const restoreHere = storedSheet?.id === target.id && plan.restore.size > 0;
    if (restoreHere || plan.mark.size) onSheet(target, restoreHere, plan.mark.size > 0);
    if (stored || plan.mark.size) context.workbook.settings.add(MARKS_SETTING, plan.next);
  }
  queueCheckSheet(sheets, snapshot, data, result, lang, now, catalogue);
}

function queueCheckSheet(
  sheets: Excel.WorksheetCollection,
  snapshot: ReturnSnapshot,
  data: ReturnData,
  result: CheckResult,
  lang: Lang,
  now: Date,
  catalogue: Catalogue | undefined,
): void {
  const layout = layoutCheckSheet({
    ...(catalogue ? { catalogue } : {}),
    flags: result.flags,
    counts: result.counts,
    checkedAt: checkTime(now),
    lang,
    justifications: data.justifications,
    earlier: snapshot.checkSheet?.entries ?? new Map(),
    locations: data.locations,
  });
  let sheet: Excel.Worksheet;
  const existing = snapshot.checkSheet?.info;
  if (existing) {
    sheet = sheets.getItem(existing.id);
    if (existing.protection.protected) sheet.protection.unprotect();
    sheet.getRange().clear('All');
  } else sheet = sheets.add(CHECK_SHEET_NAME);

  const last = columnLetters(CHECK_WIDTH);
  const block = sheet.getRange(`A1:${last}${layout.rows.length}`);
  block.formulas = layout.rows.map(cellInput);
  block.format.verticalAlignment = 'Top';
  COLUMN_WIDTHS.forEach((w, i) => (sheet.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = Math.round(w * POINTS_PER_WIDTH_UNIT * 100) / 100));
  sheet.getRange(`D:${JUSTIFICATION_COLUMN}`).format.wrapText = true;

  const rowsCells = (rows: number[], col = 1) => rows.map((row) => ({ row, col }));
  const wide = (rows: number[]) => rows.flatMap((row) => Array.from({ length: CHECK_WIDTH }, (_, c) => ({ row, col: c + 1 })));
  const title = sheet.getRange('A1').format.font;
  title.bold = true;
  title.size = 13;
  for (const areas of areasFor(sheet, wide(layout.headerRows))) {
    areas.format.font.bold = true;
    areas.format.fill.color = '#D9E1F2';
  }
  for (const areas of areasFor(sheet, rowsCells(layout.headingRows.slice(1)))) areas.format.font.bold = true;
  for (const [severity, rows] of layout.severityRows) for (const areas of areasFor(sheet, rowsCells(rows))) areas.format.fill.color = MARK_FILL[severity];

  const bands = [layout.flagRows, layout.priorRows].filter((b): b is { first: number; last: number } => b !== null);
  for (const band of bands) {
    const rows = sheet.getRange(`A${band.first - 1}:${last}${band.last}`);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      const border = rows.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
    const justification = sheet.getRange(`${JUSTIFICATION_COLUMN}${band.first}:${JUSTIFICATION_COLUMN}${band.last}`);
    justification.format.protection.locked = false;
    justification.format.fill.color = '#FFF2CC';
    const keys = sheet.getRange(`${KEY_COLUMN}${band.first}:${KEY_COLUMN}${band.last}`).format.font;
    keys.color = '#808080';
    keys.size = 9;
  }
  sheet.freezePanes.freezeRows(HEADER_ROW);
  sheet.protection.protect(existing?.protection.protected ? existing.protection.options ?? DEFAULT_PROTECTION : DEFAULT_PROTECTION);
}
