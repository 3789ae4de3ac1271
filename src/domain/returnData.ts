import type { TableColumn } from './cellContract';

/**
 * A return as read from a workbook through the cell contract, before any interpretation:
 * what each named cell holds, its displayed text and its number format. Both adapters
 * (Office.js, ExcelJS) produce this; everything after it is pure.
 */
export interface RawCell {
  /** number | string | boolean | null, or an Excel error as text ('#N/A'), or a Date from ExcelJS. */
  value: unknown;
  text?: string;
  numberFormat?: string;
  /** A formula whose file holds no calculated result (a script wrote it; nothing computed it): value is null. */
  uncalculated?: boolean;
}

export type SectionKey = 'trend' | 'international' | 'difficulties' | 'proposals';

/** Where a contract name points, so a flag can say which cell and a click can select it. */
export interface CellLocation {
  sheet: string;
  /** A1, no $ */
  address: string;
}

export interface ReturnData {
  unitId: RawCell;
  unitName: RawCell;
  year: RawCell;
  quarter: RawCell;
  contact: { name: RawCell; title: RawCell; org: RawCell; phone: RawCell; email: RawCell };
  /** rowId ("1.1", "1.2.ICT") → column → cell. Only names that resolved are present. */
  table: Record<string, Partial<Record<TableColumn, RawCell>>>;
  /** rowId → CT_<row>_SOURCE: where the figures come from; how a provisional one was estimated. */
  sources: Record<string, RawCell>;
  narrative: Record<SectionKey, RawCell>;
  templateVersion: RawCell;
  catalogueVersion: RawCell;
  /** Contract name → where it points (for messages and selection). */
  locations: Record<string, CellLocation>;
  /** Justifications a person gave for warnings, by flag key ("rule:CT_NAME"). */
  justifications: Record<string, string>;
}

/** What makes a workbook not readable as a return: reported as one clear error, never a stack trace. */
export interface ContractProblem {
  kind: 'notAReturn' | 'missingName' | 'brokenName' | 'sheetMissing' | 'wrongPlace';
  /** The contract name concerned, where there is one. */
  name?: string;
  detail?: string;
}

export type ReadResult = { ok: true; data: ReturnData } | { ok: false; problems: ContractProblem[] };
