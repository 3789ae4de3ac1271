import { chunkAddresses, rectAddress, toRects, type Cell } from './a1';

/** What both `Range` and `RangeAreas` offer, and all the renderer touches on a group of cells. */
export type Areas = Pick<Excel.Range, 'format' | 'dataValidation' | 'conditionalFormats'>;

/**
 * The cells as few proxies as possible: one `getRange` for a single rectangle, otherwise one
 * `getRanges` (ExcelApi 1.9, RangeAreas) per address list short enough for Excel to accept.
 */
export function areasFor(sheet: Excel.Worksheet, cells: Iterable<Cell>): Areas[] {
  const addresses = toRects(cells).map(rectAddress);
  if (addresses.length === 0) return [];
  if (addresses.length === 1) return [sheet.getRange(addresses[0])];
  return chunkAddresses(addresses).map((list) => (list.includes(',') ? sheet.getRanges(list) : sheet.getRange(list)));
}

/** Groups cells by a key, keeping first-seen order so the queued operations are stable. */
export function groupCells<K>(entries: Iterable<[K, Cell]>): Map<K, Cell[]> {
  const groups = new Map<K, Cell[]>();
  for (const [key, cell] of entries) {
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(cell);
  }
  return groups;
}
