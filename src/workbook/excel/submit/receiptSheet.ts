/**
 * Writing the receipt sheet ("Biên nhận") from its plan: the earlier receipt sheet and its names
 * are removed and the sheet drawn afresh, in the caller's batch (queued, never synced here).
 * Only sheets that hold a receipt name are ours to delete; a person's own sheet that happens to
 * be called "Biên nhận" is left alone and ours gets "Biên nhận (2)".
 */
import { RECEIPT_NAMES } from '../../../domain/cellContract';
import type { SheetPlan } from '../../../layout/plan';
import { RECEIPT_SHEET_NAMES } from '../../../layout/receiptPlan';
import { splitReference } from '../a1';
import { renderPlan } from '../renderPlan';
import { freeSheetName, sheetKey } from '../sheetNames';

const RECEIPT_NAME_SET = new Set<string>(Object.values(RECEIPT_NAMES).map((n) => n.toLowerCase()));

export interface ReceiptSheetFound {
  /** Receipt names present in the workbook (to delete before the new ones are added). */
  names: string[];
  /** Ids of sheets those names point at. */
  sheetIds: string[];
  /** Every sheet name that stays (for a free name). */
  otherSheets: Set<string>;
}

/** Queues the reads that find the current receipt sheet; call the result after the caller's sync. */
export function queueFindReceiptSheet(context: Excel.RequestContext): () => ReceiptSheetFound {
  const names = context.workbook.names;
  // The same properties as the return's snapshot loads, so one batch may hold both reads.
  names.load('items/name,items/type,items/value');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/protection/protected,items/protection/options');
  return () => {
    const ours = names.items.filter((n) => RECEIPT_NAME_SET.has(n.name.toLowerCase()));
    const sheetNames = new Set(ours.map((n) => splitReference(String(n.value ?? '')).sheet).filter((s): s is string => !!s).map(sheetKey));
    const receiptSheets = sheets.items.filter((s) => sheetNames.has(sheetKey(s.name)));
    const ids = new Set(receiptSheets.map((s) => s.id));
    return {
      names: ours.map((n) => n.name),
      sheetIds: [...ids],
      otherSheets: new Set(sheets.items.filter((s) => !ids.has(s.id)).map((s) => sheetKey(s.name))),
    };
  };
}

/**
 * Queues: old receipt names and sheet removed, the plan drawn on a new sheet (activated when
 * `show`). The sheet is "Biên nhận" whatever the pane's language, as the Kiểm tra sheet keeps its
 * name: a reporter who switches the pane to English finds the sheet the pane names.
 */
export function queueWriteReceiptSheet(context: Excel.RequestContext, found: ReceiptSheetFound, plan: SheetPlan, show: boolean): string {
  for (const name of found.names) context.workbook.names.getItem(name).delete();
  const sheets = context.workbook.worksheets;
  const sheetName = freeSheetName(RECEIPT_SHEET_NAMES.vi, found.otherSheets);
  // A receipt is only written beside a return, so deleting the old one never leaves no visible sheet.
  for (const id of found.sheetIds) sheets.getItem(id).delete();
  const sheet = sheets.add(sheetName);
  renderPlan(context, sheet, { ...plan, sheetName }, { comments: false });
  if (show) sheet.activate();
  return sheetName;
}
