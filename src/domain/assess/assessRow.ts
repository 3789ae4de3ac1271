/**
 * One reporting row against its 2025 target, on the four levels of the national summary.
 *
 * The rule, in one sentence: a row is 'achieved' when its latest figure already meets the 2025
 * target with its comparator; otherwise the straight line from the 2022 baseline (or, where the
 * catalogue has none, from the row's earliest figure) through the latest figure is extended, and
 * the row is 'likely2024' if that line meets the target by the end of the year before the horizon
 * (2024), 'likely2025' if it meets it by the end of the horizon year (2025), and 'challenging' if
 * it misses, if there is no figure, no second point to draw a line, or no numeric target.
 */
import type { ReportingRow } from '../../catalogue/schema';
import type { Assessment } from '../flags';
import { reasons } from './reasons';
import { meetsTarget, numericTarget, appliedTarget, targetLabel } from './targets';
import { baselinePoint, extrapolate, figurePoint, usableFigures, type DatedFigure, type TrendPoint } from './trend';

export function assessRow(row: ReportingRow, figures: readonly DatedFigure[], horizonYear: number): Assessment {
  const applied = appliedTarget(row, horizonYear);
  const target = numericTarget(row, horizonYear);
  const printed = applied ? targetLabel(applied, 'vi') : '–';
  const dated = usableFigures(figures);
  const latestFigure = dated.length > 0 ? dated[dated.length - 1]! : null;
  const base = { indicator: row.id, value: latestFigure?.percent ?? null, target: printed, targetValue: target?.value ?? null };
  const t = { vi: applied ? targetLabel(applied, 'vi') : '–', en: applied ? targetLabel(applied, 'en') : '–' };

  if (!target) return { ...base, status: 'challenging', reason: reasons.noNumericTarget(t, horizonYear) };
  if (!latestFigure) return { ...base, status: 'challenging', reason: reasons.noData(t, horizonYear) };
  const latest = figurePoint(latestFigure);
  if (meetsTarget(latest.percent, target)) return { ...base, status: 'achieved', reason: reasons.achieved(latest, t, horizonYear) };

  const from = startOfTrend(row, dated, latest);
  if (!from) return { ...base, status: 'challenging', reason: reasons.noTrend(latest, t, horizonYear) };
  const early = horizonYear - 1;
  const byEarly = latest.time <= early ? extrapolate(from, latest, early) : null;
  const byHorizon = extrapolate(from, latest, horizonYear);
  const line = { from, latest, byEarly, byHorizon, target: t, horizonYear };
  if (byEarly !== null && meetsTarget(byEarly, target)) return { ...base, status: 'likely2024', reason: reasons.likelyEarly(line) };
  if (meetsTarget(byHorizon, target)) return { ...base, status: 'likely2025', reason: reasons.likelyHorizon(line) };
  return { ...base, status: 'challenging', reason: reasons.misses(line) };
}

/** The baseline when the catalogue has its value and it is older than the latest figure; else the earliest figure. */
function startOfTrend(row: ReportingRow, dated: readonly DatedFigure[], latest: TrendPoint): TrendPoint | null {
  const b = row.baseline;
  if (b.value !== null && b.year < latest.time) return baselinePoint(b.year, b.value);
  const first = dated.length > 0 ? figurePoint(dated[0]!) : null;
  return first && first.time < latest.time ? first : null;
}
