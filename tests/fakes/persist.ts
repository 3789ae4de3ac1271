/**
 * The fake workbook as text and back, so the preview page keeps a person's workbook across a
 * reload (in the browser's localStorage), as a saved file would. The model is plain data except
 * for Maps, Sets, Dates and references to sheets (a name's target, a comment's sheet, the
 * selection), which are written as tagged objects and joined up again when read.
 */
import type { SheetState, WorkbookState } from './model';

const FORMAT = 'chitieu-fake-workbook/1';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function serializeWorkbook(wb: Readonly<WorkbookState>): string {
  const sheets = new Set<object>(wb.sheets);
  const encode = (value: unknown, owned: boolean): Json => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'object') return value as Json;
    if (value instanceof Date) return { $date: value.toISOString() };
    if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encode(k, false), encode(v, false)]) };
    if (value instanceof Set) return { $set: [...value].map((v) => encode(v, false)) };
    // A sheet is written once, in wb.sheets; everywhere else it is a reference to its id.
    if (!owned && sheets.has(value)) return { $sheet: (value as SheetState).id };
    if (Array.isArray(value)) return value.map((v) => encode(v, false));
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, encode(v, false)]));
  };
  const { sheets: list, ...rest } = wb;
  return JSON.stringify({ format: FORMAT, sheets: list.map((s) => encode(s, true)), rest: encode(rest, false) });
}

/** The workbook written by serializeWorkbook; throws on anything else (the caller starts afresh). */
export function deserializeWorkbook(text: string): WorkbookState {
  const data = JSON.parse(text) as { format?: unknown; sheets?: Json[]; rest?: Json };
  if (data.format !== FORMAT || !Array.isArray(data.sheets) || !data.rest) throw new Error('not a saved fake workbook');
  const byId = new Map<string, SheetState>();
  const decode = (value: Json): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    if ('$date' in value) return new Date(String(value.$date));
    if ('$map' in value) return new Map((value.$map as Json[][]).map(([k, v]) => [decode(k!), decode(v!)]));
    if ('$set' in value) return new Set((value.$set as Json[]).map(decode));
    if ('$sheet' in value) {
      const sheet = byId.get(String(value.$sheet));
      if (!sheet) throw new Error(`saved workbook: no sheet ${String(value.$sheet)}`);
      return sheet;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  };
  const sheets = data.sheets.map((s) => decode(s) as SheetState);
  for (const s of sheets) byId.set(s.id, s);
  return { ...(decode(data.rest) as Omit<WorkbookState, 'sheets'>), sheets };
}
