/**
 * Which returns the summary reads. A return for another year, or a later quarter, is skipped with
 * its reason; a unit that sent several versions is read once, from its latest, so a correction
 * replaces the figures it corrects instead of being counted beside them.
 */
import type { UnitList, ReportingUnit } from '../../catalogue/schema';
import { findUnit } from '../../catalogue/load';
import { skippedInput } from './skipped';
import type { ReturnInput, SkippedInput } from './types';

export interface PickedReturn {
  input: ReturnInput;
  unit: ReportingUnit;
  /** Position among the inputs (summarise gives them in canonical order, order.ts): breaks ties between files. */
  order: number;
}

export interface Picked {
  /** The latest return of each unit for the summarised quarter. */
  current: PickedReturn[];
  /** Every return of the year up to the summarised quarter (all versions), for timeliness. */
  ofYear: PickedReturn[];
  skipped: SkippedInput[];
}

/** "CT-2025-Q2-bo-y-te-v1" or the file's name: how a person finds the input again. */
export function describeSource(input: ReturnInput): string {
  return input.source.kind === 'endpoint' ? input.source.receiptNumber : input.source.file;
}

/**
 * Later than `b`: between two endpoint versions the higher version; otherwise the later receipt
 * time where both have one; otherwise the one given later (in summarise's canonical order: the
 * file whose name sorts last, as `chitieu merge` lists a folder).
 */
export function isLater(a: PickedReturn, b: PickedReturn): boolean {
  const sa = a.input.source;
  const sb = b.input.source;
  if (sa.kind === 'endpoint' && sb.kind === 'endpoint' && sa.version !== sb.version) return sa.version > sb.version;
  if (sa.receivedAt && sb.receivedAt && sa.receivedAt !== sb.receivedAt) return Date.parse(sa.receivedAt) > Date.parse(sb.receivedAt);
  return a.order > b.order;
}

export function pickReturns(inputs: readonly ReturnInput[], units: UnitList, year: number, quarter: number): Picked {
  const skipped: SkippedInput[] = [];
  const ofYear: PickedReturn[] = [];
  inputs.forEach((input, order) => {
    const p = input.payload;
    const source = describeSource(input);
    const unit = findUnit(units, p.unitId);
    if (!unit) {
      skipped.push(
        skippedInput(source, {
          vi: `Đơn vị "${p.unitId}" không có trong danh sách đơn vị báo cáo.`,
          en: `Unit "${p.unitId}" is not in the list of reporting units.`,
        }),
      );
    } else if (p.year !== year || p.quarter > quarter) {
      skipped.push(
        skippedInput(
          source,
          {
            vi: `Báo cáo Quý ${p.quarter}/${p.year}, không phải Quý ${quarter}/${year} đang tổng hợp.`,
            en: `A Q${p.quarter} ${p.year} return, not the Q${quarter} ${year} being summarised.`,
          },
          'otherPeriod',
        ),
      );
    } else {
      ofYear.push({ input, unit, order });
    }
  });

  const latest = new Map<string, PickedReturn>();
  for (const r of ofYear.filter((r) => r.input.payload.quarter === quarter)) {
    const seen = latest.get(r.unit.id);
    if (!seen || isLater(r, seen)) latest.set(r.unit.id, r);
  }
  const current = [...latest.values()].sort((a, b) => a.order - b.order);
  for (const r of ofYear) {
    if (r.input.payload.quarter !== quarter || current.includes(r)) continue;
    const used = describeSource(latest.get(r.unit.id)!.input);
    const reason = { vi: `Phiên bản cũ; dùng phiên bản mới hơn (${used}).`, en: `An earlier version; the later one (${used}) is used.` };
    skipped.push(skippedInput(describeSource(r.input), reason, 'superseded'));
  }
  return { current, ofYear, skipped };
}
