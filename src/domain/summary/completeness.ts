/**
 * Completeness and timeliness: every unit that reports that year × each quarter up to the one
 * summarised. On time or late is judged on the first version received (a later correction does
 * not make an on-time return late); provisional on the latest version.
 */
import type { Catalogue, UnitList } from '../../catalogue/schema';
import { fillsForYear, unitsForYear } from '../../catalogue/load';
import { daysBetween, expectedIn, lastOnTimeDay, vietnamDay } from './calendar';
import { errorCount } from './errors';
import { isLater, type PickedReturn } from './pickReturns';
import type { CompletenessCell, CompletenessRow, Timeliness } from './types';

export const TIMELINESS: readonly Timeliness[] = ['onTime', 'late', 'missing', 'provisional', 'unknown', 'notExpected'];

/** Every figure of the quarter the return gave is provisional (and it gave at least one). */
function allProvisional(r: PickedReturn, quarter: number): boolean {
  const numbers = r.input.payload.figures.filter((f) => f.quarter === quarter && f.status === 'number');
  return numbers.length > 0 && numbers.every((f) => f.provisional);
}

function cellFor(catalogue: Catalogue, year: number, quarter: number, returns: PickedReturn[], expected: boolean): CompletenessCell {
  if (returns.length === 0) return { quarter, status: expected ? 'missing' : 'notExpected' };
  const latest = returns.reduce((a, b) => (isLater(b, a) ? b : a));
  const cell = timeliness(catalogue, year, quarter, returns, latest);
  // The version read is the one whose errors matter: a correction without errors clears them.
  const errors = errorCount(latest.input.payload);
  return errors > 0 ? { ...cell, errors } : cell;
}

/**
 * A late return stays late even when provisional (lateness is what the department chases); an
 * on-time or undated one that is all provisional is shown as provisional.
 */
function timeliness(catalogue: Catalogue, year: number, quarter: number, returns: PickedReturn[], latest: PickedReturn): CompletenessCell {
  const received = returns.map((r) => r.input.source.receivedAt).filter((t): t is string => !!t).sort((a, b) => Date.parse(a) - Date.parse(b));
  const firstDay = received.length ? vietnamDay(received[0]!) : null;
  if (firstDay) {
    const late = daysBetween(lastOnTimeDay(catalogue, year, quarter), firstDay);
    if (late > 0) return { quarter, status: 'late', daysLate: late };
  }
  if (allProvisional(latest, quarter)) return { quarter, status: 'provisional' };
  return { quarter, status: firstDay ? 'onTime' : 'unknown' };
}

export function completeness(catalogue: Catalogue, units: UnitList, year: number, quarter: number, ofYear: readonly PickedReturn[]): CompletenessRow[] {
  const expectedUnits = unitsForYear(units, year).filter((u) => fillsForYear(u, year).length > 0);
  return expectedUnits.map((unit) => ({
    unitId: unit.id,
    unitName: unit.name.vi,
    cells: Array.from({ length: quarter }, (_, i) => {
      const q = i + 1;
      const returns = ofYear.filter((r) => r.unit.id === unit.id && r.input.payload.quarter === q);
      return cellFor(catalogue, year, q, returns, expectedIn(catalogue, unit, year, q));
    }),
  }));
}

/** Per quarter, the units whose return read for it still has errors. */
export function withErrorsByQuarter(rows: readonly CompletenessRow[], quarter: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (let q = 1; q <= quarter; q++) out[q] = rows.filter((row) => (row.cells.find((c) => c.quarter === q)?.errors ?? 0) > 0).length;
  return out;
}

export function countsByQuarter(rows: readonly CompletenessRow[], quarter: number): Record<number, Record<Timeliness, number>> {
  const out: Record<number, Record<Timeliness, number>> = {};
  for (let q = 1; q <= quarter; q++) {
    const counts = Object.fromEntries(TIMELINESS.map((t) => [t, 0])) as Record<Timeliness, number>;
    for (const row of rows) {
      const cell = row.cells.find((c) => c.quarter === q);
      if (cell) counts[cell.status] += 1;
    }
    out[q] = counts;
  }
  return out;
}
