import { splitReference } from './a1';

/** What one defined name gave back. */
export type NamedCellRead =
  | { name: string; state: 'missing' }
  /** The name exists but points at no range: its sheet was deleted (#REF!) or it holds a constant. */
  | { name: string; state: 'broken' }
  | {
      name: string;
      state: 'ok';
      sheetName: string | null;
      /** Top-left cell, no $ and no sheet, e.g. "C12". */
      address: string;
      value: unknown;
      /** Present when asked for. */
      text?: string;
      numberFormat?: string;
    };

export type NamedCellDetail = 'text' | 'numberFormat';

/**
 * Queues, for every name, the item and its range, each through *OrNullObject so a missing or
 * broken name is an answer rather than an error (Office.js learns whether such an object exists
 * without a load). Only the range is loaded: its address and values, plus the text and number
 * format unless the caller needs less. Call the returned function after the one `context.sync()`
 * that serves all the names.
 */
export function readNamedCells(
  context: Excel.RequestContext,
  names: readonly string[],
  detail: readonly NamedCellDetail[] = ['text', 'numberFormat'],
): () => Map<string, NamedCellRead> {
  const properties = ['address', 'values', ...detail].join(',');
  const queued = names.map((name) => {
    const item = context.workbook.names.getItemOrNullObject(name);
    const range = item.getRangeOrNullObject();
    range.load(properties);
    return { name, item, range };
  });
  return () => {
    const out = new Map<string, NamedCellRead>();
    for (const { name, item, range } of queued) {
      if (item.isNullObject) out.set(name, { name, state: 'missing' });
      else if (range.isNullObject) out.set(name, { name, state: 'broken' });
      else {
        const { sheet, address } = splitReference(range.address);
        out.set(name, {
          name,
          state: 'ok',
          sheetName: sheet,
          address: address.split(':')[0]!,
          value: range.values[0]?.[0] ?? null,
          ...(detail.includes('text') ? { text: String(range.text[0]?.[0] ?? '') } : {}),
          ...(detail.includes('numberFormat') ? { numberFormat: String(range.numberFormat[0]?.[0] ?? 'General') } : {}),
        });
      }
    }
    return out;
  };
}

/** A cell a person has filled: anything but an empty or blank string. */
export function isFilled(read: NamedCellRead | undefined): boolean {
  if (!read || read.state !== 'ok') return false;
  const v = read.value;
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}
