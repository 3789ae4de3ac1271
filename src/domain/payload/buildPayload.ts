/**
 * buildPayload: a checked return, read through the cell contract, turned into the payload the
 * add-in submits. Pure: the caller supplies the submission id and time. Figures are read with
 * parseFigureCell, so the payload says exactly what the checker read; quarters after the
 * reported one are left out. The result is validated against SubmissionPayload before it is
 * returned, so nothing invalid ever leaves the client.
 */
import { tableCellName, type TableColumn } from '../cellContract';
import type { CheckResult } from '../flags';
import { parseFigureCell } from '../parse';
import type { RawCell, ReturnData, SectionKey } from '../returnData';
import {
  PAYLOAD_ROW_IDS, PAYLOAD_VERSION, SubmissionPayload, formatPayloadIssues,
  type PayloadFigure, type RowId, type TargetComparison,
} from './schema';

export interface PayloadMeta {
  /** Client-generated UUID v4, so a retried submission is recognised as the same one. */
  submissionId: string;
  /** ISO 8601 date-time. */
  submittedAt: string;
  /** The quarter reported (1–4): figures for quarters 1..quarter are included. */
  quarter: number;
}

/** Why a payload could not be built: the figures that cannot be submitted, or schema problems. */
export class PayloadError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message + '\n' + issues.map((i) => `  at ${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'PayloadError';
  }
}

const SECTION_KEYS: SectionKey[] = ['trend', 'international', 'difficulties', 'proposals'];

/** The comparison column beside a quarter's figure; Q4 has none of its own and takes the year's (TY_INTL). */
export function comparisonColumn(quarter: number): TableColumn {
  return quarter === 1 ? 'Q1_INTL' : quarter === 2 ? 'Q2_INTL' : quarter === 3 ? 'Q3_INTL' : 'TY_INTL';
}

/** What a cell shows, trimmed, or null when it shows nothing. */
export function cellText(cell: RawCell | undefined): string | null {
  if (!cell) return null;
  const { value, text } = cell;
  if (value === null || value === undefined) return null;
  if (typeof text === 'string' && text.trim() !== '') return text.trim();
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string') return (value as { error: string }).error;
  return null;
}

const textOf = (cell: RawCell | undefined): string => cellText(cell) ?? '';

function yearOf(cell: RawCell): number {
  const v = cell?.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v)) return Number(v);
  return NaN;
}

function figureOf(row: RowId, quarter: number, cells: Partial<Record<TableColumn, RawCell>>): PayloadFigure | { unreadable: string } {
  const column = `Q${quarter}` as TableColumn;
  const cell = cells[column] ?? { value: null };
  const parsed = parseFigureCell(cell);
  const comparison = cellText(cells[comparisonColumn(quarter)]);
  const base = { row, quarter, provisional: false, approximate: false, comparison };
  switch (parsed.kind) {
    case 'number':
      return {
        ...base,
        value: parsed.percent,
        typed: cellText(cell) ?? parsed.text,
        status: 'number',
        provisional: parsed.provisional,
        approximate: parsed.approximate,
      };
    case 'empty':
      return { ...base, value: null, typed: '', status: 'empty' };
    case 'noData':
      return {
        ...base,
        value: null,
        typed: cellText(cell) ?? parsed.marker,
        status: 'noData',
        ...(parsed.reason !== undefined ? { noDataReason: parsed.reason } : {}),
      };
    case 'deferred':
      return { ...base, value: null, typed: cellText(cell) ?? parsed.text, status: 'deferred' };
    case 'error':
      return { unreadable: `${tableCellName(row, column)} shows the Excel error ${parsed.excelError}` };
    case 'invalid':
      return { unreadable: `${tableCellName(row, column)} is not a usable figure (${parsed.reason}${parsed.detail ? `, ${parsed.detail}` : ''}): "${parsed.text}"` };
  }
}

/** A figure cell that cannot be a payload figure (an Excel error, or not a usable figure). */
export interface UnreadableFigure {
  path: string;
  message: string;
  row: RowId;
  quarter: number;
}

/**
 * The payload as read from the return, not yet checked against the schema (its shape is the
 * payload's, its lengths and counts may not be), and the figures left out because they cannot be
 * read. buildPayload refuses both; the department's merge (domain/summary/usablePayload.ts) uses
 * what reads of a return with errors.
 */
export interface PayloadDraft {
  payload: SubmissionPayload;
  unreadable: UnreadableFigure[];
}

export function draftPayload(data: ReturnData, check: CheckResult, meta: PayloadMeta): PayloadDraft {
  const quarter = meta.quarter;
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new PayloadError('Cannot build the payload:', [{ path: 'quarter', message: `quarter must be 1–4, not ${String(quarter)}` }]);
  }

  const figures: PayloadFigure[] = [];
  const unreadable: UnreadableFigure[] = [];
  const rowSources: Partial<Record<RowId, string>> = {};
  const targetComparisons: Partial<Record<RowId, TargetComparison>> = {};

  for (const row of PAYLOAD_ROW_IDS) {
    const cells = data.table[row];
    if (!cells) continue;
    for (let q = 1; q <= quarter; q++) {
      const figure = figureOf(row, q, cells);
      if ('unreadable' in figure) unreadable.push({ path: `${row} Q${q}`, message: figure.unreadable, row, quarter: q });
      else figures.push(figure);
    }
    targetComparisons[row] = { TY_INTL: cellText(cells.TY_INTL), T2025_INTL: cellText(cells.T2025_INTL) };
    const source = cellText(data.sources[row]);
    if (source !== null) rowSources[row] = source;
  }

  const payload: SubmissionPayload = {
    payloadVersion: PAYLOAD_VERSION,
    submissionId: meta.submissionId,
    submittedAt: meta.submittedAt,
    unitId: textOf(data.unitId),
    year: yearOf(data.year),
    quarter,
    focalPoint: {
      name: textOf(data.contact.name),
      title: textOf(data.contact.title),
      org: textOf(data.contact.org),
      phone: textOf(data.contact.phone),
      email: textOf(data.contact.email),
    },
    figures,
    rowSources,
    targetComparisons,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, textOf(data.narrative[k])])) as Record<SectionKey, string>,
    // Only the justifications of the flags shown now: one left from a flag that is gone (the
    // figure was corrected) says nothing about this version.
    justifications: Object.fromEntries(check.flags.filter((f) => data.justifications[f.key] !== undefined).map((f) => [f.key, data.justifications[f.key]!])),
    clientFlags: check.flags.map((f) => ({ rule: f.rule, severity: f.severity, cellName: f.cellName, key: f.key })),
    templateVersion: textOf(data.templateVersion),
    catalogueVersion: textOf(data.catalogueVersion),
  };
  return { payload, unreadable };
}

export function buildPayload(data: ReturnData, check: CheckResult, meta: PayloadMeta): SubmissionPayload {
  const { payload, unreadable } = draftPayload(data, check, meta);
  if (unreadable.length) {
    throw new PayloadError('Cannot submit a return with unreadable figures:', unreadable.map(({ path, message }) => ({ path, message })));
  }
  const result = SubmissionPayload.safeParse(payload);
  if (!result.success) throw new PayloadError('The payload built from this return does not match the submission schema:', formatPayloadIssues(result.error));
  return result.data;
}

/** The figures of one row, by quarter (only the quarters the payload carries). */
export function payloadFigures(payload: SubmissionPayload, row: string): PayloadFigure[] {
  return payload.figures.filter((f) => f.row === row).sort((a, b) => a.quarter - b.quarter);
}

/** One figure, or undefined when the payload does not carry it. */
export function payloadFigure(payload: SubmissionPayload, row: string, quarter: number): PayloadFigure | undefined {
  return payload.figures.find((f) => f.row === row && f.quarter === quarter);
}
