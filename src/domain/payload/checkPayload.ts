/**
 * The server's check of a received payload: the client's own validateReturn, run on the payload
 * turned back into a return. The client's flags are never trusted; they only tell how an
 * ambiguous workbook cell was read (see toReturnData.ts).
 */
import { findUnit, loadCatalogue, unitsForYear } from '../../catalogue/load';
import type { Catalogue, UnitList } from '../../catalogue/schema';
import type { CheckResult, Flag } from '../flags';
import { validateReturn } from '../validate';
import type { SubmissionPayload } from './schema';
import { payloadToReturnData } from './toReturnData';

export interface PayloadCheckContext {
  catalogue: Catalogue;
  units: UnitList;
}

export function checkPayload(payload: SubmissionPayload, ctx: PayloadCheckContext): CheckResult {
  return validateReturn(payloadToReturnData(payload, ctx.catalogue, ctx.units), { catalogue: ctx.catalogue, units: ctx.units, quarter: payload.quarter });
}

/** Errors refuse a return; warnings travel with it (justified or not) and infos are only shown. */
export function acceptance(result: CheckResult): { accept: boolean; errors: Flag[] } {
  const errors = result.flags.filter((f) => f.severity === 'error');
  return { accept: errors.length === 0, errors };
}

export type MayReport = { ok: true } | { ok: false; message: { vi: string; en: string } };

/**
 * Whether the payload's unit may send a return for its year at all: asked before anything is
 * stored, so a return for a merged-away unit or a year without targets never gets a return id.
 */
export function unitMayReport(payload: Pick<SubmissionPayload, 'unitId' | 'year'>, units: UnitList, catalogue: Catalogue = loadCatalogue()): MayReport {
  const { unitId, year } = payload;
  const unit = findUnit(units, unitId);
  if (!unit) {
    return { ok: false, message: { vi: `Mã đơn vị “${unitId}” không có trong danh sách đơn vị báo cáo.`, en: `Unit id "${unitId}" is not in the list of reporting units.` } };
  }
  if (!catalogue.years.includes(year)) {
    const years = catalogue.years.join(', ');
    return {
      ok: false,
      message: { vi: `Năm ${year} không có chỉ tiêu trong bộ chỉ tiêu (các năm có chỉ tiêu: ${years}).`, en: `Year ${year} has no targets in the catalogue (years with targets: ${years}).` },
    };
  }
  if (!unitsForYear(units, year).includes(unit)) {
    const validity = `${unit.validFrom}${unit.validTo ? ` – ${unit.validTo}` : ''}`;
    const successor = unit.successor ? findUnit(units, unit.successor) : undefined;
    return {
      ok: false,
      message: {
        vi: `Đơn vị ${unit.id} (${unit.name.vi}) không báo cáo năm ${year} (hiệu lực ${validity})${successor ? `; đơn vị báo cáo năm đó: ${successor.id} (${successor.name.vi})` : ''}.`,
        en: `Unit ${unit.id} (${unit.name.en}) does not report for ${year} (valid ${validity})${successor ? `; the unit reporting that year: ${successor.id} (${successor.name.en})` : ''}.`,
      },
    };
  }
  return { ok: true };
}
