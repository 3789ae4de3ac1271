/**
 * Everything the checks share, worked out once per return: the quarter, year and unit the
 * return claims, which rows the unit must fill, and every figure cell parsed.
 */
import { allRows, fillsForYear, findUnit } from '../../catalogue/load';
import type { Catalogue, ReportingRow, ReportingUnit, UnitList } from '../../catalogue/schema';
import { FIGURE_COLUMNS, tableCellName, type TableColumn } from '../cellContract';
import { foldText, parseFigureCell, type ParsedFigure } from '../parse';
import { MAX_YEAR, MIN_YEAR } from '../payload/limits';
import type { RawCell, ReturnData } from '../returnData';
import { cellText } from './cellText';

export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

export interface FigureView {
  column: FigureColumn;
  /** 1–4 */
  quarter: number;
  cellName: string;
  parsed: ParsedFigure;
}

export interface RowView {
  row: ReportingRow;
  /** Q1…Q4, in order. */
  figures: FigureView[];
  required: boolean;
}

export type QuarterReading = { kind: 'empty' } | { kind: 'ok'; quarter: number } | { kind: 'invalid'; text: string };

export interface CheckContext {
  data: ReturnData;
  catalogue: Catalogue;
  units: UnitList;
  /** What CT_QUARTER holds. */
  quarterCell: QuarterReading;
  /** The quarter checked: the caller's, else CT_QUARTER's; null when neither is 1–4. */
  quarter: number | null;
  /** CT_YEAR as written, and as a year with targets (null when it is not one). */
  yearText: string;
  year: number | null;
  unitIdText: string;
  unit: ReportingUnit | null;
  /** Catalogue rows in table order. */
  rows: RowView[];
}

export interface ValidateOptions {
  catalogue: Catalogue;
  units: UnitList;
  /** Overrides CT_QUARTER when it is 1–4. */
  quarter?: number;
}

/** A cell of the table, or undefined: ReturnData from an old or damaged workbook may lack rows. */
export function tableCell(data: ReturnData, rowId: string, column: TableColumn): RawCell | undefined {
  const row = data.table?.[rowId];
  return row && typeof row === 'object' ? row[column] : undefined;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** "2", 2, "Quý II", "Q2", "II" are quarter 2. */
export function readQuarter(cell: RawCell | undefined): QuarterReading {
  const text = cellText(cell);
  if (text === '') return { kind: 'empty' };
  const m = /^(?:quy|q)?\s*([1-4]|iv|i{1,3})$/.exec(foldText(text));
  if (!m) return { kind: 'invalid', text };
  const token = m[1]!;
  return { kind: 'ok', quarter: ROMAN[token] ?? Number(token) };
}

/**
 * A year with targets, within the payload's years. The payload takes the year from the cell's
 * value, never from its displayed text: a value that is neither a number nor text is no year.
 */
function readYear(cell: RawCell | undefined, text: string, catalogue: Catalogue): number | null {
  const value: unknown = cell?.value;
  if ((typeof value !== 'number' && typeof value !== 'string') || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return catalogue.years.includes(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

export function buildContext(data: ReturnData, options: ValidateOptions): CheckContext {
  const { catalogue, units } = options;
  const quarterCell = readQuarter(data.quarter);
  const override = options.quarter;
  const quarter =
    typeof override === 'number' && Number.isInteger(override) && override >= 1 && override <= 4
      ? override
      : quarterCell.kind === 'ok'
        ? quarterCell.quarter
        : null;
  const yearText = cellText(data.year);
  const year = readYear(data.year, yearText, catalogue);
  const unitIdText = cellText(data.unitId);
  const unit = unitIdText === '' ? null : (findUnit(units, unitIdText) ?? null);
  const required = new Set(unit && year !== null ? fillsForYear(unit, year) : []);
  const rows = allRows(catalogue).map((row) => ({
    row,
    required: required.has(row.id),
    figures: FIGURE_COLUMNS.map((column, i) => ({
      column,
      quarter: i + 1,
      cellName: tableCellName(row.id, column),
      parsed: parseFigureCell(tableCell(data, row.id, column) ?? { value: null }),
    })),
  }));
  return { data, catalogue, units, quarterCell, quarter, yearText, year, unitIdText, unit, rows };
}

/** The latest figure at or before the quarter checked: what the target rules judge. */
export function latestFigure(view: RowView, quarter: number): (FigureView & { parsed: Extract<ParsedFigure, { kind: 'number' }> }) | null {
  for (let k = Math.min(quarter, 4); k >= 1; k--) {
    const f = view.figures[k - 1]!;
    if (f.parsed.kind === 'number') return f as FigureView & { parsed: Extract<ParsedFigure, { kind: 'number' }> };
  }
  return null;
}

/** The calendar's label for a quarter ("Quý II" / "Q2"). */
export function quarterLabel(ctx: CheckContext, quarter: number): { vi: string; en: string } {
  const q = ctx.catalogue.calendar.find((c) => c.quarter === quarter);
  return q ? q.label : { vi: `Quý ${quarter}`, en: `Q${quarter}` };
}
