/**
 * Fill marks on flagged cells, and the record that undoes them. The record (address → the fill
 * the cell had before any check) lives in a workbook setting, so the next check first puts every
 * marked cell back as it was, even on a sheet renamed since, and a person's own fills survive.
 */
import type { Flag, Severity } from '../../../domain/flags';
import type { CellLocation } from '../../../domain/returnData';
import { parseCell } from '../a1';
import { areasFor, groupCells } from '../areas';

export const MARKS_SETTING = 'chitieu.checkMarks';

export const MARK_FILL: Record<Severity, string> = { error: '#F4A6A6', warning: '#FFC966', info: '#9DC3E6' };

/** Which cells an earlier check marked, on which sheet (by id: names change, ids do not). */
export interface StoredMarks {
  sheetId: string;
  /** A1 → the fill before the first mark; null for none. */
  cells: Record<string, string | null>;
}

export function parseStoredMarks(value: unknown): StoredMarks | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<StoredMarks>;
  if (typeof v.sheetId !== 'string' || !v.cells || typeof v.cells !== 'object') return null;
  const cells: Record<string, string | null> = {};
  for (const [address, fill] of Object.entries(v.cells)) {
    if (/^[A-Z]{1,3}\d+$/.test(address) && (fill === null || (typeof fill === 'string' && /^#[0-9A-Fa-f]{6}$/.test(fill)))) cells[address] = fill;
  }
  return { sheetId: v.sheetId, cells };
}

/** Excel reports "no fill" as white; restoring white as no fill keeps a fresh sheet fresh. */
export const asOriginal = (fill: string | null | undefined): string | null => (!fill || /^#ffffff$/i.test(fill) ? null : fill.toUpperCase());

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface MarksPlan {
  /** On the stored sheet: cells to put back, by original fill (null: clear). */
  restore: Map<string | null, string[]>;
  /** On the return sheet: cells to mark, by fill. */
  mark: Map<string, string[]>;
  next: StoredMarks;
}

/**
 * `fills` are the current fills of the return's contract cells (which may be an earlier mark);
 * `stored` is the earlier record. A cell both restored and marked again is only marked.
 */
export function planMarks(flags: readonly Flag[], locations: Record<string, CellLocation>, returnSheetId: string, fills: ReadonlyMap<string, string | null>, stored: StoredMarks | null): MarksPlan {
  const worst = new Map<string, Severity>();
  for (const f of flags) {
    const at = f.cellName ? locations[f.cellName] : undefined;
    if (!at) continue;
    const before = worst.get(at.address);
    if (!before || RANK[f.severity] > RANK[before]) worst.set(at.address, f.severity);
  }
  const sameSheet = stored?.sheetId === returnSheetId;
  const restore = new Map<string | null, string[]>();
  for (const [address, fill] of Object.entries(stored?.cells ?? {})) {
    if (sameSheet && worst.has(address)) continue;
    restore.set(fill, [...(restore.get(fill) ?? []), address]);
  }
  const mark = new Map<string, string[]>();
  const cells: Record<string, string | null> = {};
  for (const [address, severity] of worst) {
    const fill = MARK_FILL[severity];
    mark.set(fill, [...(mark.get(fill) ?? []), address]);
    cells[address] = sameSheet && address in stored!.cells ? stored!.cells[address]! : asOriginal(fills.get(address));
  }
  return { restore, mark, next: { sheetId: returnSheetId, cells } };
}

/** One format operation per fill, over as few areas as the cells allow. */
export function queueFills(sheet: Excel.Worksheet, byFill: ReadonlyMap<string | null, string[]>): void {
  const groups = groupCells([...byFill].flatMap(([fill, addresses]) => addresses.map((a): [string | null, ReturnType<typeof parseCell>] => [fill, parseCell(a)])));
  for (const [fill, cells] of groups) {
    for (const areas of areasFor(sheet, cells)) {
      if (fill === null) areas.format.fill.clear();
      else areas.format.fill.color = fill;
    }
  }
}
