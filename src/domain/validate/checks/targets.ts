/**
 * The figures against the targets, and the "dynamic and timely" principle.
 *
 * The year's target: in Q4 the latest figure must meet it with its comparator. Before Q4 it
 * must be on the straight path from the catalogue's 2022 baseline (end of 2022) to the year's
 * target (end of the year), read at the end of the figure's quarter; a row without a baseline
 * value has no path and is judged in Q4 only. A baseline already at or above the target asks
 * for the target itself. The 2025 target is only info before 2025: the assessment covers it.
 */
import type { NumericTarget } from '../../../catalogue/schema';
import { comparatorMeaning, meets, meetsTarget, numericTarget, targetLabel } from '../../assess';
import { formatNumber, formatPercent } from '../../parse';
import { hasNoWords, cellText } from '../cellText';
import { latestFigure, quarterLabel, type CheckContext, type FigureView, type RowView } from '../context';
import { atFigure, atSection, type Check, type Finding } from '../finding';
import { EPSILON, farAboveThreshold } from '../thresholds';

type Latest = NonNullable<ReturnType<typeof latestFigure>>;

export type Shortfall =
  | { kind: 'belowYear'; view: RowView; figure: Latest; target: NumericTarget }
  | { kind: 'behindPath'; view: RowView; figure: Latest; target: NumericTarget; required: number; baseline: { year: number; value: number } };

const pct = (p: number) => ({ vi: formatPercent(p, 'vi'), en: formatPercent(p, 'en') });
const label = (t: NumericTarget) => ({ vi: targetLabel(t, 'vi'), en: targetLabel(t, 'en') });

/** Where the straight path from the baseline to the year's target stands at the end of `quarter`. */
export function pathValue(baseline: { year: number; value: number }, target: number, year: number, quarter: number): number {
  if (baseline.value >= target) return target;
  const elapsed = year - 1 + quarter / 4 - baseline.year;
  return baseline.value + ((target - baseline.value) * elapsed) / (year - baseline.year);
}

/** How the row's latest figure falls short of the year's target, or null when it does not (or cannot be judged). */
export function shortfall(ctx: CheckContext, view: RowView): Shortfall | null {
  if (ctx.quarter === null || ctx.year === null) return null;
  const figure = latestFigure(view, ctx.quarter);
  const target = numericTarget(view.row, ctx.year);
  if (!figure || !target) return null;
  const p = figure.parsed.percent;
  if (figure.quarter === 4) return meetsTarget(p, target) ? null : { kind: 'belowYear', view, figure, target };
  const b = view.row.baseline;
  if (b.value === null || b.year >= ctx.year) return null;
  const baseline = { year: b.year, value: b.value };
  const required = pathValue(baseline, target.value, ctx.year, figure.quarter);
  return p < required - EPSILON ? { kind: 'behindPath', view, figure, target, required, baseline } : null;
}

const shortfalls = (ctx: CheckContext) => ctx.rows.map((v) => shortfall(ctx, v)).filter((s): s is Shortfall => s !== null);

const common = (ctx: CheckContext, figure: FigureView & { parsed: { percent: number } }, target: NumericTarget) => ({
  value: pct(figure.parsed.percent),
  quarter: quarterLabel(ctx, figure.quarter),
  target: label(target),
  year: ctx.year ?? '',
});

export const belowYear: Check = (ctx) =>
  shortfalls(ctx).flatMap((s) =>
    s.kind === 'belowYear' ? [atFigure('target.belowYear', s.view, s.figure, { ...common(ctx, s.figure, s.target), meaning: comparatorMeaning(s.target) })] : [],
  );

export const behindPath: Check = (ctx) =>
  shortfalls(ctx).flatMap((s) =>
    s.kind === 'behindPath'
      ? [atFigure('target.behindPath', s.view, s.figure, {
          ...common(ctx, s.figure, s.target),
          baseline: pct(s.baseline.value),
          baselineYear: s.baseline.year,
          // The path is a guide, not a figure: one decimal.
          required: { vi: `${formatNumber(Math.round(s.required * 10) / 10, 'vi')}%`, en: `${formatNumber(Math.round(s.required * 10) / 10, 'en')}%` },
        })]
      : [],
  );

export const below2025: Check = (ctx) => {
  const { quarter, year } = ctx;
  const horizon = ctx.catalogue.horizonYear;
  if (quarter === null || year === null || year >= horizon) return [];
  return ctx.rows.flatMap((view): Finding[] => {
    const figure = latestFigure(view, quarter);
    const target = numericTarget(view.row, horizon);
    if (!figure || !target || meetsTarget(figure.parsed.percent, target)) return [];
    return [atFigure('target.below2025', view, figure, { ...common(ctx, figure, target), horizon, meaning: comparatorMeaning(target) })];
  });
};

export const noRemedy: Check = (ctx) => {
  const short = shortfalls(ctx);
  if (short.length === 0 || !hasNoWords(cellText(ctx.data.narrative?.proposals))) return [];
  return [atSection('dynamic.noRemedy', 'proposals', { indicators: short.map((s) => s.view.row.id).join(', ') })];
};

export const farAbove: Check = (ctx) => {
  const { quarter, year } = ctx;
  if (quarter === null || year === null) return [];
  return ctx.rows.flatMap((view): Finding[] => {
    const figure = latestFigure(view, quarter);
    const target = numericTarget(view.row, year);
    if (!figure || !target || target.value <= 0) return [];
    if (!meets(figure.parsed.percent, farAboveThreshold(target.value), 'atLeast')) return [];
    return [atFigure('dynamic.farAbove', view, figure, common(ctx, figure, target))];
  });
};
