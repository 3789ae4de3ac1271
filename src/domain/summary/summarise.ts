/**
 * summarise: the returns of a quarter → the department's summary (types.ts). Pure and
 * deterministic: the same inputs and options give the same summary, in whatever order they are
 * given (they are put in one order first, order.ts), whether the returns came from the endpoint
 * or from returned workbooks.
 *
 * Returns read: the latest version of each unit's return for the summarised quarter (figures,
 * flags, sections); every version of the year's earlier quarters' returns too, for the
 * completeness grid only (their figures are superseded by the later return, which repeats the
 * earlier quarters). A return for another year or a later quarter is skipped with its reason.
 *
 * A return that still has errors (a file read without strict) is read like any other, for the
 * figures it holds; its errors (the error flags it carries, errors.ts) are marked on the rows
 * they are on, on its completeness cell and in `withErrors`.
 */
import type { UnitList } from '../../catalogue/schema';
import type { SectionKey } from '../returnData';
import { responsibleRows } from './calendar';
import { completeness, countsByQuarter, withErrorsByQuarter } from './completeness';
import { errorCount } from './errors';
import { indicatorRows } from './indicators';
import { inCanonicalOrder } from './order';
import { describeSource, pickReturns, type PickedReturn } from './pickReturns';
import type { ReturnInput, ReturnWithErrors, SectionParagraph, Summary, SummaryOptions } from './types';

const SECTION_KEYS: readonly SectionKey[] = ['trend', 'international', 'difficulties', 'proposals'];

/** The picked returns (one per unit) in unit-list order: the order every list of the summary follows. */
function inUnitListOrder(current: readonly PickedReturn[], units: UnitList): PickedReturn[] {
  const position = new Map(units.units.map((u, i) => [u.id, i]));
  return [...current].sort((a, b) => position.get(a.unit.id)! - position.get(b.unit.id)!);
}

/** Each section's paragraphs (split on line breaks), non-empty, with the unit that wrote them, in unit-list order. */
function gatherSections(ordered: readonly PickedReturn[]): Record<SectionKey, SectionParagraph[]> {
  const out = { trend: [], international: [], difficulties: [], proposals: [] } as Record<SectionKey, SectionParagraph[]>;
  for (const key of SECTION_KEYS) {
    for (const r of ordered) {
      for (const text of r.input.payload.sections[key].split(/\r?\n/)) {
        if (text.trim()) out[key].push({ unitId: r.unit.id, unitName: r.unit.name.vi, text: text.trim() });
      }
    }
  }
  return out;
}

/** The returns used that still have errors (a file read without strict), in unit-list order. */
function withErrors(ordered: readonly PickedReturn[]): ReturnWithErrors[] {
  return ordered.flatMap((r) => {
    const errors = errorCount(r.input.payload);
    return errors > 0 ? [{ source: describeSource(r.input), unitId: r.unit.id, quarter: r.input.payload.quarter, errors }] : [];
  });
}

export function summarise(inputs: readonly ReturnInput[], options: SummaryOptions): Summary {
  const { catalogue, units, year, quarter } = options;
  // Inputs in one order (so which version or file wins a tie never depends on how they were
  // listed), then the units' returns in unit-list order (so conflicting figures, sector shares,
  // justifications and paragraphs are listed as the units are, never as the inputs came).
  const picked = pickReturns(inCanonicalOrder(inputs), units, year, quarter);
  const current = inUnitListOrder(picked.current, units);
  // Responsibility counts every unit that answers for a row, whether or not it has sent its return,
  // so one ministry's sector share is never mistaken for the national figure.
  const national = units.units.filter((u) => u.kind !== 'province');
  const responsibleCount = (rowId: string, q: number) => national.filter((u) => responsibleRows(catalogue, u, year, q).includes(rowId)).length;
  const grid = completeness(catalogue, units, year, quarter, picked.ofYear);
  return {
    year,
    quarter,
    generatedAt: options.generatedAt,
    indicators: indicatorRows(catalogue, year, quarter, current, responsibleCount),
    completeness: grid,
    countsByQuarter: countsByQuarter(grid, quarter),
    sections: gatherSections(current),
    used: picked.current.length,
    skipped: picked.skipped,
    withErrors: withErrors(current),
    withErrorsByQuarter: withErrorsByQuarter(grid, quarter),
  };
}
