/**
 * The indicator table: for each reporting row, the figure that counts each quarter, chosen by
 * responsibility (units.json `fills` on the quarter's end), every differing figure beside it, and
 * the row assessed against its 2025 target with the existing four-level rule.
 *
 * National scope: a province's figure is its own province's, never a rival to the national one,
 * so provinces' figures neither count here nor make conflicts (they stay in their returns).
 */
import type { Catalogue, ReportingRow } from '../../catalogue/schema';
import { allIndicators } from '../../catalogue/load';
import { appliedTarget, assessRow, type DatedFigure } from '../assess';
import type { PayloadFigure } from '../payload/schema';
import { responsibleRows } from './calendar';
import type { PickedReturn } from './pickReturns';
import type { IndicatorRow, UnitFigure } from './types';

/** Figures are typed with a few decimals: below this two figures are the same figure. */
const SAME = 1e-9;

interface Context {
  catalogue: Catalogue;
  year: number;
  quarter: number;
  /** The latest return of each national (non-province) unit for the quarter. */
  national: PickedReturn[];
}

function unitFigure(r: PickedReturn, f: PayloadFigure): UnitFigure {
  return { unitId: r.unit.id, unitName: r.unit.name.vi, quarter: f.quarter, value: f.value, typed: f.typed, provisional: f.provisional, comparison: f.comparison };
}

/** Every national unit's number for the row and quarter, in unit-list order (summarise orders the picked returns so). */
function figuresFor(ctx: Context, rowId: string, quarter: number): UnitFigure[] {
  const out: UnitFigure[] = [];
  for (const r of ctx.national) {
    const f = r.input.payload.figures.find((x) => x.row === rowId && x.quarter === quarter);
    if (f && f.status === 'number' && f.value !== null) out.push(unitFigure(r, f));
  }
  return out;
}

function distinctValues(figures: readonly UnitFigure[]): number {
  const values: number[] = [];
  for (const f of figures) if (!values.some((v) => Math.abs(v - f.value!) < SAME)) values.push(f.value!);
  return values.length;
}

/**
 * A sector-share row (1.2.OTHER): a sub-row of a split indicator that several units answer for at
 * once; each gives its own sector's share, so their figures differ by nature and no one of them
 * is the national figure. A sub-row with one responsible unit (1.2.ICT) is an ordinary row.
 */
function isSectorRow(catalogue: Catalogue, rowId: string, responsibleCount: number): boolean {
  const indicator = allIndicators(catalogue).find((i) => i.rows.some((r) => r.id === rowId));
  return !!indicator && indicator.id !== rowId && responsibleCount > 1;
}

function responsibleFor(ctx: Context, rowId: string, quarter: number): Set<string> {
  return new Set(ctx.national.filter((r) => responsibleRows(ctx.catalogue, r.unit, ctx.year, quarter).includes(rowId)).map((r) => r.unit.id));
}

/** How many national units answer for the row in a quarter, whether or not they sent a return. */
export type ResponsibleCount = (rowId: string, quarter: number) => number;

interface Counted {
  value: number | null;
  unitId: string | null;
  provisional: boolean;
  comparison: string | null;
}

/**
 * The figure that counts: the responsible unit's. Where several answer for an ordinary row (1.5:
 * the planning and the ICT ministries) and agree, that figure; where they disagree nothing in the
 * catalogue decides, so no figure counts and the row is flagged as a conflict.
 */
function countedFigure(figures: readonly UnitFigure[], responsible: Set<string>): Counted {
  const theirs = figures.filter((f) => responsible.has(f.unitId));
  if (theirs.length === 0 || distinctValues(theirs) > 1) return { value: null, unitId: null, provisional: false, comparison: null };
  const f = theirs[0]!;
  return { value: f.value, unitId: f.unitId, provisional: theirs.some((x) => x.provisional), comparison: f.comparison };
}

function targetOf(row: ReportingRow, year: number): IndicatorRow['targetYear'] {
  const t = appliedTarget(row, year);
  if (!t) return null;
  return { printed: t.printed, value: t.kind === 'value' ? t.value : null };
}

/** The row of a flag's cell: "CT_2_8_Q2" and "CT_2_8_SOURCE" belong to 2.8 (never to 2.80). */
export function rowOfCell(cellName: string | null, rowIds: readonly string[]): string | null {
  if (!cellName) return null;
  return rowIds.find((id) => cellName.startsWith(`CT_${id.replace(/\./g, '_')}_`)) ?? null;
}

function flagsAndJustifications(ctx: Context, rowId: string, unitIds: Set<string>, rowIds: readonly string[]) {
  let openFlags = 0;
  const justifications: { unitId: string; text: string }[] = [];
  for (const r of ctx.national) {
    if (!unitIds.has(r.unit.id)) continue;
    const p = r.input.payload;
    openFlags += p.clientFlags.filter((f) => f.severity !== 'error' && rowOfCell(f.cellName, rowIds) === rowId).length;
    for (const [key, text] of Object.entries(p.justifications)) {
      // A flag key is "rule:CT_NAME"; the cell after the last colon says which row it is about.
      const cell = key.slice(key.lastIndexOf(':') + 1);
      if (text.trim() && rowOfCell(cell, rowIds) === rowId) justifications.push({ unitId: r.unit.id, text: text.trim() });
    }
  }
  return { openFlags, justifications };
}

/**
 * Every national unit's errors on the row's cells, whoever is responsible for it: the responsible
 * unit's error is why its figure is missing here, and another unit's is a figure that was left
 * out. Per unit, so the department knows whom to call.
 */
function errorsOn(ctx: Context, rowId: string, rowIds: readonly string[]): IndicatorRow['errors'] {
  const out: IndicatorRow['errors'] = [];
  for (const r of ctx.national) {
    let count = 0;
    for (const f of r.input.payload.clientFlags) if (f.severity === 'error' && rowOfCell(f.cellName, rowIds) === rowId) count++;
    if (count > 0) out.push({ unitId: r.unit.id, count });
  }
  return out;
}

/**
 * The figures of a quarter that neither count nor conflict: given only by units not responsible
 * for the row (a ministry answering another's row, the responsible one silent). Without this
 * they would be shown nowhere. Where the figures differ they are already conflicts; where a
 * figure counted, every other agrees with it (else a conflict), so nothing is hidden.
 */
function uncountedFigures(figures: readonly UnitFigure[], counted: Counted, responsible: Set<string>): UnitFigure[] {
  if (counted.value !== null || distinctValues(figures) > 1) return [];
  return figures.filter((f) => !responsible.has(f.unitId));
}

function indicatorRow(ctx: Context, row: ReportingRow, stt: string, rowIds: readonly string[], responsibleCount: ResponsibleCount): IndicatorRow {
  const quarters: IndicatorRow['quarters'] = [];
  const conflicts: UnitFigure[] = [];
  // Every quarter 1..quarter, as conflicts are: a quarter's column shows only the counted
  // figure, so an earlier quarter's uncounted figure is as invisible as the latest one's.
  const uncounted: UnitFigure[] = [];
  const counted: Counted[] = [];
  const sector = isSectorRow(ctx.catalogue, row.id, responsibleCount(row.id, ctx.quarter));
  const involved = new Set<string>();
  for (let q = 1; q <= ctx.quarter; q++) {
    const figures = figuresFor(ctx, row.id, q);
    const responsible = responsibleFor(ctx, row.id, q);
    const c = sector ? { value: null, unitId: null, provisional: false, comparison: null } : countedFigure(figures, responsible);
    counted.push(c);
    quarters.push({ quarter: q, value: c.value, unitId: c.unitId, provisional: c.provisional });
    if (c.unitId) involved.add(c.unitId);
    if (!sector && distinctValues(figures) > 1) {
      conflicts.push(...figures);
      figures.forEach((f) => involved.add(f.unitId));
    }
    // A sector row lists every ministry's share already (sectors), so nothing there is hidden.
    if (!sector) {
      const others = uncountedFigures(figures, c, responsible);
      uncounted.push(...others);
      // Their flags and justifications on the row explain the figure shown, as a conflict's do.
      others.forEach((f) => involved.add(f.unitId));
    }
  }
  const sectors = sector ? latestPerUnit(ctx, row.id) : undefined;
  sectors?.forEach((f) => involved.add(f.unitId));

  const latestIndex = counted.map((c) => c.value !== null).lastIndexOf(true);
  const latest = latestIndex >= 0 ? counted[latestIndex]! : null;
  const series: DatedFigure[] = counted.flatMap((c, i) => (c.value === null ? [] : [{ year: ctx.year, quarter: i + 1, percent: c.value }]));
  const assessment = sector ? null : assessRow(row, series, ctx.catalogue.horizonYear);
  const comparison = latest ? latest.comparison ?? targetComparison(ctx, row.id, latest.unitId) : null;
  return {
    row: row.id,
    stt,
    name: { vi: row.name.vi, en: row.name.en },
    quarters,
    targetYear: targetOf(row, ctx.year),
    target2025: targetOf(row, ctx.catalogue.horizonYear),
    assessment: assessment ? { status: assessment.status, reason: assessment.reason } : null,
    sourceUnit: latest?.unitId ?? null,
    provisional: latest?.provisional ?? false,
    comparison,
    ...flagsAndJustifications(ctx, row.id, involved, rowIds),
    errors: errorsOn(ctx, row.id, rowIds),
    conflicts,
    uncounted,
    ...(sectors ? { sectors } : {}),
  };
}

/** Where the figure carries no comparison of its own, the one given beside the year's target. */
function targetComparison(ctx: Context, rowId: string, unitId: string | null): string | null {
  const r = ctx.national.find((x) => x.unit.id === unitId);
  const tc = r?.input.payload.targetComparisons[rowId as keyof typeof r.input.payload.targetComparisons];
  return tc?.TY_INTL ?? null;
}

/** Each unit's share for a sector row: its figure for the latest quarter it gave one. */
function latestPerUnit(ctx: Context, rowId: string): UnitFigure[] {
  const out: UnitFigure[] = [];
  for (const r of ctx.national) {
    const numbers = r.input.payload.figures.filter((f) => f.row === rowId && f.status === 'number' && f.value !== null && f.quarter <= ctx.quarter);
    const last = numbers.sort((a, b) => a.quarter - b.quarter).pop();
    if (last) out.push(unitFigure(r, last));
  }
  return out;
}

/**
 * Every reporting row of the catalogue, in the form's order. STT is the indicator's number within
 * its group ("1" … "6"); a sector sub-row (1.2's) carries its indicator's STT too.
 */
export function indicatorRows(catalogue: Catalogue, year: number, quarter: number, current: readonly PickedReturn[], responsibleCount: ResponsibleCount): IndicatorRow[] {
  const ctx: Context = { catalogue, year, quarter, national: current.filter((r) => r.unit.kind !== 'province') };
  const rowIds = allIndicators(catalogue).flatMap((i) => i.rows.map((r) => r.id));
  // Longest first, so "2.10" is tried before "2.1" when reading a cell name.
  const byLength = [...rowIds].sort((a, b) => b.length - a.length);
  return catalogue.groups.flatMap((g) =>
    g.indicators.flatMap((ind, i) => ind.rows.map((row) => indicatorRow(ctx, row, String(i + 1), byLength, responsibleCount))),
  );
}
