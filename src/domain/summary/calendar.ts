/**
 * Dates the summary reasons with: a quarter's end (responsibility is what a unit fills then), the
 * last day a return is on time, and who is expected to send one. Dates are ISO "YYYY-MM-DD" in
 * Vietnam time, since the calendar's days ("Trước ngày 05/4") are Vietnamese office days.
 */
import type { Catalogue, ReportingUnit } from '../../catalogue/schema';
import { fillsOn } from '../../catalogue/load';

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function calendarOf(catalogue: Catalogue, quarter: number) {
  const q = catalogue.calendar.find((c) => c.quarter === quarter);
  if (!q) throw new Error(`the catalogue's calendar has no quarter ${quarter}`);
  return q;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * The last day of the last month the quarter's figures cover (Q4 covers October and November,
 * so it ends on 30 November): the day a unit's responsibilities are read on.
 */
export function quarterEnd(catalogue: Catalogue, year: number, quarter: number): string {
  const months = calendarOf(catalogue, quarter).months;
  const last = months[months.length - 1]!;
  // Day 0 of the next month is the last day of this one.
  return isoDay(Date.UTC(year + last.yearOffset, last.month, 0));
}

/**
 * The last day a return is on time. The calendar's dueBefore is "before this day" (Trước ngày
 * 05/4), so the day before it. Every quarter's return falls due in the return's own year (Q4's
 * is due before 5 December, since Q4 covers October and November only).
 */
export function lastOnTimeDay(catalogue: Catalogue, year: number, quarter: number): string {
  const due = `${year}-${calendarOf(catalogue, quarter).dueBefore}`;
  return isoDay(dayMs(due) - DAY_MS);
}

/** The Vietnam calendar day of an instant. */
export function vietnamDay(isoInstant: string): string | null {
  const ms = Date.parse(isoInstant);
  return Number.isFinite(ms) ? isoDay(ms + VIETNAM_OFFSET_MS) : null;
}

/** Whole days from `from` to `to` (ISO days); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

function validOn(unit: ReportingUnit, day: string): boolean {
  return unit.validFrom <= day && (!unit.validTo || unit.validTo >= day);
}

/**
 * A unit is expected to send a quarter's return when it exists on the return's last on-time day
 * (the unit that exists when the return falls due is the one that sends it: a province merged
 * on 1 July sends Q2 as the new province) and fills at least one row at the quarter's end.
 */
export function expectedIn(catalogue: Catalogue, unit: ReportingUnit, year: number, quarter: number): boolean {
  return validOn(unit, lastOnTimeDay(catalogue, year, quarter)) && fillsOn(unit, quarterEnd(catalogue, year, quarter)).length > 0;
}

/** Rows a unit answers for in a quarter: those it fills at the quarter's end, if it is expected then. */
export function responsibleRows(catalogue: Catalogue, unit: ReportingUnit, year: number, quarter: number): string[] {
  return expectedIn(catalogue, unit, year, quarter) ? fillsOn(unit, quarterEnd(catalogue, year, quarter)) : [];
}
