/**
 * The "Kiểm tra" (check) sheet as plain rows: laid out from a check's flags, and read back for the
 * justifications a person typed into it. Pure, so the ExcelJS reader on the command line reads
 * the sheet exactly as the add-in wrote it.
 */
import type { Catalogue } from '../../../catalogue/schema';
import type { Flag, Severity } from '../../../domain/flags';
import type { CellLocation } from '../../../domain/returnData';
import { rowLabel, withRowLabels } from '../../../layout/rowLabel';
import type { Lang } from '../../port';
import { quoteSheetName, splitReference } from '../a1';
import { excelInput } from '../cellInput';
import { checkLabel, severityLabel } from './checkLabels';

/** Fixed whatever the language, so a re-check (or the command line) always finds it. */
export const CHECK_SHEET_NAME = 'Kiểm tra';

/** Columns A–G. */
export const COL = { severity: 0, indicator: 1, cell: 2, message: 3, suggestion: 4, justification: 5, key: 6 } as const;
export const CHECK_WIDTH = 7;
export const COLUMN_WIDTHS = [12, 9, 9, 60, 50, 45, 30];
export const CELL_LINK_COLUMN = 'C';
export const JUSTIFICATION_COLUMN = 'F';
export const KEY_COLUMN = 'G';
export const HEADER_ROW = 5;

/** A flag key, "rule:CT_NAME" or "rule:-"; anything else in the key column is a heading. */
const KEY = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/;
export const isFlagKey = (text: string) => KEY.test(text);

/** A row of an earlier check as it stands in the sheet (the cell column may be a HYPERLINK formula). */
export interface CheckSheetEntry {
  key: string;
  severity: string;
  indicator: string;
  cell: string;
  message: string;
  suggestion: string;
  justification: string;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();

/**
 * The rows that carry a flag key, by key. Where a key appears twice (a current row and an older
 * one), the one with a justification wins.
 */
export function readCheckRows(rows: readonly (readonly unknown[])[]): Map<string, CheckSheetEntry> {
  const out = new Map<string, CheckSheetEntry>();
  for (const row of rows) {
    const key = text(row[COL.key]);
    if (!isFlagKey(key)) continue;
    const entry: CheckSheetEntry = {
      key,
      severity: text(row[COL.severity]),
      indicator: text(row[COL.indicator]),
      cell: text(row[COL.cell]),
      message: text(row[COL.message]),
      suggestion: text(row[COL.suggestion]),
      justification: text(row[COL.justification]),
    };
    const before = out.get(key);
    if (!before || (!before.justification && entry.justification)) out.set(key, entry);
  }
  return out;
}

export function justificationsOf(entries: ReadonlyMap<string, CheckSheetEntry>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, e] of entries) if (e.justification) out[key] = e.justification;
  return out;
}

/** `=HYPERLINK("#'Phụ lục 01'!E30","E30")`: a click goes to the cell, wherever the sheet was moved. */
export function hyperlinkFormula(location: CellLocation): string {
  const target = `#${quoteSheetName(location.sheet)}!${location.address}`;
  return `=HYPERLINK("${target.replace(/"/g, '""')}","${location.address.replace(/"/g, '""')}")`;
}

export function flagLocation(flag: Flag, locations: Record<string, CellLocation>): CellLocation | null {
  if (flag.cellName && locations[flag.cellName]) return locations[flag.cellName]!;
  if (!flag.cell) return null;
  const { sheet, address } = splitReference(flag.cell);
  return sheet ? { sheet, address } : null;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export const bySeverity = (flags: readonly Flag[]): Flag[] =>
  SEVERITY_ORDER.flatMap((s) => flags.filter((f) => f.severity === s));

export interface CheckSheetLayout {
  /** From A1, CHECK_WIDTH wide, as a person reads them; `cellInput` turns a row into what Excel is given. */
  rows: string[][];
  /** 1-based rows of the flags (none when the check found nothing). */
  flagRows: { first: number; last: number } | null;
  priorRows: { first: number; last: number } | null;
  headerRows: number[];
  /** Title and section headings. */
  headingRows: number[];
  severityRows: Map<Severity, number[]>;
}

export interface CheckSheetInput {
  flags: readonly Flag[];
  counts: Record<Severity, number>;
  checkedAt: string;
  lang: Lang;
  /** Justifications known before this check, by flag key. */
  justifications: Record<string, string>;
  /** The rows of the sheet before this check, for justifications whose flag is gone. */
  earlier: ReadonlyMap<string, CheckSheetEntry>;
  locations: Record<string, CellLocation>;
  /** Names rows as the sheet does ("2,8", "1,2 – Các ngành, lĩnh vực khác"); ids as they are without it. */
  catalogue?: Catalogue;
}

export function layoutCheckSheet(input: CheckSheetInput): CheckSheetLayout {
  const { lang } = input;
  const L = (k: Parameters<typeof checkLabel>[0], vars?: Record<string, string | number>) => checkLabel(k, lang, vars);
  const rows: string[][] = [];
  const line = (first: string) => rows.push([first, ...Array<string>(CHECK_WIDTH - 1).fill('')]);
  const headers = [L('severity'), L('indicator'), L('cell'), L('message'), L('suggestion'), L('justification'), L('key')];

  line(L('title'));
  line(L('checkedAt', { time: input.checkedAt }));
  line(L('counts', input.counts));
  line(L('hint'));
  rows.push(headers);
  const headerRows = [HEADER_ROW];
  const headingRows = [1];
  const severityRows = new Map<Severity, number[]>();

  const flags = bySeverity(input.flags);
  let flagRows: CheckSheetLayout['flagRows'] = null;
  if (flags.length === 0) line(L('none'));
  else {
    flagRows = { first: rows.length + 1, last: rows.length + flags.length };
    for (const flag of flags) {
      const at = flagLocation(flag, input.locations);
      severityRows.set(flag.severity, [...(severityRows.get(flag.severity) ?? []), rows.length + 1]);
      const named = (text: string) => (input.catalogue ? withRowLabels(input.catalogue, flag, text, lang) : text);
      rows.push([
        severityLabel(flag.severity, lang),
        flag.indicator && input.catalogue ? rowLabel(input.catalogue, flag.indicator, lang) : (flag.indicator ?? ''),
        at ? hyperlinkFormula(at) : '',
        named(flag.message[lang]),
        named(flag.suggestion[lang]),
        flag.justification ?? input.justifications[flag.key] ?? '',
        flag.key,
      ]);
    }
  }

  const current = new Set(input.flags.map((f) => f.key));
  const kept = [...input.earlier.values()].filter((e) => e.justification && !current.has(e.key));
  let priorRows: CheckSheetLayout['priorRows'] = null;
  if (kept.length) {
    rows.push(Array<string>(CHECK_WIDTH).fill(''));
    headingRows.push(rows.length + 1);
    line(L('priorHeading'));
    rows.push(headers);
    headerRows.push(rows.length);
    priorRows = { first: rows.length + 1, last: rows.length + kept.length };
    for (const e of kept) rows.push([e.severity, e.indicator, keepCell(e.cell), e.message, e.suggestion, e.justification, e.key]);
  }
  return { rows, flagRows, priorRows, headerRows, headingRows, severityRows };
}

/** An earlier row's cell: its hyperlink formula as it was, or its text kept as text. */
function keepCell(cell: string): string {
  return isHyperlink(cell) || !cell.startsWith('=') ? cell : cell.slice(1);
}

const isHyperlink = (s: string) => /^=HYPERLINK\(/i.test(s);

/**
 * What goes into `Range.formulas`: the hyperlinks as formulas, every other text kept as text.
 * Not a Text ("@") format instead: Excel shows #### for more than 255 characters in such a cell.
 */
export function cellInput(row: readonly string[]): (string | number)[] {
  return row.map((s, c) => (c === COL.cell && isHyperlink(s) ? s : excelInput(s)));
}

/** "2025-04-02 09:05", local time: what a person compares with her clock. */
export function checkTime(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}
