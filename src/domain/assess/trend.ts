/**
 * The straight line the assessment extrapolates along. Time is measured in years at the end of
 * each period, so the 2022 baseline (an estimate for the whole year) sits at 2022, a Q2 2023
 * figure at 2022.5 and a Q4 2023 figure at 2023: "by end-2024" is then simply t = 2024.
 */
export interface DatedFigure {
  year: number;
  /** 1–4 */
  quarter: number;
  /** Percent: 15.5 means 15.5%. */
  percent: number;
}

/** A point on the trend: a dated figure or the catalogue's baseline. */
export interface TrendPoint {
  time: number;
  percent: number;
  /** Where it came from, for the reason sentence. */
  label: { vi: string; en: string };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function figureTime(year: number, quarter: number): number {
  return year - 1 + quarter / 4;
}

export function figurePoint(f: DatedFigure): TrendPoint {
  return {
    time: figureTime(f.year, f.quarter),
    percent: f.percent,
    label: { vi: `Quý ${ROMAN[f.quarter - 1]}/${f.year}`, en: `Q${f.quarter} ${f.year}` },
  };
}

export function baselinePoint(year: number, percent: number): TrendPoint {
  return { time: year, percent, label: { vi: `năm ${year}`, en: `${year}` } };
}

/** The value the line through `from` and `to` reaches at `time`. */
export function extrapolate(from: TrendPoint, to: TrendPoint, time: number): number {
  const slope = (to.percent - from.percent) / (to.time - from.time);
  return to.percent + slope * (time - to.time);
}

/** Figures that can be dated and placed, oldest first; equal times keep their input order. */
export function usableFigures(figures: readonly DatedFigure[]): DatedFigure[] {
  return figures
    .filter((f) => Number.isInteger(f.year) && Number.isInteger(f.quarter) && f.quarter >= 1 && f.quarter <= 4 && Number.isFinite(f.percent))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => figureTime(a.f.year, a.f.quarter) - figureTime(b.f.year, b.f.quarter) || a.i - b.i)
    .map(({ f }) => f);
}
