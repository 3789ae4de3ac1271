/**
 * payloadToReturnData: the inverse of buildPayload, so the server runs the very validateReturn the
 * client ran, on cells that read the same. Pure (browser and server).
 *
 * A figure is rebuilt from what the payload claims (status, value, provisional), using the typed
 * text only to recover how the client read it:
 * - the typed text itself, as a text cell, when it reads back to exactly the claimed figure — this
 *   keeps "khoảng 6%", "ước 16,2%", "- (chưa điều tra)" and "0,85" as the parser first saw them;
 * - otherwise the value as Excel stores it (value/100 in a '0.00%' cell, with the provisional
 *   suffix when provisional). The value wins over the text: it is what is stored and aggregated.
 *
 * Whether a number was ambiguous (0.85: 85% or 0.85%?) is a fact about the workbook cell the payload
 * cannot carry (ExcelJS gives "0.155" as the text of 15.5% in a '0.00%' cell, exactly what a bare
 * 0.155 in a General cell gives). The client's own figure.ambiguousUnit flag says which it was; it
 * is only ever a warning, so a client leaving it out can hide nothing that matters.
 *
 * Not carried, so not rebuilt: the target columns (TY, T2025: the rules read targets from the
 * catalogue), cell locations (flags from the server name cells, not addresses), CT_QUARTER (the
 * payload's quarter stands for it), and anything in quarters after the reported one.
 */
import { allRows, findUnit } from '../../catalogue/load';
import type { Catalogue, UnitList } from '../../catalogue/schema';
import { tableCellName, type TableColumn } from '../cellContract';
import { parseFigureCell, provisionalFormat } from '../parse';
import { times100 } from '../parse/classify';
import type { RawCell, ReturnData, SectionKey } from '../returnData';
import type { PayloadFigure, SubmissionPayload } from './schema';

const AMBIGUOUS_RULE = 'figure.ambiguousUnit';
const SECTION_KEYS: SectionKey[] = ['trend', 'international', 'difficulties', 'proposals'];

const EMPTY: RawCell = { value: null };
const textCell = (text: string | null | undefined): RawCell => (text === null || text === undefined || text === '' ? { value: null } : { value: text });

/** A fraction Excel could store that the parser reads back as exactly this percent, or null. */
function fractionFor(percent: number): number | null {
  const raw = percent / 100;
  for (const x of [Number(raw.toPrecision(15)), raw]) if (times100(x) === percent) return x;
  return null;
}

function withProvisional(format: string, provisional: boolean): string {
  return provisional ? provisionalFormat(format) : format;
}

/** A cell that the parser reads as this number figure, read the way the client read it where the payload tells. */
function numberCell(f: PayloadFigure & { value: number }, ambiguous: boolean): RawCell {
  // Most figures are plain numbers in a percent cell: rebuilt as such when that reads back as
  // claimed, without parsing the typed text (the server checks every submission).
  if (!ambiguous && !f.approximate && f.value > 0 && f.value <= 1) {
    const x = fractionFor(f.value);
    if (x !== null) {
      const cell: RawCell = { value: x, numberFormat: withProvisional('0.00%', f.provisional) };
      const p = parseFigureCell(cell);
      if (p.kind === 'number' && p.percent === f.value && p.provisional === f.provisional && !p.approximate && p.interpretedAs !== 'ambiguousFraction') return cell;
    }
  }
  const typed: RawCell = { value: f.typed, numberFormat: withProvisional('General', f.provisional) };
  const p = parseFigureCell(typed);
  if (
    p.kind === 'number' &&
    p.percent === f.value &&
    p.provisional === f.provisional &&
    p.approximate === f.approximate &&
    (p.interpretedAs === 'ambiguousFraction') === ambiguous
  ) {
    return typed;
  }
  const format = (base: string) => withProvisional(base, f.provisional);
  // A bare number in (0, 1] in a General cell is what the parser calls ambiguous.
  if (ambiguous && f.value > 0 && f.value <= 100) return { value: fractionFor(f.value) ?? f.value / 100, numberFormat: format('General') };
  // Above 1 (and 0) a General cell holds the percent itself, exactly.
  if (f.value === 0 || f.value > 1) return { value: f.value, numberFormat: format('General') };
  const x = fractionFor(f.value);
  if (x !== null) return { value: x, numberFormat: format('0.00%') };
  // More digits than Excel's 15 (only typed text gets here): the number written with its % sign reads exactly.
  const written: RawCell = { value: `${f.value}%`, numberFormat: format('General') };
  const back = parseFigureCell(written);
  return back.kind === 'number' && back.percent === f.value ? written : { value: f.value / 100, numberFormat: format('0.00%') };
}

function figureCell(f: PayloadFigure, ambiguous: boolean): RawCell {
  switch (f.status) {
    case 'empty':
      return EMPTY;
    case 'number':
      // The schema guarantees a value; a hand-made object that lacks one is read as empty.
      return f.value === null ? EMPTY : numberCell(f as PayloadFigure & { value: number }, ambiguous);
    case 'noData': {
      if (parseFigureCell({ value: f.typed }).kind === 'noData') return { value: f.typed };
      return { value: f.noDataReason ? `- (${f.noDataReason})` : '-' };
    }
    case 'deferred': {
      if (parseFigureCell({ value: f.typed }).kind === 'deferred') return { value: f.typed };
      return { value: 'Theo kế hoạch' };
    }
  }
}

/** The comparison column beside a quarter's figure (Q4 has none of its own: TY_INTL, carried in targetComparisons). */
const COMPARISON: Record<number, TableColumn> = { 1: 'Q1_INTL', 2: 'Q2_INTL', 3: 'Q3_INTL' };

export function payloadToReturnData(payload: SubmissionPayload, catalogue: Catalogue, units?: UnitList): ReturnData {
  const ambiguousCells = new Set(payload.clientFlags.filter((f) => f.rule === AMBIGUOUS_RULE && f.cellName !== null).map((f) => f.cellName!));

  const table: ReturnData['table'] = {};
  for (const row of allRows(catalogue)) table[row.id] = {};
  for (const f of payload.figures) {
    const cells = (table[f.row] ??= {});
    const column = `Q${f.quarter}` as TableColumn;
    cells[column] = figureCell(f, ambiguousCells.has(tableCellName(f.row, column)));
    const comparison = COMPARISON[f.quarter];
    if (comparison) cells[comparison] = textCell(f.comparison);
    else if (!(f.row in payload.targetComparisons)) cells.TY_INTL = textCell(f.comparison);
  }
  for (const [row, t] of Object.entries(payload.targetComparisons)) {
    const cells = (table[row] ??= {});
    cells.TY_INTL = textCell(t.TY_INTL);
    cells.T2025_INTL = textCell(t.T2025_INTL);
  }

  const sources: ReturnData['sources'] = {};
  for (const [row, text] of Object.entries(payload.rowSources)) sources[row] = textCell(text);

  const unit = units ? findUnit(units, payload.unitId) : undefined;
  const fp = payload.focalPoint;
  return {
    unitId: textCell(payload.unitId),
    unitName: textCell(unit?.name.vi),
    year: { value: payload.year },
    quarter: { value: payload.quarter },
    contact: { name: textCell(fp.name), title: textCell(fp.title), org: textCell(fp.org), phone: textCell(fp.phone), email: textCell(fp.email) },
    table,
    sources,
    narrative: Object.fromEntries(SECTION_KEYS.map((k) => [k, textCell(payload.sections[k])])) as Record<SectionKey, RawCell>,
    templateVersion: textCell(payload.templateVersion),
    catalogueVersion: textCell(payload.catalogueVersion),
    locations: {},
    justifications: { ...payload.justifications },
  };
}
