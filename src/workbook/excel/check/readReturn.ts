/**
 * Everything a check needs from the workbook, queued for one sync: every contract name's cell
 * (value, displayed text, number format, address, fill), the sheets and their protection, the
 * "Kiểm tra" sheet's rows (justifications), the record of earlier marks and the acknowledged
 * warnings (the one record of them, shared with the Gửi panel).
 */
import { allRows, loadCatalogue } from '../../../catalogue/load';
import type { Catalogue } from '../../../catalogue/schema';
import { contractNames, interpretReads, type NameRead } from '../../../domain/readContract';
import type { ReadResult } from '../../../domain/returnData';
import { HEADER_NAMES } from '../../../domain/cellContract';
import { typedAsFormula } from '../../../domain/parse/noDataSpelling';
import { parseRect, splitReference } from '../a1';
import { CHECK_SHEET_NAME, justificationsOf, readCheckRows, type CheckSheetEntry } from './checkSheet';
import { ACKNOWLEDGED_SETTING, parseAcknowledged } from '../submit/settings';
import { MARKS_SETTING, parseStoredMarks, type StoredMarks } from './marks';
import type { ProtectionState } from './protection';

export interface SheetInfo {
  name: string;
  id: string;
  protection: ProtectionState;
}

export interface ReturnSnapshot {
  result: ReadResult;
  /** The return's contract cells (A1 on its sheet) → their fill as Excel reports it. */
  fills: Map<string, string | null>;
  sheets: SheetInfo[];
  /** The sheet CT_UNIT_ID is on, when the return could be read. */
  returnSheet: SheetInfo | null;
  checkSheet: { info: SheetInfo; entries: Map<string, CheckSheetEntry> } | null;
  storedMarks: StoredMarks | null;
  /** Flag keys of warnings acknowledged as needing no justification (setting `chitieu.acknowledged`). */
  acknowledged: string[];
  /** Contract name → what a person typed that Excel made a formula of ("- chưa điều tra" → =- chưa điều tra, #NAME?). */
  typedFormulas: Map<string, string>;
}

const sheetKey = (name: string) => name.toLowerCase();

/** Queues the reads; call the result after the caller's one `context.sync()`. */
export function queueReturnSnapshot(context: Excel.RequestContext, catalogue: Catalogue): () => ReturnSnapshot {
  const rowIds = allRows(catalogue).map((r) => r.id);
  const { all } = contractNames(rowIds);
  const names = context.workbook.names;
  // Tells a name to #REF! from one to a constant, for names whose range comes back null.
  names.load('items/name,items/type,items/value');
  const queued = all.map((name) => {
    const item = names.getItemOrNullObject(name);
    const range = item.getRangeOrNullObject();
    range.load('address,values,text,numberFormat,formulas,format/fill/color');
    return { name, item, range };
  });
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/protection/protected,items/protection/options');
  const used = worksheets.getItemOrNullObject(CHECK_SHEET_NAME).getUsedRangeOrNullObject(true);
  used.load('address,formulas');
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  // Read in the same sync: the pane shows the workbook's acknowledgements, not a copy of its own.
  const acknowledged = context.workbook.settings.getItemOrNullObject(ACKNOWLEDGED_SETTING);
  acknowledged.load('value');

  return () => {
    const byName = new Map(names.items.map((n) => [n.name.toLowerCase(), n]));
    const reads = new Map<string, NameRead>();
    const fills = new Map<string, string | null>();
    const typedFormulas = new Map<string, string>();
    for (const { name, item, range } of queued) {
      const read = nameRead(name, item, range, byName, fills);
      reads.set(name, read);
      const typed = read.state === 'ok' ? typedAsFormula(range.formulas[0]?.[0], range.values[0]?.[0]) : null;
      if (typed !== null) typedFormulas.set(name, typed);
    }

    const sheets: SheetInfo[] = worksheets.items.map((s) => ({
      name: s.name,
      id: s.id,
      protection: { protected: s.protection.protected, options: s.protection.options ?? null },
    }));
    const find = (name: string) => sheets.find((s) => sheetKey(s.name) === sheetKey(name)) ?? null;
    const checkInfo = find(CHECK_SHEET_NAME);
    const entries = checkInfo && !used.isNullObject ? readCheckRows(alignToColumnA(used.address, used.formulas)) : new Map<string, CheckSheetEntry>();
    const result = interpretReads(reads, rowIds, justificationsOf(entries));
    const unit = reads.get(HEADER_NAMES.unitId);
    return {
      result,
      fills,
      sheets,
      returnSheet: result.ok && unit?.state === 'ok' ? find(unit.sheet) : null,
      checkSheet: checkInfo ? { info: checkInfo, entries } : null,
      storedMarks: setting.isNullObject ? null : parseStoredMarks(setting.value),
      acknowledged: acknowledged.isNullObject ? [] : parseAcknowledged(acknowledged.value),
      typedFormulas,
    };
  };
}

function nameRead(name: string, item: Excel.NamedItem, range: Excel.Range, byName: Map<string, Excel.NamedItem>, fills: Map<string, string | null>): NameRead {
  if (item.isNullObject) return { name, state: 'missing' };
  if (range.isNullObject) {
    const listed = byName.get(name.toLowerCase());
    const value = String(listed?.value ?? '');
    if (listed?.type === 'Error' || value.includes('#REF!')) return { name, state: 'ref' };
    return { name, state: 'notRange', ...(value ? { formula: value } : {}) };
  }
  const { sheet, address } = splitReference(range.address);
  if (!address.includes(':')) fills.set(address, range.format.fill.color ?? null);
  const value = range.values[0]?.[0];
  return {
    name,
    state: 'ok',
    sheet: sheet ?? '',
    address,
    cell: {
      value: value === '' || value === undefined ? null : value,
      text: String(range.text[0]?.[0] ?? ''),
      numberFormat: String(range.numberFormat[0]?.[0] ?? 'General'),
    },
  };
}

/** The used range may start right of column A; rows are padded so index 0 is always column A. */
function alignToColumnA(address: string, rows: unknown[][]): unknown[][] {
  const left = parseRect(splitReference(address).address).left;
  return left <= 1 ? rows : rows.map((r) => [...Array<unknown>(left - 1).fill(''), ...r]);
}

/** The return as the domain reads it, after the caller's one sync (justifications included). */
export function queueReadReturn(context: Excel.RequestContext, catalogue: Catalogue = loadCatalogue()): () => ReadResult {
  const snapshot = queueReturnSnapshot(context, catalogue);
  return () => snapshot().result;
}
