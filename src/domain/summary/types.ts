/**
 * The department's summary of a quarter (issue 5), as plain data: built by `summarise` from the
 * returns (from the endpoint or from returned workbooks — the same inputs give the same summary),
 * laid out by layout/summaryPlan.ts, rendered by both renderers. Pure: no Office, no I/O.
 */
import type { Catalogue, UnitList } from '../../catalogue/schema';
import type { AssessmentStatus } from '../flags';
import type { SubmissionPayload } from '../payload/schema';
import type { SectionKey } from '../returnData';

export type Bilingual = { vi: string; en: string };

/** One return as the aggregator has it: its payload and where it came from. */
export interface ReturnInput {
  payload: SubmissionPayload;
  source:
    | { kind: 'endpoint'; receiptNumber: string; version: number; receivedAt: string }
    /** A returned workbook; receivedAt from its receipt sheet if it has one, else null (timeliness unknown → counted as on time? no: "unknown"). */
    | { kind: 'file'; file: string; receivedAt: string | null };
}

/**
 * Why an input is not read: an older version of a return read in its later one, a return for
 * another year or a later quarter, or a file or record that could not be used (not a return,
 * damaged, not a regular file, its unit or period unknown, or — with strict — with errors).
 */
export type SkipKind = 'superseded' | 'otherPeriod' | 'failed';

/** A file or record that is not read, with the reason (bounded: skipped.ts); it never stops the rest. */
export interface SkippedInput {
  source: string;
  reason: Bilingual;
  kind: SkipKind;
}

export interface SummaryOptions {
  catalogue: Catalogue;
  units: UnitList;
  year: number;
  quarter: number;
  /** When the summary was made (ISO); shown on the sheet. */
  generatedAt: string;
}

/** A figure some unit gave for a row and quarter. */
export interface UnitFigure {
  unitId: string;
  unitName: string;
  quarter: number;
  value: number | null;
  typed: string;
  provisional: boolean;
  comparison: string | null;
}

export interface IndicatorRow {
  /** Reporting row id ("1.1", "1.2.ICT", "1.2.OTHER", "2.8"). */
  row: string;
  /** STT as printed ("1", "2", … within its group) and the indicator's name. */
  stt: string;
  name: Bilingual;
  /** The figure that counts for each quarter 1..quarter (null when none), chosen by the catalogue's responsibility (units.json fills). */
  quarters: { quarter: number; value: number | null; unitId: string | null; provisional: boolean }[];
  targetYear: { printed: string; value: number | null } | null;
  target2025: { printed: string; value: number | null } | null;
  assessment: { status: AssessmentStatus; reason: Bilingual } | null;
  /** The unit whose figure counts for the latest quarter. */
  sourceUnit: string | null;
  provisional: boolean;
  comparison: string | null;
  /** Warnings/infos the server (or the merge's own check) raised on this row, and the units' justifications. */
  openFlags: number;
  /**
   * Errors still in the returns used (only a file read without strict has any: the endpoint
   * refuses a return with errors), on this row's cells, per national unit in unit-list order.
   * A figure with an error never counts: it was left out when the return was read.
   */
  errors: { unitId: string; count: number }[];
  justifications: { unitId: string; text: string }[];
  /** More than one unit gave a figure for this row and quarter and they differ: all of them. */
  conflicts: UnitFigure[];
  /**
   * Figures from units not responsible for the row that did not count and are not in
   * `conflicts` (no responsible unit gave one that quarter, and they agree), every quarter
   * 1..quarter in quarter then unit-list order: without them such a figure would be shown nowhere.
   */
  uncounted: UnitFigure[];
  /** 1.2 only: every ministry's sector share (1.2.OTHER), one per unit. */
  sectors?: UnitFigure[];
}

/**
 * 'notExpected': the unit did not exist when that quarter's return fell due (merged away, or
 * created later in the year), so a gap there is no missing return.
 */
export type Timeliness = 'onTime' | 'late' | 'missing' | 'provisional' | 'unknown' | 'notExpected';

export interface CompletenessCell {
  quarter: number;
  status: Timeliness;
  /** When late: days after the due date (calendar dueBefore). */
  daysLate?: number;
  /** The return read for the quarter (its latest version) still has this many errors; absent when none. */
  errors?: number;
}

export interface CompletenessRow {
  unitId: string;
  unitName: string;
  cells: CompletenessCell[];
}

export interface SectionParagraph {
  unitId: string;
  unitName: string;
  text: string;
}

export interface Summary {
  year: number;
  quarter: number;
  generatedAt: string;
  indicators: IndicatorRow[];
  /** Every expected unit × each quarter 1..quarter. */
  completeness: CompletenessRow[];
  countsByQuarter: Record<number, Record<Timeliness, number>>;
  sections: Record<SectionKey, SectionParagraph[]>;
  /** How many returns were used, and which inputs were skipped and why. */
  used: number;
  skipped: SkippedInput[];
  /** The returns used for the quarter that still have errors: their figures that read are in the summary. */
  withErrors: ReturnWithErrors[];
  /** Per quarter 1..quarter: how many units' returns read for it still have errors. */
  withErrorsByQuarter: Record<number, number>;
}

export interface ReturnWithErrors {
  source: string;
  unitId: string;
  quarter: number;
  errors: number;
}

export type Summarise = (inputs: readonly ReturnInput[], options: SummaryOptions) => Summary;
